package read

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// readCSVString reads CSV text with default options.
func readCSVString(s string, o Options) (*Table, error) {
	return ReadCSV(strings.NewReader(s), "t.csv", o)
}

func TestCSVBareQuoteIsPositioned(t *testing.T) {
	_, err := readCSVString("区县,名称\n张店区,\"平台\nA\"\n淄川区,平\"台B\n", Options{})
	var e *Error
	if !errors.As(err, &e) || e.Line != 4 || e.Col != 14 || !errors.Is(err, ErrFormat) {
		t.Fatalf("got %#v", err)
	}
	if !strings.HasPrefix(err.Error(), "read: t.csv:4:14: ") {
		t.Errorf("message %q", err.Error())
	}
}

func TestCSVUnclosedQuote(t *testing.T) {
	_, err := readCSVString("a,b\n1,\"2\n", Options{})
	var e *Error
	if !errors.As(err, &e) || e.Line == 0 {
		t.Fatalf("got %v", err)
	}
}

func TestCSVMaxRows(t *testing.T) {
	_, err := readCSVString("a,b\n1,2\n3,4\n5,6\n", Options{MaxRows: 3})
	if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "t.csv:4:") {
		t.Errorf("got %v", err)
	}
	if _, err := readCSVString("a,b\n1,2\n3,4\n", Options{MaxRows: 3}); err != nil {
		t.Errorf("at the limit: %v", err)
	}
}

func TestCSVMaxCellBytes(t *testing.T) {
	_, err := readCSVString("a,b\n1,"+strings.Repeat("x", 50)+"\n", Options{MaxCellBytes: 10})
	var e *Error
	if !errors.As(err, &e) || e.Line != 2 || e.ColName != "B" || !errors.Is(err, ErrLimit) {
		t.Fatalf("got %v", err)
	}
	if !strings.Contains(err.Error(), `t.csv:2:B: value "xxxx`) {
		t.Errorf("message %q", err.Error())
	}
}

func TestCSVInvalidUTF8AfterASCIIStart(t *testing.T) {
	head := strings.Repeat("a,b\n", sniffBytes/4+10) // pure ASCII beyond the sniff window
	data := append([]byte(head), gb18030(t, "张店区,1\n")...)
	_, err := ReadCSV(bytes.NewReader(data), "t.csv", Options{})
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrFormat) || e.Line != sniffBytes/4+11 {
		t.Fatalf("got %v", err)
	}
}

func TestCSVUTF16(t *testing.T) {
	// Excel's "Unicode text" export: UTF-16LE with BOM, tab-separated.
	s := "区县\t金额\r\n张店区\t12\r\n"
	b := []byte{0xFF, 0xFE}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	tb, err := ReadCSV(bytes.NewReader(b), "u.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if tb.Encoding != EncUTF16LE || !equalStrings(tb.Headers, []string{"区县", "金额"}) || tb.Rows[0].Cells[1].Value != "12" {
		t.Errorf("got %+v", tb)
	}
}

func TestCSVRaggedRowsArePadded(t *testing.T) {
	tb, err := readCSVString("a,b,c\n1\n2,3,4,5\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Headers) != 4 || tb.Headers[3] != "" {
		t.Errorf("headers %q", tb.Headers)
	}
	for _, r := range tb.Rows {
		if len(r.Cells) != 4 {
			t.Errorf("line %d has %d cells", r.Line, len(r.Cells))
		}
	}
	if c := tb.Rows[0].Cells[2]; c.Value != "" || c.Col != 3 || c.ColName != "C" {
		t.Errorf("padded cell %+v", c)
	}
}

func TestCSVEmpty(t *testing.T) {
	for _, s := range []string{"", "\n\n", ",,,\n , \n"} {
		tb, err := readCSVString(s, Options{})
		if err != nil || len(tb.Headers) != 0 || len(tb.Rows) != 0 {
			t.Errorf("%q: %+v %v", s, tb, err)
		}
	}
}

func TestReadFileExtensions(t *testing.T) {
	for _, name := range []string{"a.xls", "a.et", "a.pdf"} {
		_, err := ReadFile(writeTemp(t, name, []byte("x")), Options{})
		if !errors.Is(err, ErrFormat) || !strings.HasPrefix(err.Error(), "read: "+name+": ") {
			t.Errorf("%s: %v", name, err)
		}
	}
	_, err := ReadFile("/nonexistent/a.csv", Options{})
	var e *Error
	if !errors.As(err, &e) || e.File != "a.csv" {
		t.Errorf("missing file: %v", err)
	}
}
