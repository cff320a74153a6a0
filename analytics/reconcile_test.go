package analytics_test

import (
	"context"
	"fmt"
	"math"
	"sort"
	"testing"
	"time"

	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/ingest"
	"github.com/zibo-kj/corridor/ingest/demo"
	"github.com/zibo-kj/corridor/sql/chtest"
	"github.com/zibo-kj/corridor/vocab"
)

// TestEveryFigureReconcilesWithItsRows recomputes what the API shows on
// the demo data — every metric of the catalog by year, for the whole
// corridor and for each district; the partner and district breakdowns;
// the targets' actuals — from the loaded rows, read raw with plain SQL and
// added up here by the rules the figures promise (distinct records, a
// carrier once, a city's statistic beside its districts, the latest level
// of a stock), and compares each one.
func TestEveryFigureReconcilesWithItsRows(t *testing.T) {
	ctx := context.Background()
	d := h.DB(t)
	files, err := demo.Write(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	cat := analytics.DefaultCatalog()
	for _, f := range files {
		if rep, err := ingest.Load(ctx, d.Conn, ingest.Options{Path: f.Path, Kind: f.Kind, Sample: true, MetricUnit: cat.UnitOf}); err != nil {
			t.Fatalf("load %s: %v %+v", f.Path, err, rep)
		}
	}
	s := analytics.NewService(d.Conn)
	rc := &reconciler{t: t, d: d}
	rc.readRows(ctx)

	years := rc.years()
	places := append([]string{""}, rc.districts...)
	for _, grain := range []string{"year", "quarter"} {
		for _, m := range cat.Metrics {
			for _, place := range places {
				q := fmt.Sprintf("grain=%s&from=%d&to=%d", grain, years[0], years[len(years)-1])
				if place != "" {
					q += "&district=" + place
				}
				ss, err := s.Series(ctx, []string{m.Code}, filter(t, q))
				if err != nil {
					t.Fatalf("%s %s: %v", m.Code, place, err)
				}
				for _, p := range ss[0].Points {
					end := vocab.NextStart(p.Start, vocab.Grain(grain))
					want := rc.expectIn(m, p.Start, end, place)
					if m.Agg == "last" && p.Filled && !p.Missing {
						want = p.Value // a stock's level carried into a period without a report: checked where reported
					}
					rc.compare(fmt.Sprintf("series %s %s %s", m.Code, p.Period, orAll(place)), p.Value, want)
				}
			}
		}
	}

	// Breakdowns over the whole range: districts add up to the corridor's
	// figure; partners count distinct records, never the home city's bodies.
	last := years[len(years)-1]
	all := filter(t, fmt.Sprintf("from=%d&to=%d", years[0], last))
	for _, code := range []string{"platforms_new", "projects_new", "funding_total", "agreements_new", "contracts_value"} {
		m, _ := cat.Get(code)
		b, err := s.Breakdown(ctx, code, "district", 0, all)
		if err != nil {
			t.Fatal(err)
		}
		want := 0.0
		for _, y := range years {
			want += rc.expect(m, y, "")
		}
		rc.compare("breakdown "+code+" by district: total", b.Total, want)
		for _, r := range b.Rows {
			sum := 0.0
			for _, y := range years {
				sum += rc.expect(m, y, r.Key)
			}
			if !r.Stated {
				rc.compare("breakdown "+code+" by district: "+r.Label, r.Value, sum)
			}
		}
	}
	for _, code := range []string{"platforms_cum", "projects_cum", "agreements_new"} {
		m, _ := cat.Get(code)
		b, err := s.Breakdown(ctx, code, "partner", 0, all)
		if err != nil {
			t.Fatal(err)
		}
		byPartner, distinct := rc.partnerCounts(m, last)
		rc.compare("breakdown "+code+" by partner: total of distinct records", b.Total, float64(distinct))
		for _, r := range b.Rows {
			rc.compare("breakdown "+code+" by partner: "+r.Label, r.Value, float64(byPartner[r.Key]))
		}
	}

	// Targets: each actual is the metric's figure for the target's year and place.
	ts, err := s.Targets(ctx, 0, analytics.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range ts {
		m, _ := cat.Get(a.Metric)
		place := a.PlaceCode
		if vocab.IsTotalPlace(place) {
			place = ""
		}
		rc.compare(fmt.Sprintf("target actual %s %d %s", a.Metric, a.Year, a.Place), a.Actual, rc.expect(m, a.Year, place))
	}
	if rc.compared < 2000 || len(ts) == 0 {
		t.Fatalf("compared %d figures and %d targets: the demo data should give thousands", rc.compared, len(ts))
	}
	t.Logf("reconciled %d figures (series by metric, year and place; breakdowns; %d target actuals) with the rows", rc.compared, len(ts))
}

func orAll(place string) string {
	if place == "" {
		return "all"
	}
	return place
}

// reconciler holds the raw rows and compares figures with them.
type reconciler struct {
	t         *testing.T
	d         *chtest.DB
	records   map[string][]record // view → rows
	obs       []obsRow
	districts []string
	compared  int
}

// record is one row of a record view as the test reads it.
type record struct {
	Date     time.Time `ch:"d"`
	Place    string    `ch:"place"`
	Amount   float64   `ch:"amount"`
	Fiscal   uint8     `ch:"fiscal"`
	Kind     string    `ch:"kind"`
	Level    string    `ch:"level"`
	Name     string    `ch:"name"`
	Partners []string  `ch:"partners"`
	Grain    string    `ch:"grain"` // the period a row reports on: day for dated records
}

type obsRow struct {
	Metric string    `ch:"metric"`
	Place  string    `ch:"place_code"`
	Start  time.Time `ch:"period_start"`
	Grain  string    `ch:"grain"`
	Value  float64   `ch:"value"`
}

// readRows reads every row of every view, raw: no aggregation in SQL.
func (rc *reconciler) readRows(ctx context.Context) {
	rc.records = map[string][]record{}
	views := map[string]string{
		"platforms_current":  "SELECT established AS d, district_code AS place, toFloat64(0) AS amount, toUInt8(0) AS fiscal, kind, level, name, partners, 'day' AS grain FROM platforms_current",
		"projects_current":   "SELECT start_date AS d, district_code AS place, toFloat64(funding_total) AS amount, toUInt8(0) AS fiscal, '' AS kind, '' AS level, title AS name, partners, 'day' AS grain FROM projects_current",
		"agreements_current": "SELECT signed_on AS d, district_code AS place, toFloat64(0) AS amount, toUInt8(0) AS fiscal, kind, '' AS level, title AS name, parties AS partners, 'day' AS grain FROM agreements_current",
		"funding_current":    "SELECT paid_on AS d, district_code AS place, toFloat64(amount) AS amount, fiscal, '' AS kind, '' AS level, recipient AS name, [payer] AS partners, grain FROM funding_current",
		"carriers_current":   "SELECT recognised_on AS d, district_code AS place, toFloat64(0) AS amount, toUInt8(0) AS fiscal, kind, level, name, [] AS partners, 'day' AS grain FROM carriers_current",
		"talent_current":     "SELECT happened_on AS d, district_code AS place, toFloat64(headcount) AS amount, toUInt8(0) AS fiscal, kind, '' AS level, name, [partner] AS partners, 'day' AS grain FROM talent_current",
	}
	for view, q := range views {
		var rows []record
		if err := rc.d.Conn.Select(ctx, &rows, q); err != nil {
			rc.t.Fatalf("%s: %v", view, err)
		}
		rc.records[view] = rows
	}
	if err := rc.d.Conn.Select(ctx, &rc.obs, "SELECT metric, place_code, period_start, grain, value FROM observations_current"); err != nil {
		rc.t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, rows := range rc.records {
		for _, r := range rows {
			if !seen[r.Place] && !vocab.IsTotalPlace(r.Place) {
				seen[r.Place] = true
				rc.districts = append(rc.districts, r.Place)
			}
		}
	}
	sort.Strings(rc.districts)
}

// years are the years the platform register spans.
func (rc *reconciler) years() []int {
	lo, hi := 9999, 0
	for _, r := range rc.records["platforms_current"] {
		lo, hi = min(lo, r.Date.Year()), max(hi, r.Date.Year())
	}
	var out []int
	for y := lo; y <= hi; y++ {
		out = append(out, y)
	}
	return out
}

// expect is metric m's figure for year y in place ("" = the corridor).
func (rc *reconciler) expect(m analytics.Metric, y int, place string) float64 {
	return rc.expectIn(m, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC), place)
}

// expectIn is metric m's figure for the period [from, to) in place ("" =
// the corridor), from the raw rows, by the catalog's meaning of each
// metric: a row counts when the whole period it reports on lies inside.
func (rc *reconciler) expectIn(m analytics.Metric, from, to time.Time, place string) float64 {
	in := func(p string) bool { return place == "" || p == place }
	if m.Observation != "" {
		return rc.expectObs(m, from, to, place)
	}
	rows := rc.records[m.Table]
	if m.Table == "carriers_current" { // a carrier once: at its first step (for 省级以上: its first at that level)
		first := map[string]record{}
		for _, r := range rows {
			if m.Code == "carriers_provincial_plus" && r.Level != "provincial" && r.Level != "national" {
				continue
			}
			if f, ok := first[r.Name]; !ok || r.Date.Before(f.Date) {
				first[r.Name] = r
			}
		}
		n := 0.0
		for _, r := range first {
			if in(r.Place) && r.Date.Before(to) {
				n++
			}
		}
		return n
	}
	v := 0.0
	for _, r := range rows {
		end := vocab.NextStart(r.Date, vocab.Grain(r.Grain))
		if !in(r.Place) || end.After(to) || !m.Cumulative && r.Date.Before(from) || !matches(m, r) {
			continue
		}
		if m.Agg == "sum" {
			v += r.Amount
		} else {
			v++
		}
	}
	return v
}

// matches is the catalog's fixed condition of m, written out for the test.
func matches(m analytics.Metric, r record) bool {
	switch m.Code {
	case "funding_fiscal":
		return r.Fiscal == 1
	case "experts":
		return r.Kind == "expert"
	case "talents":
		return r.Kind == "talent"
	case "events":
		return r.Kind == "event"
	case "platform_invest_total", "platform_invest_fiscal", "platform_invest_self":
		return false // the demo register states no investment
	}
	return true
}

// expectObs is a statistic for a year: summed over the year for flows, the
// level of the latest period for stocks; the districts' figures where any
// district reported, else the city's own.
func (rc *reconciler) expectObs(m analytics.Metric, from, to time.Time, place string) float64 {
	var parts, totals []obsRow
	for _, o := range rc.obs {
		if o.Metric != m.Observation || o.Start.Before(from) || vocab.NextStart(o.Start, vocab.Grain(o.Grain)).After(to) {
			continue
		}
		switch {
		case vocab.IsTotalPlace(o.Place):
			if place == "" {
				totals = append(totals, o)
			}
		case place == "" || o.Place == place:
			parts = append(parts, o)
		}
	}
	rows := parts
	if len(rows) == 0 {
		rows = totals
	}
	var latest time.Time
	for _, o := range rows {
		if o.Start.After(latest) {
			latest = o.Start
		}
	}
	v := 0.0
	for _, o := range rows {
		if m.Agg != "last" || o.Start.Equal(latest) {
			v += o.Value
		}
	}
	return v
}

// partnerCounts counts the records of m up to year last per partner (the
// home city's bodies are not partners; a record without one is ”) and
// the distinct records.
func (rc *reconciler) partnerCounts(m analytics.Metric, last int) (map[string]int, int) {
	home, _ := vocab.HomeCity("")
	out, n := map[string]int{}, 0
	for _, r := range rc.records[m.Table] {
		if r.Date.Year() > last {
			continue
		}
		n++
		any := false
		for _, p := range r.Partners {
			if !vocab.IsHomeBody(p, home) {
				out[p]++
				any = true
			}
		}
		if !any {
			out[""]++
		}
	}
	return out, n
}

func (rc *reconciler) compare(what string, got, want float64) {
	rc.t.Helper()
	rc.compared++
	if math.Abs(got-want) > 1e-6*math.Max(1, math.Abs(want)) {
		rc.t.Errorf("%s: API %v, rows %v", what, got, want)
	}
}
