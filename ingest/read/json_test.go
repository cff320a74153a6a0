package read

import (
	"errors"
	"strings"
	"testing"
)

func TestJSONNestedValueIsPositioned(t *testing.T) {
	_, err := ReadJSON(strings.NewReader(`[{"a":1},{"a":2,"地址":{"区":"张店"}}]`), "r.json", Options{})
	var e *Error
	if !errors.As(err, &e) || e.Line != 2 || e.ColName != "地址" {
		t.Fatalf("got %v", err)
	}
	if !strings.HasPrefix(err.Error(), "read: r.json:2:地址: nested") {
		t.Errorf("message %q", err.Error())
	}
	_, err = ReadJSONLines(strings.NewReader("{\"a\":1}\n\n{\"b\":[1]}\n"), "r.jsonl", Options{})
	if !errors.As(err, &e) || e.Line != 3 || e.ColName != "b" {
		t.Fatalf("jsonl: got %v", err)
	}
}

func TestJSONShapes(t *testing.T) {
	for _, c := range []struct {
		doc  string
		rows int
		err  bool
	}{
		{`[]`, 0, false},
		{`{"data":[{"a":"x"}]}`, 1, false},
		{`{"rows":[{"a":"x"}], "data":[{"b":1}]}`, 1, false},
		{`{"items":[{"a":"x"}]}`, 0, true},
		{`"text"`, 0, true},
		{`[1,2]`, 0, true},
		{`[{"a":1}] [`, 0, true},
		{`[{"a":1},]`, 0, true},
		{`[{"a":1}`, 0, true},
		{`{"rows":{"a":1}}`, 0, true},
	} {
		tb, err := ReadJSON(strings.NewReader(c.doc), "r.json", Options{})
		if c.err {
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("%s: want *Error, got %v", c.doc, err)
			}
			continue
		}
		if err != nil || len(tb.Rows) != c.rows {
			t.Errorf("%s: %v %+v", c.doc, err, tb)
		}
	}
}

func TestJSONDeepNesting(t *testing.T) {
	deep := `{"meta":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `,"rows":[]}`
	_, err := ReadJSON(strings.NewReader(deep), "d.json", Options{})
	if !errors.Is(err, ErrLimit) {
		t.Errorf("got %v", err)
	}
	_, err = ReadJSON(strings.NewReader(strings.Repeat("[", 1000000)), "d.json", Options{})
	if !errors.Is(err, ErrFormat) {
		t.Errorf("array of arrays: got %v", err)
	}
}

func TestJSONLimits(t *testing.T) {
	_, err := ReadJSON(strings.NewReader(`[{"a":1},{"a":2},{"a":3}]`), "r.json", Options{MaxRows: 2})
	if !errors.Is(err, ErrLimit) {
		t.Errorf("rows: %v", err)
	}
	_, err = ReadJSON(strings.NewReader(`[{"a":"`+strings.Repeat("x", 20)+`"}]`), "r.json", Options{MaxCellBytes: 10})
	var e *Error
	if !errors.As(err, &e) || e.Line != 1 || e.ColName != "a" || !errors.Is(err, ErrLimit) {
		t.Errorf("cell: %v", err)
	}
	_, err = ReadJSON(strings.NewReader(`[{"a":1,"b":2},{"c":3,"d":4}]`), "r.json", Options{MaxCells: 6})
	if !errors.Is(err, ErrLimit) {
		t.Errorf("cells: %v", err)
	}
}
