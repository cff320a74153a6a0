package ingest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"github.com/zibo-kj/corridor/ingest"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// cellGen writes one field's value the way a clerk might and says what the
// database must hold for it afterwards.
type cellGen struct {
	header string         // the column's header (with a unit for money in the header)
	cell   string         // the cell as written
	want   map[string]any // column → stored value, in the comparable form of dbValue
}

// moneyUnits are the ways money is written: unit in the header or in the cell.
var moneyUnits = []struct {
	unit   string
	yuan   int64
	inCell bool
}{{"元", 1, false}, {"万元", 10_000, false}, {"亿元", 100_000_000, false}, {"万元", 10_000, true}, {"亿元", 100_000_000, true}}

// decimalOf writes whole yuan in unit u exactly ("123400" 元 → "12.34" 万元).
func decimalOf(yuan, per int64) string {
	s := strconv.FormatInt(yuan, 10)
	digits := len(strconv.FormatInt(per, 10)) - 1
	for len(s) <= digits {
		s = "0" + s
	}
	whole, frac := s[:len(s)-digits], strings.TrimRight(s[len(s)-digits:], "0")
	if frac == "" {
		return whole
	}
	return whole + "." + frac
}

// genCell makes one value of field f for variant v (index i keeps natural
// keys apart between rows).
func genCell(r *rand.Rand, kind string, f ingest.Field, v, i int) cellGen {
	g := cellGen{header: f.Label, want: map[string]any{}}
	set := func(cell string, stored any) {
		g.cell = cell
		g.want[f.Column] = stored
	}
	day := time.Date(2017+r.IntN(9), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
	switch f.Type {
	case ingest.Text:
		s := fmt.Sprintf("%s%d号%s", f.Label, i, []string{"甲", "乙", "丙", "丁"}[r.IntN(4)])
		set(s, s)
	case ingest.Money:
		mu := moneyUnits[v%len(moneyUnits)]
		yuan := mu.yuan * int64(1+r.IntN(5000)) / int64(1+r.IntN(3)) // whole yuan, often not a round number of the unit
		if f.Column == "funding_fiscal" || f.Column == "invest_fiscal" || f.Column == "invest_self" {
			yuan = 1 // a part never above its whole (funding_total)
		}
		s := decimalOf(yuan, mu.yuan)
		if mu.inCell {
			s += mu.unit
		} else {
			g.header = f.Label + "（" + mu.unit + "）"
		}
		set(s, fmt.Sprintf("%d.00", yuan))
	case ingest.DateDay:
		set(day.Format([]string{"2006-01-02", "2006年1月2日", "2006/1/2"}[v%3]), day.Format("2006-01-02"))
	case ingest.Period:
		q := (int(day.Month())-1)/3 + 1
		forms := []struct {
			cell, start, grain string
		}{
			{day.Format("2006"), day.Format("2006") + "-01-01", "year"},
			{fmt.Sprintf("%dQ%d", day.Year(), q), fmt.Sprintf("%d-%02d-01", day.Year(), 3*q-2), "quarter"},
			{fmt.Sprintf("%d年%s季度", day.Year(), []string{"一", "二", "三", "四"}[q-1]), fmt.Sprintf("%d-%02d-01", day.Year(), 3*q-2), "quarter"},
			{day.Format("2006-01"), day.Format("2006-01") + "-01", "month"},
			{fmt.Sprintf("%d年%d月", day.Year(), day.Month()), day.Format("2006-01") + "-01", "month"},
		}
		fm := forms[v%len(forms)]
		set(fm.cell, fm.start)
		if kind == "observation" {
			g.want["grain"] = fm.grain
		}
	case ingest.District:
		places := []struct{ cell, code string }{{"张店区", "370303"}, {"淄川", "370302"}, {"博山区", "370304"}, {"临淄", "370305"}, {"周村区", "370306"}}
		p := places[(v+i)%len(places)]
		set(p.cell, p.code)
	case ingest.Orgs:
		set("山大、济南大学", []string{"山东大学", "济南大学"})
	case ingest.Org:
		set("山大", "山东大学")
	case ingest.Level:
		l := []struct{ cell, code string }{{"国家级", "national"}, {"省级", "provincial"}, {"市级", "municipal"}, {"区县级", "district"}}[(v+i)%4]
		set(l.cell, l.code)
	case ingest.Count:
		n := r.IntN(500)
		set(strconv.Itoa(n), strconv.Itoa(n))
	case ingest.Number:
		x := float64(r.IntN(100000)) / 100
		set(strconv.FormatFloat(x, 'f', -1, 64), strconv.FormatFloat(x, 'f', -1, 64))
	case ingest.Bool:
		b := (v + i) % 2
		set([]string{"否", "是"}[b], strconv.Itoa(b))
	case ingest.CarrierKind:
		k := []struct{ cell, code string }{{"苗圃", "nursery"}, {"众创空间", "makerspace"}, {"科技企业孵化器", "incubator"}, {"加速器", "accelerator"}, {"产业园", "park"}}[(v+i)%5]
		set(k.cell, k.code)
	case ingest.TalentKind:
		k := []struct{ cell, code string }{{"专家", "expert"}, {"高层次人才", "talent"}, {"交流活动", "event"}}[(v+i)%3]
		set(k.cell, k.code)
	case ingest.Year:
		y := 2020 + r.IntN(6)
		set([]string{strconv.Itoa(y), strconv.Itoa(y) + "年"}[v%2], strconv.Itoa(y))
	default:
		panic(fmt.Sprintf("no generator for field type %d of %s.%s", f.Type, kind, f.Column))
	}
	return g
}

// genRow makes one row of kind k. Observations and targets carry their unit
// in a unit column: a money unit there converts the value to yuan.
func genRow(r *rand.Rand, k ingest.Kind, v, i int) ([]cellGen, map[string]any) {
	var cells []cellGen
	want := map[string]any{}
	for _, f := range k.Fields {
		c := genCell(r, k.Code, f, v, i)
		cells = append(cells, c)
		for col, val := range c.want {
			want[col] = val
		}
	}
	if k.Code == "observation" || k.Code == "target" {
		units := []struct {
			unit string
			yuan float64
		}{{"个", 0}, {"万元", 1e4}, {"亿元", 1e8}, {"%", 0}}
		u := units[(v+i)%len(units)]
		want["unit"] = u.unit
		for j, f := range k.Fields {
			switch f.Column {
			case "unit":
				cells[j].cell = u.unit
			case "value":
				x, _ := strconv.ParseFloat(cells[j].cell, 64)
				if u.yuan != 0 { // money is stored in yuan, converted in decimal: 279.35亿 is 27935000000 exactly
					r, _ := new(big.Rat).SetString(cells[j].cell)
					x, _ = r.Mul(r, big.NewRat(int64(u.yuan), 1)).Float64()
					want["unit"] = "元"
				}
				want["value"] = strconv.FormatFloat(x, 'f', -1, 64)
			}
		}
		if k.Code == "target" {
			delete(want, "unit") // targets have no unit column: money is in yuan, the rest in the metric's unit
		}
	}
	return cells, want
}

// writers write header and rows in one supported format.
var writers = map[string]func(t *testing.T, dir string, header []string, rows [][]string) string{
	"csv": func(t *testing.T, dir string, header []string, rows [][]string) string {
		return writeText(t, dir, "f.csv", csvText(header, rows))
	},
	"gb18030.csv": func(t *testing.T, dir string, header []string, rows [][]string) string {
		s, err := simplifiedchinese.GB18030.NewEncoder().String(csvText(header, rows))
		if err != nil {
			t.Fatal(err)
		}
		return writeText(t, dir, "f.csv", s)
	},
	"xlsx": func(t *testing.T, dir string, header []string, rows [][]string) string {
		f := excelize.NewFile()
		defer f.Close()
		for j, h := range header {
			cell, _ := excelize.CoordinatesToCellName(j+1, 1)
			f.SetCellStr("Sheet1", cell, h)
		}
		for i, row := range rows {
			for j, v := range row {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+2)
				f.SetCellStr("Sheet1", cell, v)
			}
		}
		p := filepath.Join(dir, "f.xlsx")
		if err := f.SaveAs(p); err != nil {
			t.Fatal(err)
		}
		return p
	},
	"json": func(t *testing.T, dir string, header []string, rows [][]string) string {
		var objs []map[string]string
		for _, row := range rows {
			o := map[string]string{}
			for j, h := range header {
				o[h] = row[j]
			}
			objs = append(objs, o)
		}
		b, _ := json.Marshal(objs)
		return writeText(t, dir, "f.json", string(b))
	},
	"jsonl": func(t *testing.T, dir string, header []string, rows [][]string) string {
		var b strings.Builder
		for _, row := range rows {
			o := map[string]string{}
			for j, h := range header {
				o[h] = row[j]
			}
			line, _ := json.Marshal(o)
			b.Write(line)
			b.WriteByte('\n')
		}
		return writeText(t, dir, "f.jsonl", b.String())
	},
}

func writeText(t *testing.T, dir, name, s string) string {
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func csvText(header []string, rows [][]string) string {
	var b strings.Builder
	for _, row := range append([][]string{header}, rows...) {
		for j, v := range row {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"` + strings.ReplaceAll(v, `"`, `""`) + `"`)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestEveryKindRoundTrips is the property: for every record kind, rows
// written in any supported format, with money in any unit and dates,
// periods, places, levels and kinds in any accepted spelling, read back
// from ClickHouse equal to what was meant.
func TestEveryKindRoundTrips(t *testing.T) {
	r := rand.New(rand.NewPCG(2026, 12))
	formats := []string{"csv", "gb18030.csv", "xlsx", "json", "jsonl"}
	for _, k := range ingest.Kinds() {
		t.Run(k.Code, func(t *testing.T) {
			d := h.DB(t)
			for v := 0; v < 5; v++ {
				format := formats[v%len(formats)]
				var header []string
				var rows [][]string
				var wants []map[string]any
				for i := 0; i < 3; i++ {
					cells, want := genRow(r, k, v, v*3+i)
					if i == 0 {
						for _, c := range cells {
							header = append(header, c.header)
						}
					}
					row := make([]string, len(cells))
					for j, c := range cells {
						row[j] = c.cell
					}
					rows = append(rows, row)
					wants = append(wants, want)
				}
				p := writers[format](t, t.TempDir(), header, rows)
				rep, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: p, Kind: k.Code})
				if err != nil || rep.Accepted != 3 {
					t.Fatalf("%s in %s: %+v %v\nheader %q\nrows %q", k.Code, format, rep, err, header, rows)
				}
				got := readBack(t, d.Conn, k.Table, rep.SourceID)
				for i, want := range wants {
					for col, w := range want {
						if g := got[i][col]; !reflect.DeepEqual(g, w) {
							t.Errorf("%s in %s, row %d: %s = %#v, want %#v (cell %q)", k.Code, format, i+1, col, g, w, rows[i])
						}
					}
				}
			}
		})
	}
}

// readBack reads a load's rows in file order, each column as a comparable
// value: text as is, dates as 2006-01-02, decimals with two places,
// numbers as their shortest decimal text.
func readBack(t *testing.T, c driver.Conn, table, source string) []map[string]any {
	t.Helper()
	rows, err := c.Query(context.Background(), "SELECT * FROM "+table+" WHERE source_id = ? ORDER BY source_line", source)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols := rows.Columns()
	var out []map[string]any
	for rows.Next() {
		dest := make([]any, len(cols))
		for i, ct := range rows.ColumnTypes() {
			dest[i] = reflect.New(ct.ScanType()).Interface()
		}
		if err := rows.Scan(dest...); err != nil {
			t.Fatal(err)
		}
		m := map[string]any{}
		for i, col := range cols {
			m[col] = comparable(reflect.ValueOf(dest[i]).Elem().Interface())
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func comparable(v any) any {
	switch x := v.(type) {
	case time.Time:
		return x.Format("2006-01-02")
	case *time.Time:
		if x == nil {
			return nil
		}
		return x.Format("2006-01-02")
	case decimal.Decimal:
		return x.StringFixed(2)
	case *decimal.Decimal:
		if x == nil {
			return nil
		}
		return x.StringFixed(2)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case uint8, uint16, uint32, uint64, int8, int16, int32, int64, int:
		return fmt.Sprint(x)
	}
	return v
}
