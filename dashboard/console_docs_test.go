package dashboard_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/ingest/demo"
)

// acceptanceHeading starts the analysts' guide's worked example: the
// issue's acceptance question, answered in the console.
const acceptanceHeading = "### 例：济南各高校每年与淄博新开展多少合作项目"

// docSQL is the fenced ```sql blocks of the section of path that starts at heading.
func docSQL(t *testing.T, path, heading string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, sec, ok := strings.Cut(string(b), heading)
	if !ok {
		t.Fatalf("%s has no section %q", path, heading)
	}
	if i := strings.Index(sec, "\n#"); i >= 0 {
		sec = sec[:i]
	}
	var out []string
	for {
		_, rest, ok := strings.Cut(sec, "```sql\n")
		if !ok {
			return out
		}
		block, after, _ := strings.Cut(rest, "```")
		out = append(out, block)
		sec = after
	}
}

// TestConsoleAnswersTheGuidesExample runs docs/analyst.md's worked example
// through POST /api/v1/query on the demo data: "how many joint projects did
// each Jinan university start with Zibo per year since 2019?". The answer
// must match the projects counted here from their raw rows, and the
// per-university pivot the guide charts must agree with it.
func TestConsoleAnswersTheGuidesExample(t *testing.T) {
	blocks := docSQL(t, "../docs/analyst.md", acceptanceHeading)
	if len(blocks) != 2 {
		t.Fatalf("the example has %d sql blocks, want the answer and its chart", len(blocks))
	}
	ts := newConsoleServer(t)
	if _, err := demo.Load(context.Background(), ts.db.Conn, t.TempDir(), "test"); err != nil {
		t.Fatal(err)
	}
	// What the answer must be, counted from the projects' raw rows.
	unis := []string{"山东大学", "山东科技大学", "济南大学", "齐鲁工业大学", "山东师范大学", "山东建筑大学", "山东财经大学", "山东中医药大学"}
	rows, err := ts.db.Conn.Query(context.Background(), "SELECT partners, toYear(start_date), district_code FROM "+ts.db.Name+".projects_current")
	if err != nil {
		t.Fatal(err)
	}
	want, has := map[string]int{}, map[string]int{}
	for rows.Next() {
		var partners []string
		var year uint16
		var district string
		if err := rows.Scan(&partners, &year, &district); err != nil {
			t.Fatal(err)
		}
		if year < 2019 || !strings.HasPrefix(district, "3703") {
			continue
		}
		seen := map[string]bool{}
		for _, p := range partners {
			if slices.Contains(unis, p) {
				want[fmt.Sprintf("%s %d", p, year)]++
				if !seen[p] {
					has[fmt.Sprintf("%s %d", p, year)]++
					seen[p] = true
				}
			}
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(want) < 10 {
		t.Fatalf("the demo data hold only %d university-years: %v", len(want), want)
	}

	code, a, raw := runQuery(t, ts, sqlBody(blocks[0], nil), "", "")
	if code != 200 || len(a.Columns) != 3 || a.Columns[0].Name != "university" || a.Columns[1].Name != "year" || a.Columns[2].Name != "projects" {
		t.Fatalf("the answer: status %d: %.400s", code, raw)
	}
	got := map[string]int{}
	for _, r := range a.Rows {
		got[fmt.Sprintf("%v %v", r[0], r[1])] = int(r[2].(float64))
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("the answer\n got %v\nwant %v", got, want)
	}
	t.Logf("answered in %d ms: %d university-years", *a.Elapsed, a.RowCnt)

	code, a, raw = runQuery(t, ts, sqlBody(blocks[1], nil), "", "")
	if code != 200 || len(a.Columns) != 5 || a.Columns[0].Name != "year" || a.RowCnt < 5 {
		t.Fatalf("the chart's query: status %d: %.400s", code, raw)
	}
	for _, r := range a.Rows {
		for i, c := range a.Columns[1:] {
			if n, w := int(r[i+1].(float64)), has[fmt.Sprintf("%s %v", c.Name, r[0])]; n != w {
				t.Errorf("chart query: %s in %v: %d, want %d", c.Name, r[0], n, w)
			}
		}
	}
}
