package dashboard_test

import (
	"bytes"
	"encoding/csv"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// fxContacts: platforms whose sheet has columns no field takes.
const fxContacts = `序号,平台名称,区县,共建时间,负责人,联系电话,=HYPERLINK(1)
1,甲研究院,淄川区,2021-03-10,张伟,0533-1,
2,乙实验室,张店区,2022-05-05,李娜,0533-2,=1+1
`

// TestDrillShowsExtraAttributes: the drill-down page and its CSV and XLSX
// exports show the extra attributes kept from the sheet (负责人, 联系电话)
// as columns after the record's own; the serial numbers are not there. A
// header or cell that reads as a formula is exported as text.
func TestDrillShowsExtraAttributes(t *testing.T) {
	ts := newServer(t, map[string]string{"contacts.csv": fxContacts})
	resp := ts.do(t, "GET", "/drill?metric=platforms_cum", nil)
	body, _ := io.ReadAll(resp.Body)
	page := string(body)
	if resp.StatusCode != 200 {
		t.Fatalf("drill: %d %s", resp.StatusCode, page)
	}
	for _, want := range []string{`class="extra" title="附加属性`, `>负责人</th>`, `>联系电话</th>`, `<td>张伟</td>`, `<td>0533-1</td>`} {
		if !strings.Contains(page, want) {
			t.Errorf("drill page lacks %s", want)
		}
	}
	if strings.Contains(page, ">序号<") || strings.Contains(page, ">extra<") {
		t.Errorf("drill page shows the serial numbers or the raw map")
	}

	resp = ts.do(t, "GET", "/drill?metric=platforms_cum&format=csv", nil)
	b, _ := io.ReadAll(resp.Body)
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	if err != nil || len(recs) != 3 {
		t.Fatalf("csv export: %v %q", err, b)
	}
	if !strings.HasSuffix(strings.Join(recs[0], ","), `负责人,联系电话,'=HYPERLINK(1)`) {
		t.Fatalf("csv header %q does not end with the extra attributes, neutralised", recs[0])
	}
	got := map[string]bool{}
	for _, r := range recs[1:] {
		got[strings.Join(r[len(r)-3:], "|")] = true
	}
	if !got["张伟|0533-1|"] || !got["李娜|0533-2|'=1+1"] {
		t.Fatalf("csv rows %q", recs[1:])
	}

	resp = ts.do(t, "GET", "/drill?metric=platforms_cum&format=xlsx", nil)
	b, _ = io.ReadAll(resp.Body)
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("xlsx export: %v", err)
	}
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil || len(rows) != 3 || !strings.HasSuffix(strings.Join(rows[0], ","), `负责人,联系电话,=HYPERLINK(1)`) {
		t.Fatalf("xlsx export rows %q %v", rows, err)
	}
}
