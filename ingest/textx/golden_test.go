package textx

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/vocab"
)

// golden is a hand-labelled text: every stated figure and dated signing
// event, as a careful reader would list them.
type golden struct {
	Home  string       `json:"home"`
	Items []goldenItem `json:"items"`
}

type goldenItem struct {
	Kind      string          `json:"kind"`
	Span      string          `json:"span"`
	Value     float64         `json:"value"`
	Unit      string          `json:"unit"`
	Qualifier vocab.Qualifier `json:"qualifier"`
	Metric    string          `json:"metric"`
	Period    string          `json:"period,omitempty"`
	Partners  []string        `json:"partners,omitempty"`
}

// matches reports whether a candidate states the labelled figure: same
// kind, value, unit and qualifier (and period, for agreements).
func (g goldenItem) matches(c Candidate) bool {
	if g.Kind != c.Kind || g.Unit != c.Unit || g.Qualifier != c.Qualifier {
		return false
	}
	if math.Abs(g.Value-c.Value) > 1e-9*math.Max(1, math.Abs(g.Value)) {
		return false
	}
	return g.Kind != "agreement" || g.Period == c.Period
}

// score matches candidates to labels one to one, in order.
func score(items []goldenItem, cands []Candidate) (tp int, missed []goldenItem, extra []Candidate, pairs map[int]int) {
	used := make([]bool, len(cands))
	pairs = map[int]int{}
	for gi, g := range items {
		found := false
		for i, c := range cands {
			if !used[i] && g.matches(c) {
				used[i], found, pairs[gi] = true, true, i
				tp++
				break
			}
		}
		if !found {
			missed = append(missed, g)
		}
	}
	for i, c := range cands {
		if !used[i] {
			extra = append(extra, c)
		}
	}
	return tp, missed, extra, pairs
}

// TestGoldenRecallPrecision runs Extract over every labelled text in
// testdata (or in $TEXTX_GOLDEN_DIR) and holds overall recall to 0.9 and
// precision to 0.85. Run with -v to see each text's figures and scores:
//
//	go test -run TestGoldenRecallPrecision -v ./ingest/textx/
func TestGoldenRecallPrecision(t *testing.T) {
	dir := "testdata"
	if d := os.Getenv("TEXTX_GOLDEN_DIR"); d != "" {
		dir = d // score another labelled set, e.g. held-out texts kept outside the repository
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.expected.json"))
	if len(files) < 6 {
		t.Fatalf("want at least 6 labelled texts, found %d", len(files))
	}
	var sumTP, sumGold, sumCand, metricOK int
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".expected.json")
		var g golden
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		text, err := os.ReadFile(filepath.Join(dir, name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		cands := Extract(string(text), Options{HomePlace: g.Home})
		for _, c := range cands {
			t.Logf("%s #%d %s %q = %v %s %s metric=%q code=%s level=%s place=%s partners=%v period=%s perYear=%v cum=%v",
				name, c.Sentence, c.Kind, c.Span, c.Value, c.Unit, c.Qualifier, c.Metric, c.MetricCode,
				c.Level, c.PlaceCode, c.Partners, c.Period, c.PerYear, c.Cumulative)
		}
		tp, missed, extra, pairs := score(g.Items, cands)
		for gi, ci := range pairs {
			if m := g.Items[gi].Metric; m != "" && (strings.Contains(cands[ci].Metric, m) || strings.Contains(m, cands[ci].Metric) && cands[ci].Metric != "") {
				metricOK++
			}
		}
		for _, m := range missed {
			t.Logf("%s MISSED %s %q = %v %s %s", name, m.Kind, m.Span, m.Value, m.Unit, m.Qualifier)
		}
		for _, c := range extra {
			t.Logf("%s FALSE  %s %q = %v %s %s in %q", name, c.Kind, c.Span, c.Value, c.Unit, c.Qualifier, c.Evidence)
		}
		t.Logf("%-20s recall %d/%d = %.3f  precision %d/%d = %.3f", name, tp, len(g.Items), ratio(tp, len(g.Items)), tp, len(cands), ratio(tp, len(cands)))
		sumTP, sumGold, sumCand = sumTP+tp, sumGold+len(g.Items), sumCand+len(cands)
	}
	recall, precision := ratio(sumTP, sumGold), ratio(sumTP, sumCand)
	t.Logf("%-20s recall %d/%d = %.3f  precision %d/%d = %.3f  metric phrase agrees %d/%d", "OVERALL",
		sumTP, sumGold, recall, sumTP, sumCand, precision, metricOK, sumTP)
	if recall < 0.9 || precision < 0.85 {
		t.Errorf("recall %.3f (want ≥ 0.9), precision %.3f (want ≥ 0.85)", recall, precision)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
