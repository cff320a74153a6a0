package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestQueryReadsExtraAttributes: after `corridor ingest` of an office-suite
// platform sheet, `corridor query` (the read-only account) reads the
// columns kept as extra attributes and the platform money back.
func TestQueryReadsExtraAttributes(t *testing.T) {
	dir := newDatabase(t)
	cli := func(args ...string) (string, string, int) {
		t.Helper()
		return capture(t, func() int {
			return run(context.Background(), append(args[:1:1], append([]string{"--data", dir, "--log-level", "error"}, args[1:]...)...))
		})
	}
	sheet := filepath.Join("..", "..", "ingest", "testdata", "sheets", "platforms-2023.xlsx")
	out, errOut, code := cli("ingest", sheet)
	if code != exitOK || !strings.Contains(out, `保留为附加属性 kept as extra attributes ["负责人", "联系电话"]`) || !strings.Contains(out, `serial numbers skipped ["序号"]`) {
		t.Fatalf("ingest: exit %d\n%s\n%s", code, out, errOut)
	}
	out, errOut, code = cli("query", "--format", "csv",
		"SELECT name, extra['负责人'] AS lead, extra['联系电话'] AS phone, invest_fiscal, invest_self FROM platforms_current ORDER BY source_line")
	want := "\ufeffname,lead,phone,invest_fiscal,invest_self\n" +
		"山东大学淄博新材料研究院,张伟,0533-2181001,5000000,15000000\n" +
		"齐鲁工业大学淄博陶瓷联合实验室,李娜,13805330002,3005000,\n" +
		"济南大学淄博功能材料中试基地,王强,0533-5180003,10000000,20002500\n" +
		"山东省科学院淄博分院,刘洋,13905330004,0,8000000\n" +
		"山东师范大学淄博研究生工作站,陈静,,2000000,500000\n"
	if code != exitOK || out != want {
		t.Fatalf("query: exit %d %s\n%s\nwant\n%s", code, errOut, out, want)
	}
}
