package read

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
)

// ReadFile detects the format from the extension and reads the file:
// .csv, .txt and .tsv as CSV (the delimiter is sniffed), .xlsx and .xlsm
// as XLSX, .json as JSON, and .jsonl and .ndjson as JSON Lines. Old .xls
// and .et files are refused with a hint to save as .xlsx.
func ReadFile(path string, o Options) (*Table, error) {
	name := filepath.Base(path)
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".json", ".jsonl", ".ndjson":
	case ".xls", ".et":
		return nil, &Error{File: name, Msg: "old " + ext + " format is not supported; save the file as .xlsx", Err: ErrFormat}
	default:
		return nil, &Error{File: name, Msg: "unknown file type " + ext + "; expected .csv, .xlsx, .json or .jsonl", Err: ErrFormat}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, withFile(err, name, "")
	}
	defer f.Close()
	switch ext {
	case ".xlsx", ".xlsm":
		st, err := f.Stat()
		if err != nil {
			return nil, withFile(err, name, "")
		}
		return ReadXLSX(f, st.Size(), name, o)
	case ".json":
		return ReadJSON(f, name, o)
	case ".jsonl", ".ndjson":
		return ReadJSONLines(f, name, o)
	}
	return ReadCSV(f, name, o)
}

// OpenFile opens a file as a stream of data rows. A CSV streams (memory
// stays flat however long the file); XLSX and JSON are read whole by their
// readers, which need the whole document, and handed out in chunks. The
// formats and errors are those of ReadFile.
func OpenFile(path string, o Options) (*Stream, error) {
	name := filepath.Base(path)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".txt", ".tsv":
	default:
		t, err := ReadFile(path, o)
		if err != nil {
			return nil, err
		}
		return TableStream(t, o.chunkRows()), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, withFile(err, name, "")
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, withFile(err, name, "")
	}
	cr := &countingReader{r: f}
	s, err := StreamCSV(cr, name, o)
	if err != nil {
		f.Close()
		return nil, err
	}
	s.close = f.Close
	s.progress = func() float64 {
		if st.Size() == 0 {
			return 1
		}
		return float64(cr.n.Load()) / float64(st.Size())
	}
	return s, nil
}

// countingReader counts the bytes read through it, for progress.
type countingReader struct {
	r io.Reader
	n atomic.Int64 // read from other goroutines
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}
