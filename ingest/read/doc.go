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
//  4. The following row joins the header (at most three header rows in
//     all) when it is not blank, has no numeric cell, is not a total row,
//     and either
//     (a) some column is blank in the row above but filled in this row,
//     and the nearest filled cell to its left in the row above also has
//     a filled cell below it: a group label ("资金") over its
//     sub-headers ("财政资金", "自筹资金"), merged or not; or
//     (b) (XLSX) a merged range covers both rows, such as "序号" merged
//     over two header rows.
//
// With Options.HeaderRows > 0, steps 1 and 2 still apply and exactly that
// many rows form the header.
//
// Header names: merged ranges are first propagated to every cell they
// cover; in every header row but the last, a blank cell that rule (a)
// explains takes the group label to its left. The parts of a column are
// normalised (full-width spaces removed, whitespace next to CJK text
// removed, other whitespace collapsed), empty and repeated parts are
// dropped, and the rest are joined top to bottom with "/", e.g.
// "资金/财政资金（万元）".
//
// # Data rows
//
// Merged ranges in the data area are propagated to every cell they cover
// (a 区县 merged over three rows appears in all three). A blank row is
// skipped as "blank" (trailing blank rows after the last non-blank row are
// dropped without a record). A row whose first non-empty cell is a total
// label (see [IsTotal]) is skipped as "total". In the trailer, the run of
// rows after the last data row that are all blank, total or note-like, a
// row whose first non-empty cell starts with 注, 说明, 填表, 填报人, 备注,
// 制表, 审核, 联系人, 联系电话, 负责人, 数据来源 or 资料来源 is skipped as
// "note", and so is a row with a single distinct value that follows a
// total row there. Note-like rows inside the table stay data.
//
// # Limits
//
// Every reader enforces Options.MaxRows (source lines or rows),
// Options.MaxCellBytes (one cell) and Options.MaxCells (rows × columns).
// CSV records longer than 16 MiB fail before they are buffered whole; XLSX
// archives are checked for declared uncompressed size and compression
// ratio before anything is inflated; JSON nesting is bounded. All errors
// are *Error values whose message starts with "read: ".
package read
