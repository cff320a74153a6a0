package ingest_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/ingest"
	"github.com/zibo-kj/corridor/sql/chtest"
)

// refused loads a file that must be refused and checks that the report's
// errors hold every wanted fragment (in order of the errors) and that
// nothing was stored: no rows in table, no source.
func refused(t *testing.T, d *chtest.DB, path, table string, want ...[]string) *ingest.Report {
	t.Helper()
	rep, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: path})
	if !errors.Is(err, ingest.ErrRejected) {
		t.Fatalf("err %v, want ErrRejected; report %+v", err, rep)
	}
	if rep.Status != "rejected" || len(rep.Errors) != len(want) {
		t.Fatalf("status %s with %d errors %v, want rejected with %d", rep.Status, len(rep.Errors), rep.Errors, len(want))
	}
	for i, frags := range want {
		msg := rep.Errors[i].Error()
		for _, f := range frags {
			if !strings.Contains(msg, f) {
				t.Errorf("error %d %q lacks %q", i, msg, f)
			}
		}
	}
	if n := count(t, d.Conn, "SELECT count() FROM "+table) + count(t, d.Conn, "SELECT count() FROM sources"); n != 0 {
		t.Errorf("a refused file left %d rows behind", n)
	}
	return rep
}

func TestNegativeMoneyRefused(t *testing.T) {
	d := h.DB(t)
	p := writeFile(t, "projects.csv", `项目名称,合作高校,区县,立项时间,总投资（万元）,财政资金（万元）
陶瓷膜中试,山东大学,淄川区,2021-03-01,120,40
氟硅材料攻关,济南大学,张店区,2021-05-01,-80,
`)
	refused(t, d, p, "projects", []string{`projects.csv:3: column E "总投资（万元）" value "-80": is negative`, "without the minus sign", "金额不能为负数"})
}

func TestNegativeCountRefused(t *testing.T) {
	d := h.DB(t)
	p := writeFile(t, "talent.csv", `时间,类别,名称,人数,区县
2021-06-10,交流活动,百名专家淄川行,80,淄川区
2021-07-02,引进人才,高层次人才引进,-3,周村区
`)
	refused(t, d, p, "talent", []string{`talent.csv:3: column D "人数" value "-3": is negative`, "without the minus sign", "不能为负数"})
}

// Observations keep negative figures where the metric can be negative (a
// growth rate in %, a figure without a unit) and refuse them in money and
// counting units.
func TestNegativeObservations(t *testing.T) {
	d := h.DB(t)
	p := writeFile(t, "obs.csv", `指标,地区,时期,数值,单位
高新技术企业数,张店区,2021,-5,家
R&D经费投入,淄川区,2021,-1.5,亿元
技术合同成交额增速,淄川区,2021,-3.2,%
温差,淄川区,2021,-2,
`)
	refused(t, d, p, "observations",
		[]string{`obs.csv:2: column D "数值" value "-5": is negative in 家`, "count cannot be below 0", "without the minus sign"},
		[]string{`obs.csv:3: column D "数值" value "-1.5": is negative in 亿元`, "without the minus sign"})

	ok := writeFile(t, "obs-ok.csv", `指标,地区,时期,数值,单位
技术合同成交额增速,淄川区,2021,-3.2,%
温差,淄川区,2021,-2,
`)
	rep, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: ok})
	if err != nil || rep.Accepted != 2 {
		t.Fatalf("negative rates: %v %+v", err, rep)
	}
	if n := count(t, d.Conn, "SELECT count() FROM observations_current WHERE value < 0"); n != 2 {
		t.Fatalf("negative rates stored: %d, want 2", n)
	}
}

func TestFiscalAboveTotalRefused(t *testing.T) {
	d := h.DB(t)
	p := writeFile(t, "projects.csv", `项目名称,合作高校,区县,立项时间,总投资（万元）,财政资金（万元）
陶瓷膜中试,山东大学,淄川区,2021-03-01,120,40
氟硅材料攻关,济南大学,张店区,2021-05-01,80,800
智能传感器,山东大学,张店区,2021-06-01,,50
`)
	refused(t, d, p, "projects", []string{`projects.csv:3: column F "财政资金（万元）" value "800": 财政资金 is more than 总投入 "80" (column E)`, "part cannot exceed its whole", "不能大于"})
}

// TestBadValuesOfficeWorkbook: a workbook LibreOffice Calc saved (see
// testdata/bad/make.sh), title row and all, with a part above its whole
// and a negative amount: both refused by sheet, row and column letter.
func TestBadValuesOfficeWorkbook(t *testing.T) {
	d := h.DB(t)
	refused(t, d, filepath.Join("testdata", "bad", "projects-fiscal.xlsx"), "projects",
		[]string{`projects-fiscal.xlsx:projects-fiscal:4: column F "财政资金（万元）" value "800": 财政资金 is more than 总投入 "80" (column E)`, "不能大于"},
		[]string{`projects-fiscal.xlsx:projects-fiscal:5: column E "总投资（万元）" value "-30": is negative`, "without the minus sign"})
}

// TestBadValuesSameFormCSVAndXLSX: the workbook above and the CSV it was
// made from (the same rows) give the same errors, the column named alike —
// its letter and header — whichever format the clerk saved; only the
// position prefix differs (a workbook names its sheet).
func TestBadValuesSameFormCSVAndXLSX(t *testing.T) {
	d := h.DB(t)
	ctx := context.Background()
	msgs := func(name, prefix string) []string {
		t.Helper()
		rep, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: filepath.Join("testdata", "bad", name), DryRun: true})
		if err != nil || rep.Rejected != 2 {
			t.Fatalf("%s: %v, %+v", name, err, rep)
		}
		var out []string
		for _, e := range rep.Errors {
			m := e.Error()
			if !strings.HasPrefix(m, prefix) {
				t.Fatalf("%q does not start with %q", m, prefix)
			}
			out = append(out, strings.TrimPrefix(m, prefix))
		}
		return out
	}
	csv := msgs("projects-fiscal.csv", "ingest: projects-fiscal.csv:")
	xlsx := msgs("projects-fiscal.xlsx", "ingest: projects-fiscal.xlsx:projects-fiscal:")
	if strings.Join(csv, "\n") != strings.Join(xlsx, "\n") {
		t.Fatalf("CSV and XLSX errors differ:\n%s\n--\n%s", strings.Join(csv, "\n"), strings.Join(xlsx, "\n"))
	}
	if !strings.HasPrefix(csv[0], `4: column F "财政资金（万元）" value "800"`) {
		t.Fatalf("first error %q does not name column F and its header", csv[0])
	}
}
