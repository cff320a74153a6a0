// Package read turns a district's spreadsheet, CSV or JSON export into one
// tabular shape, [Table]: headers, data rows with source positions, and the
// rows that were left out and why. It knows nothing about fields or the
// database; another package maps headers to fields later.
//
// # Formats
//
// CSV (UTF-8, UTF-8 with BOM, UTF-16 with BOM, or GB18030/GBK as written by
// Chinese Excel), XLSX (Excel or WPS), JSON (an array of objects, or an
// object holding such an array under "rows" or "data") and JSON Lines.
//
// # Header detection (CSV and XLSX, Options.HeaderRows == 0)
//
// The rule only looks at raw cell text and, for XLSX, at merged ranges, so
// it is deterministic:
//
//  1. Leading blank rows are skipped ("blank").
//  2. Up to five title rows are skipped ("title"): a row with exactly one
//     non-empty cell (e.g. "2021年淄博市共建平台统计表" merged across the
//     table), or a row of at most three cells that all read "label：value"
//     (e.g. "填报单位：张店区", "单位：万元"). Title rows are only recognised
//     when some row among the first 30 has two or more non-empty cells, so
//     a one-column file keeps its header.
//  3. The next row is the first header row.
//  4. The following row joins the header, up to three header rows in all,
//     when it is not blank, has no numeric cell, is not a total row, and
//     shows sub-headers: rule (a), some column is blank in the row above
//     but filled in this row, and the nearest filled cell to its left in
//     the row above (the group label, "资金") also has a filled cell below
//     it ("财政资金", "自筹资金"), merged or not; or rule (b), for XLSX, a
//     merged range covers both rows, such as "序号" merged over two rows.
//
// With Options.HeaderRows > 0, steps 1 and 2 still apply and exactly that
// many rows form the header.
//
// Header names: merged ranges are first propagated to every cell they
// cover. Then, in every header row but the last, a group label is carried
// right over the blank cells after it while some lower header row names
// those columns (a blank column with nothing below ends the group), so an
// unmerged CSV group header reads like a merged one. The parts of a column
// are normalised (full-width spaces removed, whitespace next to CJK text
// removed, other whitespace collapsed), empty and repeated parts are
// dropped, and the rest are joined top to bottom with "/", e.g.
// "资金/财政资金（万元）". Columns without any header text get "".
//
// # Data rows
//
// Merged ranges in the data area are propagated to every cell they cover
// (a 区县 merged over three rows appears in all three). A blank row is
// skipped as "blank"; trailing blank rows after the last non-blank row are
// dropped without a record. A row whose first non-empty cell is a total
// label (see vocab.IsTotalLabel) is skipped as "total", wherever it is.
//
// Notes are only looked for in the trailer: the rows after the last data
// row, all of which are blank, totals, note-like or single-valued. There a
// row is skipped as "note" when its first non-empty cell starts with 注,
// 说明, 填表, 填报人, 备注, 制表, 审核, 联系人, 联系电话, 负责人, 数据来源
// or 资料来源 and no cell is a bare number, or when it has a single
// distinct value and follows a total row. Note-like rows inside the table
// (a company called 注册…) stay data.
//
// CSV and XLSX cell values are kept raw (not trimmed); only header names
// are normalised.
//
// # Streaming
//
// [OpenFile] returns a [Stream] that hands out data rows a chunk at a time.
// A CSV streams: header detection runs on the first 64 non-blank rows,
// and rows that could belong to a trailer are held back until a later row
// or the end of input decides them, so a stream gives exactly the rows and
// skipped rows that [ReadCSV] gives (ReadCSV is a stream gathered into a
// Table). Records are split by a lexer that reads what encoding/csv reads
// (held to it by a differential fuzz test) but splits quote-free lines
// without copying them. XLSX and JSON are read whole and handed out in
// chunks. [Stream.Release] lets a consumer hand a chunk's memory back.
//
// # Limits
//
// Every whole-table reader enforces Options.MaxRows (source lines or rows),
// Options.MaxCellBytes (one cell) and Options.MaxCells (rows × columns);
// a CSV stream only those limits that are set, since it holds one chunk.
// CSV records and JSON lines longer than 4 MiB (or 8 × MaxCellBytes) fail
// before they are buffered whole; XLSX
// archives are checked for declared uncompressed size and compression
// ratio before anything is inflated; JSON nesting is bounded. All errors
// are *Error values whose message starts with "read: ".
package read
