package dashboard

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
)

// htmlOf writes the report as one self-contained HTML file that opens
// offline: the charts as inline SVG (text stays text), the tables, the
// method note; no script, no link, no file beside it.
func htmlOf(r *report, imgs []chartImage) ([]byte, error) {
	type fig struct {
		Page, Title, Caption, Note string
		SVG                        template.HTML
		Tables                     []htmlTable
	}
	d := struct {
		R       *report
		Lang    string
		Made    string
		Filters string
		Figures []fig
		Tables  []htmlTable
		Sample  string
		T       func(string) string
	}{R: r, Lang: r.Lang, Made: r.Generated.In(cst).Format("2006-01-02 15:04"), Filters: strings.Join(r.Filters, "，"),
		T: func(k string) string { return tr(r.Lang, k) }}
	if r.Sample {
		d.Sample = tr(r.Lang, "report_sample_note")
	}
	n := 0
	tables := func(ts []sheet) []htmlTable {
		var out []htmlTable
		for _, t := range ts {
			n++
			out = append(out, newHTMLTable(fmt.Sprintf("%s %d  %s", tr(r.Lang, "report_table"), n, t.Title), t))
		}
		return out
	}
	d.Tables = tables(r.Tables)
	last := ""
	for i, ch := range r.Charts {
		f := fig{Title: ch.Chart.Title}
		if ch.Page != last {
			last, f.Page = ch.Page, tr(r.Lang, ch.Page)
		}
		if i < len(imgs) {
			f.SVG = template.HTML(imgs[i].SVG) // ECharts' own SVG, built from our options; no script in it
		}
		f.Caption, f.Note, _ = strings.Cut(r.caption(i, ch), "\n")
		f.Tables = tables(ch.Tables)
		d.Figures = append(d.Figures, f)
	}
	var buf bytes.Buffer
	if err := reportHTML.Execute(&buf, d); err != nil {
		return nil, fmt.Errorf("dashboard: report html: %w", err)
	}
	return buf.Bytes(), nil
}

// htmlTable is a table as the HTML report prints it.
type htmlTable struct {
	Caption string
	Cols    []string
	Rows    [][]htmlCell
}

type htmlCell struct {
	Text string
	Num  bool
}

func newHTMLTable(caption string, t sheet) htmlTable {
	h := htmlTable{Caption: caption, Cols: t.Cols}
	for _, r := range t.Rows {
		row := make([]htmlCell, len(t.Cols))
		for j := range t.Cols {
			if j < len(r) {
				row[j].Text, row[j].Num = docxValue(r[j])
			}
		}
		h.Rows = append(h.Rows, row)
	}
	return h
}

var reportHTML = template.Must(template.New("report").Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.R.Title}}</title>
<style>
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei","PingFang SC",sans-serif;color:#1f2d3d;max-width:1040px;margin:24px auto;padding:0 16px;line-height:1.6}
h1{text-align:center;font-size:24px;margin-bottom:4px}.sub{text-align:center;color:#555;margin:2px 0}
.sample{text-align:center;color:#9c5700;font-weight:bold;border:1px solid #e0c080;background:#fff8e6;padding:6px;margin:12px 0}
h2{border-bottom:2px solid #0b5cad;padding-bottom:4px;margin-top:32px}h3{margin:20px 0 6px}
figure{margin:8px 0 16px;text-align:center}figure svg{max-width:100%;height:auto}
figcaption{font-size:14px}.note{font-size:12px;color:#595959;text-align:center;margin:0 0 12px}
table{border-collapse:collapse;width:100%;font-size:13px;margin:4px 0 18px}caption{font-weight:bold;padding:4px;font-size:14px}
th,td{border:1px solid #bbb;padding:3px 6px}th{background:#eef3f9}td.n{text-align:right;font-variant-numeric:tabular-nums}
@media print{h2{break-before:page}figure,table{break-inside:avoid}}
</style></head><body>
<h1>{{.R.Title}}</h1>
<p class="sub">{{call .T "report_period"}}{{.R.Period}}</p>
{{if .Filters}}<p class="sub">{{call .T "report_filters"}}{{.Filters}}</p>{{end}}
<p class="sub">{{call .T "report_made"}}{{.Made}}</p>
{{if .Sample}}<p class="sample">{{.Sample}}</p>{{end}}
{{range $i, $f := .Figures}}
{{if $f.Page}}<h2>{{$f.Page}}</h2>{{if eq $i 0}}{{range $.Tables}}{{template "table" .}}{{end}}{{end}}{{end}}
<h3>{{$f.Title}}</h3>
<figure>{{$f.SVG}}<figcaption>{{$f.Caption}}</figcaption></figure>
<p class="note">{{$f.Note}}</p>
{{range $f.Tables}}{{template "table" .}}{{end}}
{{else}}{{range .Tables}}{{template "table" .}}{{end}}
{{end}}
{{with .R.Method}}<h2>{{.Title}}</h2>{{range .Sections}}{{if .Heading}}<h3>{{.Heading}}</h3>{{end}}{{range .Blocks}}{{if .Text}}<p>{{.Text}}</p>{{end}}{{if .Items}}<ul>{{range .Items}}<li>{{.}}</li>{{end}}</ul>{{end}}{{with .Table}}<table><tr>{{range .Header}}<th>{{.}}</th>{{end}}</tr>{{range .Rows}}<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>{{end}}</table>{{end}}{{end}}{{end}}{{end}}
</body></html>
{{define "table"}}<table><caption>{{.Caption}}</caption><thead><tr>{{range .Cols}}<th>{{.}}</th>{{end}}</tr></thead><tbody>{{range .Rows}}<tr>{{range .}}<td{{if .Num}} class="n"{{end}}>{{.Text}}</td>{{end}}</tr>{{end}}</tbody></table>{{end}}`))
