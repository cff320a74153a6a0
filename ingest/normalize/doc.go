// Package normalize turns the cell values found in district spreadsheets and
// policy texts into comparable values: figures with their qualifiers
// ("30余个" is at least 30), money in fen, calendar periods, official area
// codes, canonical organisation names and platform levels.
//
// Everything here is pure: no database, no I/O except the alias file reader,
// and no mutable package state. Lookup tables are package-level values that
// are built once and only read afterwards, so every function is safe for
// concurrent use.
//
// Errors are *ValueError values whose text starts with "normalize: " and
// quotes the offending value, so an ingest report can show them as they are.
// Inputs are bounded: numbers and dates longer than 256 characters are
// rejected before any real work is done.
package normalize
