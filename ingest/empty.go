package ingest

import (
	"bytes"
	"io"
	"os"
	"path/filepath"

	"github.com/zibo-kj/corridor/ingest/read"
)

// An empty file is refused as empty rather than as a file whose kind cannot
// be told: the clerk chose the wrong file or saved it before filling it in.
const (
	emptyFix  = "nothing to load; check that you chose the right file and that it was saved after filling it in (文件为空，没有可导入的数据，请确认选择了正确的文件)"
	noRowsFix = "has a header but no data rows: nothing to load; fill in the rows under the header, or check that the whole sheet was saved (只有表头，没有数据行)"
)

// refuseEmpty is the report of a file with no header row at all: 0 bytes,
// only a byte-order mark, only blank lines, an empty sheet or JSON array.
func refuseEmpty(path, sum string, st *read.Stream) (*Report, error) {
	rep := &Report{File: st.File, Sheet: st.Sheet, Format: st.Format, Encoding: st.Encoding, SHA256: sum, Status: "rejected", OtherSheets: st.OtherSheets}
	if rep.File == "" {
		rep.File = filepath.Base(path)
	}
	rep.addErrors([]RowError{{File: rep.File, Sheet: rep.Sheet, Msg: emptyWhat(path, st) + ": " + emptyFix}})
	rep.Rejected = 0 // no row was refused: there is none
	return rep, ErrRejected
}

// emptyWhat says what an empty file holds.
func emptyWhat(path string, st *read.Stream) string {
	switch st.Format {
	case read.FormatXLSX:
		return "the sheet is empty (no header row and no data rows)"
	case read.FormatJSON, read.FormatJSONL:
		return "the file holds no records"
	}
	b, err := readHead(path, 1<<16)
	bare := bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
	switch {
	case err != nil:
		return "the file is empty"
	case len(b) == 0:
		return "the file is empty (0 bytes)"
	case len(bare) == 0, bytes.Equal(b, []byte{0xFF, 0xFE}), bytes.Equal(b, []byte{0xFE, 0xFF}):
		return "the file is empty (only a byte-order mark, no text)"
	case len(bytes.TrimSpace(bare)) == 0:
		return "the file is empty (only blank lines)"
	}
	return "the file is empty (no header row and no data rows)"
}

// readHead reads at most n bytes from the start of a file.
func readHead(path string, n int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, n))
}

// noDataRows is the error of a file with a header and nothing under it.
func noDataRows(rep *Report, headerLines []int) RowError {
	e := RowError{File: rep.File, Sheet: rep.Sheet, Msg: noRowsFix}
	if n := len(headerLines); n > 0 {
		e.Line = headerLines[n-1]
	}
	return e
}
