package read

import (
	"strings"
	"testing"
)

func TestNormalizeHeader(t *testing.T) {
	for in, want := range map[string]string{
		"　区　县　":             "区县",
		"财政资金\n（万元）":        "财政资金（万元）",
		" Total \n Amount ": "Total Amount",
		"项 目 名 称":           "项目名称",
		"R&D 经费":            "R&D经费",
	} {
		if got := normalizeHeader(in); got != want {
			t.Errorf("normalizeHeader(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormalizeNumber(t *testing.T) {
	for in, want := range map[string]string{
		"1234.5": "1234.5", "1234.50": "1234.5", "100": "100", "0.300000000000000": "0.3",
		"0.30000000000000004": "0.3", "1.5E-3": "0.0015", "1E+20": "100000000000000000000",
		"-2.5e2": "-250", "12345678901234567": "12345678901234600", "abc": "abc", "1e999": "1e999",
	} {
		if got := normalizeNumber(in); got != want {
			t.Errorf("normalizeNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFormatKind(t *testing.T) {
	for code, want := range map[string]numKind{
		"yyyy-mm-dd": kindDate, `yyyy"年"m"月"d"日"`: kindDate, "yyyy/m/d;@": kindDate, "mmm-yy": kindDate,
		"h:mm": kindTime, "mm:ss": kindTime, "[h]:mm:ss": kindNumber, "yyyy/m/d h:mm": kindDateTime,
		`yyyy\-mm\-dd\ hh:mm:ss`: kindDateTime, "[$-F800]dddd, mmmm dd, yyyy": kindDate,
		"General": kindNumber, "#,##0.00": kindNumber, `0.00"万元"`: kindNumber, "0.00E+00": kindNumber,
		"[Red]#,##0;[Blue]-#,##0": kindNumber, `#,##0.00_);(#,##0.00)`: kindNumber, "@": kindNumber,
		"[DBNum1][$-804]General": kindNumber,
	} {
		if got := formatKind(code); got != want {
			t.Errorf("formatKind(%q) = %d, want %d", code, got, want)
		}
	}
}

func TestRenderSerial(t *testing.T) {
	for _, c := range []struct {
		v        float64
		kind     numKind
		date1904 bool
		want     string
		ok       bool
	}{
		{44257, kindDate, false, "2021-03-02", true},
		{44257.75, kindDateTime, false, "2021-03-02 18:00:00", true},
		{0.5, kindTime, false, "12:00:00", true},
		{1, kindDate, false, "1900-01-01", true},
		{59, kindDate, false, "1900-02-28", true},
		{60, kindDate, false, "1900-02-29", true},
		{61, kindDate, false, "1900-03-01", true},
		{0, kindDate, true, "1904-01-01", true},
		{0, kindDate, false, "", false},
		{-1, kindDate, false, "", false},
		{3e6, kindDate, false, "", false},
		{44257.99999999, kindDate, false, "2021-03-03", true},
	} {
		got, ok := renderSerial(c.v, c.kind, c.date1904)
		if got != c.want || ok != c.ok {
			t.Errorf("renderSerial(%v, %d, %v) = %q %v", c.v, c.kind, c.date1904, got, ok)
		}
	}
}

func TestErrorMessage(t *testing.T) {
	for _, c := range []struct {
		e    Error
		want string
	}{
		{Error{File: "file.xlsx", Sheet: "Sheet1", Line: 12, ColName: "C", Value: "abc", Msg: "bad"}, `read: file.xlsx:Sheet1:12:C: value "abc": bad`},
		{Error{File: "a.csv", Line: 3, Col: 7, Msg: "bare quote"}, "read: a.csv:3:7: bare quote"},
		{Error{Msg: "x", Err: ErrLimit}, "read: x"},
		{Error{Err: ErrLimit}, "read: limit exceeded"},
	} {
		if got := c.e.Error(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
	long := Error{Value: strings.Repeat("长", 100), Msg: "m"}
	if got := long.Error(); len([]rune(got)) > 70 {
		t.Errorf("long values must be shortened: %q", got)
	}
}
