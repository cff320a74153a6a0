package read

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxJSONDepth bounds nesting in parts of a JSON document that are
// skipped (other keys beside "rows"); records themselves may not nest.
const maxJSONDepth = 64

// jsonRecord is one object's values by column index, in key order.
type jsonRecord struct {
	line int
	vals map[int]string
}

// jsonTable collects records and the union of their keys.
type jsonTable struct {
	o       Options
	headers []string
	index   map[string]int
	recs    []jsonRecord
	cells   int
}

// ReadJSON reads an array of objects, or an object holding that array
// under "rows" or "data" (other keys are ignored). Headers are the union
// of keys in first-seen order. Strings are kept as is, numbers as their
// literal text ("1e3" stays "1e3"), booleans as "true"/"false", null as
// "". A nested object or array in a record is an error naming the element
// and key. Row.Line is the element's index + 1. All-empty records are
// skipped as "blank"; no total or note detection is done on JSON.
func ReadJSON(r io.Reader, name string, o Options) (*Table, error) {
	o = o.withDefaults()
	jt := newJSONTable(o)
	if err := jt.readDocument(r, o); err != nil {
		return nil, withFile(err, name, "")
	}
	return jt.table(name, FormatJSON), nil
}

// ReadJSONLines reads one JSON object per line (JSON Lines, NDJSON).
// Blank lines are ignored; Row.Line is the line number. Values follow the
// ReadJSON rules. A line longer than 4 MiB (or 8 × MaxCellBytes) is an
// error.
func ReadJSONLines(r io.Reader, name string, o Options) (*Table, error) {
	o = o.withDefaults()
	jt := newJSONTable(o)
	if err := jt.readLines(r); err != nil {
		return nil, withFile(err, name, "")
	}
	return jt.table(name, FormatJSONL), nil
}

// newJSONTable starts an empty collection.
func newJSONTable(o Options) *jsonTable {
	return &jsonTable{o: o, index: map[string]int{}}
}

// readDocument reads a whole JSON document.
func (jt *jsonTable) readDocument(r io.Reader, o Options) error {
	br := bufio.NewReader(r)
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte{0xEF, 0xBB, 0xBF}) {
		_, _ = br.Discard(3)
	}
	guard := newTokenGuard(br, 8*o.MaxCellBytes+64)
	dec := json.NewDecoder(guard)
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return jsonErr(err, 0)
	}
	switch tok {
	case json.Delim('['):
		err = jt.readArray(dec)
	case json.Delim('{'):
		err = jt.readWrapper(dec)
	default:
		return &Error{Msg: `JSON must be an array of objects or an object with a "rows" or "data" array`, Err: ErrFormat}
	}
	if err != nil {
		return jsonErr(err, 0)
	}
	if _, err := dec.Token(); err != io.EOF {
		return &Error{Msg: "unexpected data after the JSON document", Err: ErrFormat}
	}
	return nil
}

// readWrapper reads {"rows": [...]} or {"data": [...]}, skipping other keys.
func (jt *jsonTable) readWrapper(dec *json.Decoder) error {
	found := false
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return err
		}
		if (key == "rows" || key == "data") && !found {
			tok, err := dec.Token()
			if err != nil {
				return err
			}
			if tok != json.Delim('[') {
				return &Error{ColName: key.(string), Msg: "expected an array of records", Err: ErrFormat}
			}
			if err := jt.readArray(dec); err != nil {
				return err
			}
			found = true
			continue
		}
		if err := skipValue(dec); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil { // closing brace
		return err
	}
	if !found {
		return &Error{Msg: `JSON object has no "rows" or "data" array`, Err: ErrFormat}
	}
	return nil
}

// readArray reads records until the closing bracket.
func (jt *jsonTable) readArray(dec *json.Decoder) error {
	for n := 1; dec.More(); n++ {
		if n > jt.o.MaxRows {
			return limitErr(n, "", fmt.Sprintf("more than %d records", jt.o.MaxRows))
		}
		if err := jt.readRecord(dec, n); err != nil {
			return err
		}
	}
	_, err := dec.Token()
	return err
}

// readRecord reads one object whose values must be scalars.
func (jt *jsonTable) readRecord(dec *json.Decoder, line int) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok != json.Delim('{') {
		return &Error{Line: line, Msg: fmt.Sprintf("record is %s, not an object", describe(tok)), Err: ErrFormat}
	}
	rec := jsonRecord{line: line, vals: map[int]string{}}
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := kt.(string)
		vt, err := dec.Token()
		if err != nil {
			return err
		}
		v, ok := scalar(vt)
		if !ok {
			return &Error{Line: line, ColName: key, Msg: "nested objects and arrays are not supported; flatten the export", Err: ErrFormat}
		}
		if len(v) > jt.o.MaxCellBytes {
			return &Error{Line: line, ColName: key, Value: v, Msg: fmt.Sprintf("value longer than %d bytes", jt.o.MaxCellBytes), Err: ErrLimit}
		}
		rec.vals[jt.column(key)] = v
	}
	if _, err := dec.Token(); err != nil {
		return err
	}
	return jt.add(rec)
}

// column returns the index of key, adding a header the first time.
func (jt *jsonTable) column(key string) int {
	i, ok := jt.index[key]
	if !ok {
		i = len(jt.headers)
		jt.index[key] = i
		jt.headers = append(jt.headers, key)
	}
	return i
}

// add keeps a record, enforcing MaxCells as rows × columns so far.
func (jt *jsonTable) add(rec jsonRecord) error {
	jt.recs = append(jt.recs, rec)
	if len(jt.headers) > 0 && len(jt.recs) > jt.o.MaxCells/len(jt.headers) {
		return limitErr(rec.line, "", fmt.Sprintf("%d records × %d keys exceed %d cells", len(jt.recs), len(jt.headers), jt.o.MaxCells))
	}
	return nil
}

// scalar renders a JSON scalar token; ok is false for '{' and '['.
func scalar(tok json.Token) (string, bool) {
	switch v := tok.(type) {
	case nil:
		return "", true
	case string:
		return v, true
	case json.Number:
		return string(v), true
	case bool:
		if v {
			return "true", true
		}
		return "false", true
	}
	return "", false
}

// describe names a token for error messages.
func describe(tok json.Token) string {
	switch tok {
	case json.Delim('['):
		return "an array"
	case json.Delim('}'), json.Delim(']'):
		return "a closing bracket"
	}
	if _, ok := tok.(string); ok {
		return "a string"
	}
	if tok == nil {
		return "null"
	}
	return "a scalar"
}

// skipValue skips one value of any shape, bounding its depth.
func skipValue(dec *json.Decoder) error {
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
			if depth > maxJSONDepth {
				return limitErr(0, "", fmt.Sprintf("JSON nests deeper than %d levels", maxJSONDepth))
			}
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}

// readLines reads JSON Lines with a bounded line buffer.
func (jt *jsonTable) readLines(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), recordLimit(jt.o))
	for line := 1; sc.Scan(); line++ {
		if line > jt.o.MaxRows {
			return limitErr(line, "", fmt.Sprintf("more than %d lines", jt.o.MaxRows))
		}
		b := sc.Bytes()
		if line == 1 {
			b = bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
		}
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		if err := jt.readRecord(dec, line); err != nil {
			return jsonErr(err, line)
		}
		if _, err := dec.Token(); err != io.EOF {
			return &Error{Line: line, Msg: "unexpected data after the object", Err: ErrFormat}
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return limitErr(0, "", fmt.Sprintf("a line is longer than %d bytes", recordLimit(jt.o)))
		}
		return err
	}
	return nil
}

// jsonErr positions encoding/json errors: syntax errors by byte offset,
// since the decoder reads ahead of the line it reports on.
func jsonErr(err error, line int) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return &Error{Line: line, Msg: "unexpected end of JSON", Err: ErrFormat}
	}
	msg := "invalid JSON: " + strings.TrimPrefix(err.Error(), "json: ")
	var se *json.SyntaxError
	if errors.As(err, &se) {
		msg = fmt.Sprintf("invalid JSON at byte %d: %s", se.Offset, se.Error())
	}
	return &Error{Line: line, Msg: msg, Err: ErrFormat}
}

// table builds the Table from the collected records.
func (jt *jsonTable) table(name, format string) *Table {
	t := &Table{File: name, Format: format, HeaderLines: []int{}, Headers: jt.headers, Rows: []Row{}, Skipped: []Skipped{}}
	if t.Headers == nil {
		t.Headers = []string{}
	}
	for _, rec := range jt.recs {
		cells := make([]Cell, len(jt.headers))
		blank := true
		for j, h := range jt.headers {
			v := rec.vals[j]
			cells[j] = Cell{Value: v, Col: j + 1, ColName: h}
			blank = blank && clean(v) == ""
		}
		if blank {
			t.Skipped = append(t.Skipped, Skipped{Line: rec.line, Reason: ReasonBlank})
			continue
		}
		t.Rows = append(t.Rows, Row{Line: rec.line, Cells: cells})
	}
	return t
}
