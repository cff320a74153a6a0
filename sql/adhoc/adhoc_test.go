package adhoc

import (
	"bytes"
	"math"
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
)

func TestClampKeepsLimitsWithinTheProfile(t *testing.T) {
	got := Limits{MaxRows: 1 << 30, TimeoutSeconds: 100000, MaxMemoryBytes: 1, MaxRowsToRead: -3}.Clamp()
	want := Limits{MaxRows: 1_000_000, TimeoutSeconds: 600, MaxMemoryBytes: 1_000_000, MaxRowsToRead: DefaultMaxRowsToRead, MaxResultBytes: DefaultMaxResultBytes}
	if got != want {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	if d := (Limits{}).Clamp(); d.MaxRows != DefaultMaxRows || d.TimeoutSeconds != DefaultTimeoutSeconds {
		t.Fatalf("defaults %+v", d)
	}
}

func TestNeutralise(t *testing.T) {
	got := Neutralise([]string{"=SUM(A1)", "+1+1", "-5", "-x", "@cmd", "\tx", "ok", "", "1e3"})
	want := []string{"'=SUM(A1)", "'+1+1", "-5", "'-x", "'@cmd", "'\tx", "ok", "", "1e3"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q", got)
	}
}

func TestCSVHasBOMAndNeutralisedHeader(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, Result{Columns: []Column{{Name: "=x"}}, Rows: [][]any{{nil}, {float64(1.5)}}}); err != nil {
		t.Fatal(err)
	}
	if b.String() != "\ufeff'=x\n\n1.5\n" {
		t.Fatalf("%q", b.String())
	}
}

func TestStripComments(t *testing.T) {
	for in, want := range map[string]string{"-- a\n": "\n", "/* x */ SELECT 1 -- y": " SELECT 1 ", "/* open": "", "SELECT '--'": "SELECT '"} {
		if got := stripComments(in); got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
}

func TestEscapeParams(t *testing.T) {
	got := escapeParams(map[string]string{"a": "O'B\\\t\n"})
	if got["a"] != `O'B\\\t\n` {
		t.Fatalf("%q", got["a"])
	}
}

func TestCellOfNullableAndNested(t *testing.T) {
	var nilDec *decimal.Decimal
	d := decimal.RequireFromString("12.50")
	big := uint64(1 << 60)
	got := []any{cell(nilDec), cell(&d), cell([]*int64{nil}), cell(big), cell(int64(7)), cell(math.NaN())}
	want := []any{nil, "12.5", []any{nil}, "1152921504606846976", int64(7), "NaN"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %#v", got)
	}
}

func TestWritePrivilege(t *testing.T) {
	for msg, want := range map[string]string{
		"necessary to have the grant INSERT(name, kind) ON corridor.platforms":           "INSERT",
		"necessary to have the grant SELECT, DROP TABLE ON corridor.platforms. (Missing": "DROP TABLE",
		"necessary to have the grant ALL ON *.* WITH GRANT OPTION":                       "ALL",
		"necessary to have the grant WRITE ON FILE":                                      "WRITE",
		"necessary to have the grant SELECT(password_hash) ON corridor.users":            "",
		"necessary to have the grant READ ON FILE":                                       "",
		"necessary to have the grant CREATE TEMPORARY TABLE ON *.*":                      "",
	} {
		if got := writePrivilege(msg); got != want {
			t.Errorf("%q → %q, want %q", msg, got, want)
		}
	}
}
