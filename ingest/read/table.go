package read

// Cell is one raw value with its position in the source, for error
// messages.
type Cell struct {
	Value   string `json:"value"`
	Col     int    `json:"col"`      // 1-based column
	ColName string `json:"col_name"` // letters for XLSX and CSV alike ("C"), the key for JSON
}

// Row is one data record. Line is 1-based: the CSV line number of the
// record's first line, the XLSX row number, the JSON Lines line number, or
// the JSON array element index + 1. Cells are in header order, and
// len(Cells) == len(Table.Headers): missing trailing cells are "".
type Row struct {
	Line  int    `json:"line"`
	Cells []Cell `json:"cells"`
}

// Skipped tells which source rows were left out and why. Reason is one of
// "blank", "total" (合计/总计/小计/共计/Total), "title" (above the header)
// or "note" (填表人/说明/注： lines below the table). Text is the row's
// distinct non-empty cell values joined with a space.
type Skipped struct {
	Line   int    `json:"line"`
	Reason string `json:"reason"`
	Text   string `json:"text"`
}

// Reasons used in Skipped.Reason.
const (
	ReasonBlank = "blank"
	ReasonTotal = "total"
	ReasonTitle = "title"
	ReasonNote  = "note"
)

// Formats used in Table.Format.
const (
	FormatCSV   = "csv"
	FormatXLSX  = "xlsx"
	FormatJSON  = "json"
	FormatJSONL = "jsonl"
)

// Table is what every reader returns.
type Table struct {
	File        string    `json:"file"`     // base name of the input
	Sheet       string    `json:"sheet"`    // XLSX sheet name, "" otherwise
	Format      string    `json:"format"`   // "csv", "xlsx", "json", "jsonl"
	Encoding    string    `json:"encoding"` // CSV: "utf-8", "utf-8-bom", "gb18030", "utf-16le", "utf-16be"; "" otherwise
	HeaderLines []int     `json:"header_lines"`
	Headers     []string  `json:"headers"` // one per column, multi-row headers joined with "/"
	Rows        []Row     `json:"rows"`
	Skipped     []Skipped `json:"skipped"`
	// OtherSheets are a workbook's sheets that were not read: a load
	// reports them, so that no sheet is ignored silently.
	OtherSheets []OtherSheet `json:"other_sheets,omitempty"`
}

// Default limits, used when the matching Options field is zero.
const (
	DefaultMaxRows      = 2_000_000
	DefaultMaxCellBytes = 64 << 10
	DefaultMaxCells     = 20_000_000
)

// Options for reading. The zero value detects everything and uses the
// default limits.
type Options struct {
	// Sheet picks an XLSX sheet by name (exact, then case-insensitive) or,
	// when no sheet has that name, by 1-based index given as "2". "" picks
	// the first visible worksheet with data.
	Sheet string
	// HeaderRows is the number of header rows; 0 detects 1 to 3 rows (see
	// the package documentation).
	HeaderRows int
	// MaxRows refuses inputs with more source lines or rows (default
	// 2,000,000).
	MaxRows int
	// MaxCellBytes refuses a cell longer than this (default 64 KiB); the
	// error names the line and column.
	MaxCellBytes int
	// MaxCells refuses tables with more than this many cells, counted as
	// rows × columns (default 20,000,000). It bounds memory for sparse
	// hostile inputs such as one cell at XFD1048576.
	MaxCells int
	// ChunkRows is how many data rows Stream.Next returns at a time
	// (default DefaultChunkRows).
	ChunkRows int
}

// withDefaults fills zero limits with the defaults.
func (o Options) withDefaults() Options {
	if o.MaxRows <= 0 {
		o.MaxRows = DefaultMaxRows
	}
	if o.MaxCellBytes <= 0 {
		o.MaxCellBytes = DefaultMaxCellBytes
	}
	if o.MaxCells <= 0 {
		o.MaxCells = DefaultMaxCells
	}
	if o.HeaderRows < 0 {
		o.HeaderRows = 0
	}
	return o
}
