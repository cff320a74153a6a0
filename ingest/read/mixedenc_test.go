package read

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// A row pasted from a UTF-8 file into a GB18030 CSV: GB18030 decodes its
// bytes without complaint, into mojibake. The reader refuses the line.
func TestGB18030WithUTF8Line(t *testing.T) {
	var data []byte
	data = append(data, gb18030(t, "平台名称,区县\n甲平台,张店区\n")...)
	data = append(data, "乙平台,淄川区\n"...)
	data = append(data, gb18030(t, "丙平台,博山区\n")...)
	_, err := ReadCSV(bytes.NewReader(data), "mixed.csv", Options{})
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrFormat) || e.Line != 3 || e.Col != 1 || e.Value != "乙平台" {
		t.Fatalf("got %#v", err)
	}
	for _, want := range []string{`mixed.csv:3:A: value "乙平台": this line is UTF-8 while line 1 is GB18030`, "save the whole file as UTF-8"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q lacks %q", err, want)
		}
	}
}

// A UTF-8 header over GB18030 rows: the file reads as GB18030 (its start is
// not UTF-8), and the message names the first GB18030 line.
func TestUTF8HeaderOverGB18030Rows(t *testing.T) {
	data := append([]byte("平台名称,区县\n"), gb18030(t, "甲平台,张店区\n")...)
	_, err := ReadCSV(bytes.NewReader(data), "h.csv", Options{})
	if err == nil || !strings.Contains(err.Error(), `h.csv:1:A: value "平台名称": this line is UTF-8 while line 2 is GB18030`) {
		t.Fatalf("got %v", err)
	}
}

// Bytes that are neither GB18030 nor UTF-8 (0xFF never occurs in either)
// are refused instead of becoming U+FFFD.
func TestGB18030InvalidBytes(t *testing.T) {
	data := append(gb18030(t, "平台名称,区县\n甲平台,张店区\n"), gb18030(t, "乙平台,")...)
	data = append(data, 0xFF, 'x', '\n')
	_, err := ReadCSV(bytes.NewReader(data), "bad.csv", Options{})
	var e *Error
	if !errors.As(err, &e) || e.Line != 3 || e.Col != 2 || !strings.Contains(e.Msg, "neither GB18030 (GBK) nor UTF-8") {
		t.Fatalf("got %v", err)
	}
}

// A clean GB18030 file reads as before, the last line without a newline
// included, and a UTF-8 last line without one is still refused.
func TestGB18030LastLine(t *testing.T) {
	tb, err := ReadCSV(bytes.NewReader(gb18030(t, "平台名称,区县\n甲平台,张店区")), "ok.csv", Options{})
	if err != nil || len(tb.Rows) != 1 || tb.Rows[0].Cells[1].Value != "张店区" {
		t.Fatalf("got %v %+v", err, tb)
	}
	data := append(gb18030(t, "平台名称,区县\n甲平台,张店区\n"), "乙平台,淄川区"...)
	if _, err := ReadCSV(bytes.NewReader(data), "m.csv", Options{}); err == nil || !strings.Contains(err.Error(), "m.csv:3:A") {
		t.Fatalf("got %v", err)
	}
}

// A GB18030 file with a UTF-8 line below the first mebibyte: streamed,
// the rows before it are read and the line is refused.
func TestGB18030WithLateUTF8Line(t *testing.T) {
	row := gb18030(t, "甲平台,张店区\n")
	data := gb18030(t, "平台名称,区县\n")
	n := sniffBytes/len(row) + 100
	for range n {
		data = append(data, row...)
	}
	data = append(data, "乙平台,淄川区\n"...)
	s, err := StreamCSV(bytes.NewReader(data), "late.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for {
		chunk, err := s.Next()
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Line != n+2 || e.File != "late.csv" {
				t.Fatalf("after %d rows: %v", rows, err)
			}
			break
		}
		rows += len(chunk)
	}
	if rows > n {
		t.Fatalf("%d rows read, at most %d are GB18030", rows, n)
	}
}
