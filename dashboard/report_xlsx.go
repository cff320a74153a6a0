package dashboard

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
	"github.com/zibo-kj/corridor/dashboard/i18n"
)

// workbookOf writes the report as one XLSX workbook: a first sheet that
// says what it is (title, period, filters, date, 示例数据), then one sheet
// per table, headers in the reader's language with units, numbers as
// numbers. A line or bar chart's sheet also holds the chart's own data
// (categories × series, as the page draws them) and a native Excel chart
// of it.
func workbookOf(r *report) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	about := i18n.T(r.Lang, "rp_about")
	if err := f.SetSheetName("Sheet1", about); err != nil {
		return nil, fmt.Errorf("dashboard: workbook: %w", err)
	}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	big, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	warn, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "9C5700"}})
	lines := [][]any{{r.Title}, {tr(r.Lang, "report_period") + r.Period}}
	if len(r.Filters) > 0 {
		lines = append(lines, []any{tr(r.Lang, "report_filters") + strings.Join(r.Filters, "，")})
	}
	lines = append(lines, []any{tr(r.Lang, "report_made") + r.Generated.In(cst).Format("2006-01-02 15:04")}, []any{tr(r.Lang, "source")})
	if r.Sample {
		lines = append(lines, []any{sampleNote})
	}
	for i, l := range lines {
		if err := f.SetSheetRow(about, cellName(1, i+1), &l); err != nil {
			return nil, fmt.Errorf("dashboard: workbook: %w", err)
		}
	}
	_ = f.SetCellStyle(about, "A1", "A1", big)
	if r.Sample {
		_ = f.SetCellStyle(about, cellName(1, len(lines)), cellName(1, len(lines)), warn)
	}
	_ = f.SetColWidth(about, "A", "A", 90)

	dates, err := dateStyles(f)
	if err != nil {
		return nil, fmt.Errorf("dashboard: workbook: %w", err)
	}
	used := map[string]bool{about: true}
	add := func(t sheet, ch *reportChart) error {
		name := uniqueSheet(t.Title, ch, used)
		if _, err := f.NewSheet(name); err != nil {
			return fmt.Errorf("dashboard: workbook: %w", err)
		}
		row := 1
		if r.Sample {
			_ = f.SetCellValue(name, "A1", sampleNote)
			_ = f.SetCellStyle(name, "A1", "A1", warn)
			row++
		}
		head := make([]any, len(t.Cols))
		for i, c := range t.Cols {
			head[i] = c
		}
		if err := f.SetSheetRow(name, cellName(1, row), &head); err != nil {
			return fmt.Errorf("dashboard: workbook: %w", err)
		}
		_ = f.SetCellStyle(name, cellName(1, row), cellName(max(len(t.Cols), 1), row), bold)
		for _, rr := range t.Rows {
			row++
			cells := make([]any, len(rr))
			for j, v := range rr {
				cells[j] = xlsxCell(v)
			}
			if err := f.SetSheetRow(name, cellName(1, row), &cells); err != nil {
				return fmt.Errorf("dashboard: workbook: %w", err)
			}
			for j, v := range cells {
				if t, ok := v.(time.Time); ok {
					t, format := xlsxTime(t)
					ref := cellName(j+1, row)
					_ = f.SetCellValue(name, ref, t)
					_ = f.SetCellStyle(name, ref, ref, dates[format])
				}
			}
		}
		_ = f.SetColWidth(name, "A", "A", 24)
		if ch != nil {
			return addNativeChart(f, name, len(t.Cols)+2, ch, r.Sample)
		}
		return nil
	}
	for _, t := range r.Tables {
		if err := add(t, nil); err != nil {
			return nil, err
		}
	}
	for i := range r.Charts {
		ch := &r.Charts[i]
		for j, t := range ch.Tables {
			var native *reportChart
			if j == 0 {
				native = ch
			}
			if err := add(t, native); err != nil {
				return nil, err
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, fmt.Errorf("dashboard: workbook: %w", err)
	}
	return buf.Bytes(), nil
}

func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// uniqueSheet names a table's sheet: the chart's title (the reader knows it
// from the page), else the table's; unique and at most 31 characters.
func uniqueSheet(title string, ch *reportChart, used map[string]bool) string {
	if ch != nil && ch.Chart.Title != "" {
		title = ch.Chart.Title
	}
	base := []rune(sheetName(title, 0))
	for n := 1; ; n++ {
		name := string(base)
		if n > 1 {
			suffix := fmt.Sprintf(" (%d)", n)
			name = string(base[:min(len(base), 31-len(suffix))]) + suffix
		}
		if len([]rune(name)) > 31 {
			name = string([]rune(name)[:31])
		}
		if !used[name] {
			used[name] = true
			return name
		}
	}
}

// chartData is a line or bar chart's data as the page draws it: category
// labels and one row of values per series.
type chartData struct {
	Horizontal bool // categories on the y axis (ranked bars)
	Categories []string
	Series     []struct {
		Name   string
		Values []any
	}
}

// chartDataOf reads the categories and series of a line or bar option;
// ok is false for other kinds (sankey, graph, map, radar).
func chartDataOf(option string) (chartData, bool) {
	var o struct {
		XAxis  json.RawMessage `json:"xAxis"`
		YAxis  json.RawMessage `json:"yAxis"`
		Series []struct {
			Name string `json:"name"`
			Type string `json:"type"`
			Data []any  `json:"data"`
		} `json:"series"`
	}
	var d chartData
	if json.Unmarshal([]byte(option), &o) != nil || len(o.Series) == 0 {
		return d, false
	}
	cats := func(raw json.RawMessage) []string {
		var axes []struct {
			Type string `json:"type"`
			Data []any  `json:"data"`
		}
		if json.Unmarshal(raw, &axes) != nil {
			var one struct {
				Type string `json:"type"`
				Data []any  `json:"data"`
			}
			if json.Unmarshal(raw, &one) != nil {
				return nil
			}
			axes = append(axes, one)
		}
		if len(axes) == 0 || len(axes[0].Data) == 0 {
			return nil
		}
		out := make([]string, len(axes[0].Data))
		for i, v := range axes[0].Data {
			if m, ok := v.(map[string]any); ok {
				v = m["value"]
			}
			out[i] = fmt.Sprint(v)
		}
		return out
	}
	d.Categories = cats(o.XAxis)
	if d.Categories == nil {
		d.Categories, d.Horizontal = cats(o.YAxis), true
	}
	if d.Categories == nil {
		return d, false
	}
	for _, s := range o.Series {
		if s.Type != "line" && s.Type != "bar" {
			continue
		}
		vals := make([]any, len(d.Categories))
		for i := range min(len(s.Data), len(vals)) {
			v := s.Data[i]
			if m, ok := v.(map[string]any); ok {
				v = m["value"]
			}
			if x, ok := v.(float64); ok {
				vals[i] = x
			}
		}
		name := s.Name
		if name == "" {
			name = "—"
		}
		d.Series = append(d.Series, struct {
			Name   string
			Values []any
		}{name, vals})
	}
	return d, len(d.Series) > 0
}

// addNativeChart writes a chart's data beside its table from column col and
// draws it as a native Excel line or bar chart below that.
func addNativeChart(f *excelize.File, sheetName string, col int, ch *reportChart, sample bool) error {
	d, ok := chartDataOf(ch.Chart.Option)
	if !ok {
		return nil
	}
	top := 1
	if sample {
		top = 2
	}
	head := []any{""}
	for _, s := range d.Series {
		head = append(head, s.Name)
	}
	if err := f.SetSheetRow(sheetName, cellName(col, top), &head); err != nil {
		return fmt.Errorf("dashboard: workbook chart: %w", err)
	}
	for i, c := range d.Categories {
		row := []any{c}
		for _, s := range d.Series {
			row = append(row, s.Values[i])
		}
		if err := f.SetSheetRow(sheetName, cellName(col, top+1+i), &row); err != nil {
			return fmt.Errorf("dashboard: workbook chart: %w", err)
		}
	}
	ref := func(c, r int) string {
		n, _ := excelize.ColumnNumberToName(c)
		return fmt.Sprintf("$%s$%d", n, r)
	}
	quoted := "'" + strings.ReplaceAll(sheetName, "'", "''") + "'!"
	first, last := top+1, top+len(d.Categories)
	typ := excelize.Line
	if ch.Kind == "bar" {
		typ = excelize.Col
		if d.Horizontal {
			typ = excelize.Bar
		}
	}
	chart := &excelize.Chart{Type: typ, Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: ch.Chart.Title}}},
		Dimension: excelize.ChartDimension{Width: 640, Height: 360}, Legend: excelize.ChartLegend{Position: "bottom"}}
	for i := range d.Series {
		chart.Series = append(chart.Series, excelize.ChartSeries{
			Name:       quoted + ref(col+1+i, top),
			Categories: quoted + ref(col, first) + ":" + ref(col, last),
			Values:     quoted + ref(col+1+i, first) + ":" + ref(col+1+i, last),
		})
	}
	if err := f.AddChart(sheetName, cellName(col, last+2), chart); err != nil {
		return fmt.Errorf("dashboard: workbook chart %s: %w", ch.Chart.ID, err)
	}
	return nil
}
