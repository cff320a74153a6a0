package ingest_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/ingest"
)

// Empty files are refused as empty — not as files whose kind cannot be
// told — and a header with nothing under it is not recorded as a load.
func TestEmptyFilesRefused(t *testing.T) {
	header := "平台名称,级别,区县,共建时间\n"
	cases := []struct {
		name, content, want string
	}{
		{"zero.csv", "", `ingest: zero.csv: the file is empty (0 bytes): nothing to load; check that you chose the right file`},
		{"bom.csv", "\ufeff", `ingest: bom.csv: the file is empty (only a byte-order mark, no text)`},
		{"blank.csv", "\n\r\n   \n\t\n", `ingest: blank.csv: the file is empty (only blank lines)`},
		{"empty.json", "[]", `ingest: empty.json: the file holds no records`},
		{"header.csv", header, `ingest: header.csv:1: has a header but no data rows: nothing to load; fill in the rows under the header`},
		{"header-blank.csv", "\ufeff" + header + ",,,\n\n", `ingest: header-blank.csv:1: has a header but no data rows`},
		{"header-total.csv", "平台统计表\n" + header + "合计,3个,,\n", `ingest: header-total.csv:2: has a header but no data rows`},
		{"header.xlsx", header, `ingest: header.xlsx:Sheet1:1: has a header but no data rows`},
		{"empty.xlsx", "", `ingest: empty.xlsx:Sheet1: the sheet is empty (no header row and no data rows)`},
		{"empty.jsonl", "\n\n", `ingest: empty.jsonl: the file holds no records`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := h.DB(t)
			p := ""
			if strings.HasSuffix(c.name, ".xlsx") {
				p = writeXLSX(t, c.name, c.content)
			} else {
				p = writeFile(t, c.name, c.content)
			}
			rep, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: p})
			if !errors.Is(err, ingest.ErrRejected) || rep == nil || rep.Status != "rejected" || len(rep.Errors) != 1 {
				t.Fatalf("err %v, report %+v", err, rep)
			}
			if got := rep.Errors[0].Error(); !strings.HasPrefix(got, c.want) {
				t.Errorf("error %q\nwant prefix %q", got, c.want)
			}
			if strings.Contains(rep.Errors[0].Error(), "cannot tell") {
				t.Errorf("error %q blames the kind", rep.Errors[0])
			}
			if n := count(t, d.Conn, "SELECT count() FROM sources"); n != 0 {
				t.Errorf("an empty file was recorded as %d loads", n)
			}
		})
	}
}
