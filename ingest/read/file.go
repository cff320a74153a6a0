package read

import (
	"os"
	"path/filepath"
	"strings"
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
