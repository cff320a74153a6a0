package analytics

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/zibo-kj/corridor/vocab"
)

// This file is the one place where analytics writes SQL. Every value goes
// to the engine as a typed server-side query parameter ({p1:String});
// the only text spliced in is trusted: view and column names and fixed
// predicates from the embedded metric catalog (validated when it loads)
// and the expressions below. Statements with nothing variable live as
// named files in sql/queries (analytics.*.sql). sqlgen_test.go holds the
// exact text of each statement.
//
// The statements that feed charts read "facts": the catalog's aggregates
// per place and per month (or day) over all time, under the filter's
// dimensions other than place and period. The period and the places are
// applied in Go (facts.go), so every range and district a dashboard asks
// for shares one statement per view until the data change.

// stmt is one statement under construction: its text and its values.
type stmt struct {
	args []any
	n    int
}

// bind adds a value of ClickHouse type typ and returns its placeholder.
func (s *stmt) bind(typ string, v any) string {
	s.n++
	name := "p" + strconv.Itoa(s.n)
	s.args = append(s.args, clickhouse.Named(name, v))
	return "{" + name + ":" + typ + "}"
}

// dimension is how one filter dimension reads on one view: a predicate
// with %[1]s where the value's placeholder goes, and the value's type.
type dimension struct {
	pred, typ string
}

// dimsOf lists the filterable dimensions of each view (nil: unknown view).
// A filter on a dimension a view lacks is ignored and reported.
func dimsOf(table string) map[string]dimension {
	district := dimension{placeCol(table) + " IN %[1]s", "Array(String)"}
	str := func(col string) dimension { return dimension{col + " = %[1]s", "String"} }
	member := func(col string) dimension { return dimension{"has(" + col + ", %[1]s)", "String"} }
	switch table {
	case "platforms_current":
		return map[string]dimension{"district": district, "partner": member("partners"), "industry": str("industry"), "level": str("level"), "kind": str("kind")}
	case "projects_current":
		return map[string]dimension{"district": district, "partner": member("partners"), "industry": str("industry")}
	case "agreements_current":
		return map[string]dimension{"district": district, "partner": member("parties"), "kind": str("kind")}
	case "funding_current":
		return map[string]dimension{"district": district, "partner": {"(payer = %[1]s OR recipient = %[1]s)", "String"}, "industry": str("industry"), "payer": str("payer")}
	case "carriers_current":
		return map[string]dimension{"district": district, "level": str("level"), "kind": str("kind")}
	case "talent_current":
		return map[string]dimension{"district": district, "partner": str("partner")}
	case "observations_current":
		return map[string]dimension{"district": district, "partner": str("partner")}
	}
	return nil
}

// placeCol is the column that places a view's rows.
func placeCol(table string) string {
	if table == "observations_current" {
		return "place_code"
	}
	return "district_code"
}

// approxExpr is how a view marks a figure stated as approximate.
func approxExpr(table string) string {
	if table == "observations_current" {
		return "qualifier != ''"
	}
	return "approx"
}

// multiCol is the array column behind a many-valued dimension ("" when the
// dimension holds one value per record).
func multiCol(table, by string) string {
	if by != "partner" {
		return ""
	}
	switch table {
	case "platforms_current", "projects_current":
		return "partners"
	case "agreements_current":
		return "parties"
	}
	return ""
}

// groupExpr is the SQL expression of a dimension on a view ("" = not
// available). A many-valued one yields a record once per value, and once
// with ” when it has none. A partner is never one of the home city's own
// government bodies (vocab.HomeBodyPattern): they are the home side of an
// agreement, and funding is split by payer on its own.
func (s *stmt) groupExpr(table, by string) string {
	if c := multiCol(table, by); c != "" {
		vals := s.partners(c)
		return "arrayJoin(if(empty(" + vals + "), [''], " + vals + "))"
	}
	switch by {
	case "district":
		return placeCol(table)
	case "partner":
		if table == "talent_current" || table == "observations_current" {
			return "partner"
		}
		return ""
	case "payer", "recipient", "host", "lead":
		// The sides of a tie (the partner network's and the sankey's
		// nodes): drill-down only, not filters.
		if recordSides[table][by] {
			return by
		}
		return ""
	}
	if _, ok := dimsOf(table)[by]; ok {
		return by
	}
	return ""
}

// recordSides are the columns naming one side of a tie, per view.
var recordSides = map[string]map[string]bool{
	"platforms_current": {"host": true},
	"projects_current":  {"lead": true},
	"funding_current":   {"payer": true, "recipient": true},
}

// hasGroup reports whether a view can be split by a dimension.
func hasGroup(table, by string) bool {
	var s stmt
	return s.groupExpr(table, by) != ""
}

// partners is a partner array column without the home city's bodies.
func (s *stmt) partners(col string) string {
	return "arrayFilter(x -> NOT match(x, " + s.bind("String", homeBodies) + "), " + col + ")"
}

// homeBodies matches the names of the home city's government bodies.
var homeBodies = func() string {
	home, err := vocab.HomeCity("")
	if err != nil {
		panic(err) // the default home city is vocab's own constant
	}
	return vocab.HomeBodyPattern(home)
}()

// realOnlyPred is the sample rule (sample.go) as a predicate.
const realOnlyPred = "source_id NOT IN (SELECT source_id FROM sources FINAL WHERE sample = 1 AND " +
	"(SELECT count() FROM sources FINAL WHERE status = 'committed' AND sample = 0) > 0)"

// filterPreds adds the WHERE parts of f's dimensions on table (the place
// too unless withPlace is false: facts read every place) and the sample
// rule, and reports the dimensions the view lacks.
func (s *stmt) filterPreds(table string, f Filter, withPlace bool) (preds, ignored []string) {
	dims, vals := dimsOf(table), f.values()
	for _, name := range Dimensions {
		v, set := vals[name]
		d, ok := dims[name]
		if !set || !ok || name == "district" && !withPlace {
			continue
		}
		preds = append(preds, fmt.Sprintf(d.pred, s.bind(d.typ, v)))
	}
	if samplePredNeeded(table, f) {
		preds = append(preds, realOnlyPred)
	}
	return preds, ignoredDims(table, f)
}

// ignoredDims lists the dimensions f sets that table lacks.
func ignoredDims(table string, f Filter) (ignored []string) {
	dims, vals := dimsOf(table), f.values()
	for _, name := range Dimensions {
		if _, set := vals[name]; set {
			if _, ok := dims[name]; !ok {
				ignored = append(ignored, name)
			}
		}
	}
	return ignored
}

// grainExpr is the grain a view's rows were reported at: funding lines
// and statistics may be annual or quarterly; other records are dated.
func grainExpr(table string) string {
	if table == "funding_current" || table == "observations_current" {
		return "grain"
	}
	return "'day'"
}

// truncExpr places a date in a fact's time cell.
func truncExpr(gran, col string) string {
	if gran == "month" {
		return "toStartOfMonth(" + col + ")"
	}
	return "toDate(" + col + ")"
}

// metricCond is a metric's own condition within its view.
func (s *stmt) metricCond(m Metric) string {
	c := []string{}
	if m.Where != "" {
		c = append(c, "("+m.Where+")")
	}
	if m.Observation != "" {
		c = append(c, "metric = "+s.bind("String", m.Observation))
	}
	if len(c) == 0 {
		return "1"
	}
	return strings.Join(c, " AND ")
}

// valueExpr is what a count or sum metric adds up, under cond.
func valueExpr(m Metric, cond string) string {
	if m.Agg == "sum" {
		return "toFloat64(sumIf(" + m.Column + ", " + cond + "))"
	}
	return "toFloat64(countIf(" + cond + "))"
}

// recordFactsSQL reads the count and sum metrics of one view and date
// column in one pass: per time cell and place, each metric's value under
// its own condition, as (k = metric code, at, place, v, a) rows; a cell
// where a metric has no record yields no row for it.
func recordFactsSQL(ms []Metric, gran string, f Filter) (string, []any) {
	var s stmt
	table, date := ms[0].Table, ms[0].Date
	approx := approxExpr(table)
	var codes []string
	var vals, aps, has, conds []string
	for _, m := range ms {
		c := s.metricCond(m)
		codes = append(codes, m.Code)
		conds = append(conds, "("+c+")")
		vals = append(vals, valueExpr(m, c))
		aps = append(aps, "toUInt8(maxIf("+approx+", "+c+"))")
		has = append(has, "countIf("+c+") > 0")
	}
	preds, _ := s.filterPreds(table, f, false)
	where := append([]string{"(" + strings.Join(conds, " OR ") + ")"}, preds...)
	codesPH := s.bind("Array(String)", codes)
	q := fmt.Sprintf(`SELECT k, at, place, g, v, a FROM (
SELECT %s AS at, %s AS place, %s AS g, [%s] AS vs, [%s] AS as_, [%s] AS hs FROM %s WHERE %s GROUP BY at, place, g
) ARRAY JOIN %s AS k, vs AS v, as_ AS a, hs AS h WHERE h`,
		truncExpr(gran, date), placeCol(table), grainExpr(table), strings.Join(vals, ", "), strings.Join(aps, ", "), strings.Join(has, ", "),
		table, strings.Join(where, " AND "), codesPH)
	return q, s.args
}

// observationFactsSQL reads every reported statistic per day and place
// (k = the statistic's name): its figures are already per period, and a
// "last" metric needs the exact day to pick a period's latest level.
func observationFactsSQL(f Filter) (string, []any) {
	var s stmt
	preds, _ := s.filterPreds("observations_current", f, false)
	q := "SELECT metric AS k, toDate(period_start) AS at, place_code AS place, grain AS g, toFloat64(sum(value)) AS v, toUInt8(max(qualifier != '')) AS a FROM observations_current"
	if len(preds) > 0 {
		q += " WHERE " + strings.Join(preds, " AND ")
	}
	return q + " GROUP BY k, at, place, g", s.args
}

// breakdownFactsSQL reads one metric split by a dimension (k = the
// group) per time cell and place.
func breakdownFactsSQL(m Metric, by, gran string, f Filter) (string, []any) {
	var s stmt
	group := s.groupExpr(m.Table, by)
	if m.Agg == "last" {
		gran = "day"
	}
	preds, _ := s.filterPreds(m.Table, f, false)
	where := append([]string{s.metricCond(m)}, preds...)
	val := "toFloat64(count())"
	if m.Agg != "count" {
		val = "toFloat64(sum(" + m.Column + "))"
	}
	q := fmt.Sprintf("SELECT %s AS k, %s AS at, %s AS place, %s AS g, %s AS v, toUInt8(max(%s)) AS a FROM %s WHERE %s GROUP BY k, at, place, g",
		group, truncExpr(gran, m.Date), placeCol(m.Table), grainExpr(m.Table), val, approxExpr(m.Table), m.Table, strings.Join(where, " AND "))
	return q, s.args
}

// networkPart is one kind of tie in the partner network: source and
// target expressions on a view, what one row adds, its date.
type networkPart struct{ table, src, dst, val, date string }

// networkParts are joint platforms (partner × host), joint projects
// (partner × lead) and funding (payer → recipient).
var networkParts = []networkPart{
	{"platforms_current", "arrayJoin(partners)", "host", "1", "established"},
	{"projects_current", "arrayJoin(partners)", "lead", "1", "start_date"},
	{"funding_current", "payer", "recipient", "amount", "paid_on"},
}

// networkFactsSQL reads the network's ties per time cell and place, as
// (t = view, s, d, at, place, v, a) rows.
func networkFactsSQL(gran string, f Filter) (string, []any) {
	var s stmt
	var parts []string
	for _, p := range networkParts {
		preds, _ := s.filterPreds(p.table, f, false)
		where := append([]string{"1"}, preds...)
		parts = append(parts, fmt.Sprintf("SELECT '%s' AS t, %s AS s, %s AS d, %s AS at, district_code AS place, %s AS g, toFloat64(sum(%s)) AS v, toUInt8(max(approx)) AS a FROM %s WHERE %s AND d != '' GROUP BY s, d, at, place, g HAVING s != ''",
			p.table, p.src, p.dst, truncExpr(gran, p.date), grainExpr(p.table), p.val, p.table, strings.Join(where, " AND ")))
	}
	return strings.Join(parts, "\nUNION ALL\n"), s.args
}

// corridorParts are the corridor map's records: joint platforms and
// projects with their partners, funding with its payer.
var corridorParts = []networkPart{
	{"platforms_current", "partners", "", "toFloat64(count())", "established"},
	{"projects_current", "partners", "", "toFloat64(count())", "start_date"},
	{"funding_current", "[payer]", "", "toFloat64(sum(amount))", "paid_on"},
}

// corridorFactsSQL reads the corridor's records per set of partners, time
// cell and place, as (t = view, ps = partners, at, place, g, v, a) rows:
// records count once whatever number of partners they have, so a record
// with two partners of one city is one tie of that city.
func corridorFactsSQL(gran string, f Filter) (string, []any) {
	var s stmt
	var parts []string
	for _, p := range corridorParts {
		preds, _ := s.filterPreds(p.table, f, false)
		where := append([]string{"1"}, preds...)
		parts = append(parts, fmt.Sprintf("SELECT '%s' AS t, %s AS ps, %s AS at, district_code AS place, %s AS g, %s AS v, toUInt8(max(approx)) AS a FROM %s WHERE %s AND notEmpty(ps) GROUP BY ps, at, place, g",
			p.table, p.src, truncExpr(gran, p.date), grainExpr(p.table), p.val, p.table, strings.Join(where, " AND ")))
	}
	return strings.Join(parts, "\nUNION ALL\n"), s.args
}

// flowsFactsSQL reads funding per payer, recipient and industry per time
// cell and place.
func flowsFactsSQL(gran string, f Filter) (string, []any) {
	var s stmt
	preds, _ := s.filterPreds("funding_current", f, false)
	where := append([]string{"1"}, preds...)
	q := fmt.Sprintf("SELECT payer, recipient, if(industry = '', '未分类', industry) AS industry, %s AS at, district_code AS place, grain AS g, toFloat64(sum(amount)) AS v, toUInt8(max(approx)) AS a FROM funding_current WHERE %s GROUP BY payer, recipient, industry, at, place, g",
		truncExpr(gran, "paid_on"), strings.Join(where, " AND "))
	return q, s.args
}

// rowsWhere is the WHERE clause of the records a metric counts under f
// (cumulative and stock metrics from the first record, so a drill-down
// lists what the number counts), narrowed to one group of a breakdown
// when by is set (” is the group of records without a value).
func (s *stmt) rowsWhere(m Metric, f Filter, by, value string) (string, []string) {
	where := []string{s.metricCond(m)}
	if !f.From.IsZero() && !m.Cumulative && m.Agg != "last" {
		where = append(where, m.Date+" >= "+s.bind("Date", f.From.Format("2006-01-02")))
	}
	if !f.To.IsZero() {
		where = append(where, m.Date+" < "+s.bind("Date", f.To.Format("2006-01-02")))
	}
	preds, ignored := s.filterPreds(m.Table, f, true)
	where = append(where, preds...)
	if by != "" {
		switch c := multiCol(m.Table, by); {
		case c != "" && value == "":
			where = append(where, "empty("+s.partners(c)+")")
		case c != "":
			where = append(where, "has("+c+", "+s.bind("String", value)+")")
		default:
			where = append(where, s.groupExpr(m.Table, by)+" = "+s.bind("String", value))
		}
	}
	return strings.Join(where, " AND "), ignored
}

// rowsSQL counts the records behind a number and reads one page of them,
// newest first.
func rowsSQL(m Metric, f Filter, by, value string, page, size int) (count, list string, args []any, ignored []string) {
	var s stmt
	where, ignored := s.rowsWhere(m, f, by, value)
	count = fmt.Sprintf("SELECT count() FROM %s WHERE %s", m.Table, where)
	list = fmt.Sprintf("SELECT * FROM %s WHERE %s ORDER BY %s DESC LIMIT %s OFFSET %s", m.Table, where, m.Date,
		s.bind("UInt32", uint32(size)), s.bind("UInt64", uint64((page-1)*size)))
	return count, list, s.args, ignored
}

// observationMetricsSQL lists the statistics present (by the sample rule
// under f) with a unit each.
func observationMetricsSQL(f Filter) (string, []any) {
	var s stmt
	q := "SELECT metric, any(unit) FROM observations_current"
	if samplePredNeeded("observations_current", f) {
		q += " WHERE " + realOnlyPred
	}
	return q + " GROUP BY metric ORDER BY metric", s.args
}

// targetsSQL lists the targets of a year (0: all years).
func targetsSQL(year int, f Filter) (string, []any) {
	var s stmt
	y := s.bind("UInt16", uint16(year))
	where := []string{"(" + y + " = 0 OR year = " + y + ")"}
	if samplePredNeeded("targets_current", f) {
		where = append(where, realOnlyPred)
	}
	return "SELECT metric, place_code, toInt32(year) AS year, value FROM targets_current WHERE " + strings.Join(where, " AND ") +
		" ORDER BY year, metric, place_code", s.args
}
