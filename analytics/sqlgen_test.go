package analytics

import (
	"fmt"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// TestStatementText pins the exact text and parameters of every statement
// sqlgen.go writes: a change to the SQL shows here, in review, without an
// engine. Values are never in the text, only placeholders.
func TestStatementText(t *testing.T) {
	c := DefaultCatalog()
	get := func(code string) Metric {
		m, err := c.Get(code)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	may := time.Date(2021, 5, 2, 0, 0, 0, 0, time.UTC)
	y22 := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	two := func(q string, a []any) [2]string { return [2]string{q, params(a)} }
	cases := []struct {
		name string
		got  [2]string
		want [2]string
	}{
		{"record facts, partner filter, sample rule",
			two(recordFactsSQL([]Metric{get("platforms_new"), get("platform_invest_total")}, "month", Filter{Partner: "山东大学", Districts: []string{"370302"}})),
			[2]string{`SELECT k, at, place, g, v, a FROM (
SELECT toStartOfMonth(established) AS at, district_code AS place, 'day' AS g, [toFloat64(countIf(1)), toFloat64(sumIf(invest_total, (invest_total IS NOT NULL)))] AS vs, [toUInt8(maxIf(approx, 1)), toUInt8(maxIf(approx, (invest_total IS NOT NULL)))] AS as_, [countIf(1) > 0, countIf((invest_total IS NOT NULL)) > 0] AS hs FROM platforms_current WHERE ((1) OR ((invest_total IS NOT NULL))) AND has(partners, {p1:String}) AND ` + realOnlyPred + ` GROUP BY at, place, g
) ARRAY JOIN {p2:Array(String)} AS k, vs AS v, as_ AS a, hs AS h WHERE h`,
				`p1=山东大学 p2=[platforms_new platform_invest_total]`}},
		{"record facts by day, funding partner bound once, samples included",
			two(recordFactsSQL([]Metric{get("funding_fiscal")}, "day", Filter{Partner: "x' OR 1", IncludeSample: true})),
			[2]string{`SELECT k, at, place, g, v, a FROM (
SELECT toDate(paid_on) AS at, district_code AS place, grain AS g, [toFloat64(sumIf(amount, (fiscal = 1)))] AS vs, [toUInt8(maxIf(approx, (fiscal = 1)))] AS as_, [countIf((fiscal = 1)) > 0] AS hs FROM funding_current WHERE (((fiscal = 1))) AND (payer = {p1:String} OR recipient = {p1:String}) GROUP BY at, place, g
) ARRAY JOIN {p2:Array(String)} AS k, vs AS v, as_ AS a, hs AS h WHERE h`,
				`p1=x' OR 1 p2=[funding_fiscal]`}},
		{"observation facts, industry filter ignored by the view",
			two(observationFactsSQL(Filter{Industry: "化工", IncludeSample: true})),
			[2]string{"SELECT metric AS k, toDate(period_start) AS at, place_code AS place, grain AS g, toFloat64(sum(value)) AS v, toUInt8(max(qualifier != '')) AS a FROM observations_current GROUP BY k, at, place, g", ""}},
		{"breakdown facts of a statistic by partner",
			two(breakdownFactsSQL(get("contracts_value"), "partner", "month", Filter{IncludeSample: true})),
			[2]string{"SELECT partner AS k, toStartOfMonth(period_start) AS at, place_code AS place, grain AS g, toFloat64(sum(value)) AS v, toUInt8(max(qualifier != '')) AS a FROM observations_current WHERE metric = {p1:String} GROUP BY k, at, place, g", "p1=技术合同成交额"}},
		{"breakdown facts by a many-valued dimension",
			two(breakdownFactsSQL(get("projects_cum"), "partner", "month", Filter{Kind: "k", IncludeSample: true})),
			[2]string{"SELECT arrayJoin(if(empty(arrayFilter(x -> NOT match(x, {p1:String}), partners)), [''], arrayFilter(x -> NOT match(x, {p1:String}), partners))) AS k, toStartOfMonth(start_date) AS at, district_code AS place, 'day' AS g, toFloat64(count()) AS v, toUInt8(max(approx)) AS a FROM projects_current WHERE 1 GROUP BY k, at, place, g", "p1=" + homeBodies}},
		{"flows facts",
			two(flowsFactsSQL("month", Filter{Industry: "新材料", IncludeSample: true})),
			[2]string{"SELECT payer, recipient, if(industry = '', '未分类', industry) AS industry, toStartOfMonth(paid_on) AS at, district_code AS place, grain AS g, toFloat64(sum(amount)) AS v, toUInt8(max(approx)) AS a FROM funding_current WHERE 1 AND industry = {p1:String} GROUP BY payer, recipient, industry, at, place, g", "p1=新材料"}},
		{"corridor facts",
			two(corridorFactsSQL("day", Filter{Industry: "新材料", IncludeSample: true})),
			[2]string{"SELECT 'platforms_current' AS t, partners AS ps, toDate(established) AS at, district_code AS place, 'day' AS g, toFloat64(count()) AS v, toUInt8(max(approx)) AS a FROM platforms_current WHERE 1 AND industry = {p1:String} AND notEmpty(ps) GROUP BY ps, at, place, g\nUNION ALL\n" +
				"SELECT 'projects_current' AS t, partners AS ps, toDate(start_date) AS at, district_code AS place, 'day' AS g, toFloat64(count()) AS v, toUInt8(max(approx)) AS a FROM projects_current WHERE 1 AND industry = {p2:String} AND notEmpty(ps) GROUP BY ps, at, place, g\nUNION ALL\n" +
				"SELECT 'funding_current' AS t, [payer] AS ps, toDate(paid_on) AS at, district_code AS place, grain AS g, toFloat64(sum(amount)) AS v, toUInt8(max(approx)) AS a FROM funding_current WHERE 1 AND industry = {p3:String} AND notEmpty(ps) GROUP BY ps, at, place, g", "p1=新材料 p2=新材料 p3=新材料"}},
		{"targets of one year",
			two(targetsSQL(2025, Filter{IncludeSample: true})),
			[2]string{"SELECT metric, place_code, toInt32(year) AS year, value FROM targets_current WHERE ({p1:UInt16} = 0 OR year = {p1:UInt16}) ORDER BY year, metric, place_code", "p1=2025"}},
		{"observation metrics under the sample rule",
			two(observationMetricsSQL(Filter{})),
			[2]string{"SELECT metric, any(unit) FROM observations_current WHERE " + realOnlyPred + " GROUP BY metric ORDER BY metric", ""}},
	}
	count, list, args, ignored := rowsSQL(get("platforms_new"), Filter{From: may, To: y22, Districts: []string{"370302", "370303"}, IncludeSample: true}, "partner", "", 2, 50)
	cases = append(cases, struct {
		name string
		got  [2]string
		want [2]string
	}{"drill-down rows of the no-partner group",
		[2]string{count + "\n" + list + "\n" + fmt.Sprint(ignored), params(args)},
		[2]string{"SELECT count() FROM platforms_current WHERE 1 AND established >= {p1:Date} AND established < {p2:Date} AND district_code IN {p3:Array(String)} AND empty(arrayFilter(x -> NOT match(x, {p4:String}), partners))\n" +
			"SELECT * FROM platforms_current WHERE 1 AND established >= {p1:Date} AND established < {p2:Date} AND district_code IN {p3:Array(String)} AND empty(arrayFilter(x -> NOT match(x, {p4:String}), partners)) ORDER BY established DESC LIMIT {p5:UInt32} OFFSET {p6:UInt64}\n[]",
			"p1=2021-05-02 p2=2022-01-01 p3=[370302 370303] p4=" + homeBodies + " p5=50 p6=50"}})
	_, _, _, ignored = rowsSQL(get("contracts_value"), Filter{Level: "national", IncludeSample: true}, "", "", 1, 10)
	if fmt.Sprint(ignored) != "[level]" {
		t.Errorf("a statistic has no level: ignored %v, want [level]", ignored)
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s:\n got  %q\n      %q\n want %q\n      %q", c.name, c.got[0], c.got[1], c.want[0], c.want[1])
		}
	}
}

// params writes bound parameters as name=value, in order.
func params(args []any) string {
	out := ""
	for i, a := range args {
		n := a.(driver.NamedValue)
		if i > 0 {
			out += " "
		}
		out += fmt.Sprintf("%s=%v", n.Name, n.Value)
	}
	return out
}
