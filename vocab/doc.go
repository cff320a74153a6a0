// Package vocab is the one home of the bureau's domain vocabulary: units
// (money and counts), places (area codes, names, the home city), periods
// and their labels, levels, the kinds of carrier and talent record,
// organisation aliases, the words that mark totals, serial-number columns
// (序号) and parts of a whole (其中, 含), and the number
// formatting readers see. Ingest reads cells with it, analytics filters by
// it and the dashboard writes with it; no other package keeps a table of
// these facts.
//
// It turns the cell values found in district spreadsheets and policy texts
// into comparable values: figures with their qualifiers ("30余个" is at
// least 30), money in fen, calendar periods, official area codes,
// canonical organisation names and platform levels.
//
// Everything here is pure: no database, no I/O except the alias file reader,
// and no mutable package state. Lookup tables are package-level values that
// are built once and only read afterwards, so every function is safe for
// concurrent use.
//
// Errors are *ValueError values whose text starts with "vocab: " and
// quotes the offending value, so an ingest report can show them as they are.
// Inputs are bounded: numbers and dates longer than 256 characters are
// rejected before any real work is done.
package vocab
