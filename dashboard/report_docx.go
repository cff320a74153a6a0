package dashboard

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/zibo-kj/corridor/analytics/index"
	"github.com/zibo-kj/corridor/dashboard/i18n"
)

// docxMaxRows caps a chart's table in the Word report; the XLSX has all.
const docxMaxRows = 40

// docxImageWidthEMU is a chart's width on the page: 16 cm, the text width
// of A4 with 2.5 cm margins (1 cm = 360000 EMU).
const docxImageWidthEMU = 16 * 360000

// docxOf writes the report as a Word document by hand (OOXML in a zip):
// the title and filter, the 示例数据 note on sample data, each page's
// charts as PNG images with numbered captions (source, period, date, the
// map notice, 示例数据), the tables as real Word tables with a repeating
// header row, and the index method note when the index is included. Text
// is set in 宋体/黑体 for Chinese (eastAsia) and Arial for Latin.
func docxOf(r *report, imgs []chartImage) ([]byte, error) {
	var body strings.Builder
	para(&body, "Title", r.Title)
	para(&body, "Subtitle", tr(r.Lang, "report_period")+r.Period)
	if len(r.Filters) > 0 {
		para(&body, "Subtitle", tr(r.Lang, "report_filters")+strings.Join(r.Filters, "，"))
	}
	para(&body, "Subtitle", tr(r.Lang, "report_made")+r.Generated.In(cst).Format("2006-01-02 15:04"))
	if r.Sample {
		para(&body, "SampleNote", tr(r.Lang, "report_sample_note"))
	}
	var rels strings.Builder
	var media []docxMedia
	tableNo := 0
	lastPage := ""
	writeTables := func(tables []sheet) {
		for _, t := range tables {
			tableNo++
			para(&body, "Caption", fmt.Sprintf("%s %d  %s", tr(r.Lang, "report_table"), tableNo, t.Title))
			docxTable(&body, t, docxMaxRows, r.Lang)
		}
	}
	for i, ch := range r.Charts {
		if ch.Page != lastPage {
			lastPage = ch.Page
			para(&body, "Heading1", tr(r.Lang, ch.Page))
			if ch.Page == "overview" {
				writeTables(r.Tables)
			}
		}
		para(&body, "Heading2", ch.Chart.Title)
		if i < len(imgs) && imgs[i].PNG != nil {
			id := fmt.Sprintf("rIdImg%d", i+1)
			name := fmt.Sprintf("chart%d.png", i+1)
			media = append(media, docxMedia{name: name, data: imgs[i].PNG})
			fmt.Fprintf(&rels, `<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/%s"/>`, id, name)
			h := int64(math.Round(float64(docxImageWidthEMU) * float64(imgs[i].Size.Height) / float64(imgs[i].Size.Width)))
			body.WriteString(docxImage(id, i+1, ch.Chart.Title, docxImageWidthEMU, h))
		}
		cap, note, _ := strings.Cut(r.caption(i, ch), "\n")
		para(&body, "Caption", cap)
		para(&body, "CaptionNote", note)
		writeTables(ch.Tables)
	}
	if len(r.Charts) == 0 {
		writeTables(r.Tables)
	}
	if r.Method != nil {
		docxMethod(&body, r.Method)
	}
	body.WriteString(`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1417" w:bottom="1440" w:left="1417" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>`)

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	files := []struct{ name, text string }{
		{"[Content_Types].xml", docxContentTypes},
		{"_rels/.rels", docxRootRels},
		{"docProps/core.xml", fmt.Sprintf(docxCore, xmlText(r.Title), r.Generated.UTC().Format(time.RFC3339))},
		{"word/styles.xml", docxStyles},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` + rels.String() + `</Relationships>`},
		{"word/document.xml", docxDocStart + body.String() + `</w:body></w:document>`},
	}
	for _, f := range files {
		w, err := zw.Create(f.name)
		if err != nil {
			return nil, fmt.Errorf("dashboard: docx: %w", err)
		}
		if _, err := w.Write([]byte(f.text)); err != nil {
			return nil, fmt.Errorf("dashboard: docx: %w", err)
		}
	}
	for _, m := range media {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: "word/media/" + m.name, Method: zip.Store}) // PNG is compressed already
		if err != nil {
			return nil, fmt.Errorf("dashboard: docx: %w", err)
		}
		if _, err := w.Write(m.data); err != nil {
			return nil, fmt.Errorf("dashboard: docx: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("dashboard: docx: %w", err)
	}
	return buf.Bytes(), nil
}

type docxMedia struct {
	name string
	data []byte
}

// para writes one paragraph of a style; a newline in text breaks the line.
func para(b *strings.Builder, style, text string) {
	fmt.Fprintf(b, `<w:p><w:pPr><w:pStyle w:val="%s"/></w:pPr>`, style)
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString(`<w:r><w:br/></w:r>`)
		}
		fmt.Fprintf(b, `<w:r><w:t xml:space="preserve">%s</w:t></w:r>`, xmlText(line))
	}
	b.WriteString(`</w:p>`)
}

// docxTable writes a sheet as a Word table: a bold header row that repeats
// on each page, numbers right-aligned, at most maxRows rows (a note says
// how many more the XLSX holds).
func docxTable(b *strings.Builder, t sheet, maxRows int, lang string) {
	if len(t.Cols) == 0 {
		return
	}
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="ReportTable"/><w:tblW w:w="5000" w:type="pct"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	widths := columnWidths(t, maxRows, 9072)
	for _, w := range widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>`)
	for j, c := range t.Cols {
		docxCell(b, c, true, false, widths[j])
	}
	b.WriteString(`</w:tr>`)
	rows := t.Rows
	if len(rows) > maxRows {
		rows = rows[:maxRows]
	}
	for _, r := range rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		for j := range t.Cols {
			var v any
			if j < len(r) {
				v = r[j]
			}
			text, isNum := docxValue(v)
			docxCell(b, text, false, isNum, widths[j])
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	if n := len(t.Rows) - len(rows); n > 0 {
		para(b, "CaptionNote", fmt.Sprintf(i18n.T(lang, "rp_d_more_rows_in_the_xlsx_workbook"), n))
	} else {
		para(b, "Normal", "")
	}
}

func docxCell(b *strings.Builder, text string, head, right bool, width int) {
	fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/>`, width)
	if right {
		b.WriteString(`<w:jc w:val="right"/>`)
	}
	b.WriteString(`</w:pPr><w:r>`)
	if head {
		b.WriteString(`<w:rPr><w:b/></w:rPr>`)
	}
	fmt.Fprintf(b, `<w:t xml:space="preserve">%s</w:t></w:r></w:p></w:tc>`, xmlText(text))
}

// docxValue is a cell as a report prints it: numbers with thousands
// separators and at most two decimals.
func docxValue(v any) (string, bool) {
	switch x := xlsxCell(v).(type) {
	case nil:
		return "", false
	case float64:
		return groupDigits(strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64)), true
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return groupDigits(fmt.Sprint(x)), true
	case string:
		return x, false
	}
	return cellText(v), false
}

// columnWidths shares width (twips) among a table's columns: each gets
// the width of its longest cell (at 9 pt: about 190 twips a CJK character,
// 105 a Latin one; a header may wrap after four characters' width). When
// they do not all fit, the narrow columns keep theirs and the wide ones
// share the rest, so years and units never break while names may wrap.
func columnWidths(t sheet, maxRows, width int) []int {
	const pad = 200
	textWidth := func(s string) int {
		n := 0
		for _, r := range s {
			if r > 0x2E80 {
				n += 190
			} else {
				n += 105
			}
		}
		return n + pad
	}
	need := make([]int, len(t.Cols))
	for j, c := range t.Cols {
		need[j] = min(textWidth(c), 4*190+pad)
	}
	for i, r := range t.Rows {
		if i >= maxRows {
			break
		}
		for j := range min(len(r), len(need)) {
			s, _ := docxValue(r[j])
			need[j] = max(need[j], textWidth(s))
		}
	}
	out := slices.Clone(need)
	total := 0
	for _, n := range need {
		total += n
	}
	if total <= width { // everything fits: share the slack alike
		for j := range out {
			out[j] += (width - total) / len(out)
		}
		return out
	}
	fixed := make([]bool, len(need))
	for changed := true; changed; { // fix columns narrower than a fair share of what is left
		changed = false
		rest, free := width, 0
		for j, n := range need {
			if fixed[j] {
				rest -= n
			} else {
				free++
			}
		}
		if free == 0 {
			break
		}
		for j, n := range need {
			if !fixed[j] && n <= rest/free {
				fixed[j], changed = true, true
			}
		}
	}
	rest, wide := width, 0
	for j, n := range need {
		if fixed[j] {
			rest -= n
		} else {
			wide += n
		}
	}
	for j, n := range need {
		if !fixed[j] && wide > 0 {
			out[j] = max(rest*n/wide, 4*190+pad)
		}
	}
	return out
}

// groupDigits puts thousands separators into a plain decimal number of
// five or more digits (years and small counts stay as they are: 2024).
func groupDigits(s string) string {
	if w, _, _ := strings.Cut(strings.TrimPrefix(s, "-"), "."); len(w) < 5 {
		return s
	}
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var out []byte
	for i := range len(whole) {
		if i > 0 && (len(whole)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, whole[i])
	}
	if hasFrac {
		return sign + string(out) + "." + frac
	}
	return sign + string(out)
}

// docxMethod writes the index method note: headings, paragraphs, lists
// and small tables.
func docxMethod(b *strings.Builder, n *index.Note) {
	para(b, "Heading1", n.Title)
	for _, s := range n.Sections {
		if s.Heading != "" {
			para(b, "Heading2", s.Heading)
		}
		for _, blk := range s.Blocks {
			if blk.Text != "" {
				para(b, "Normal", blk.Text)
			}
			for _, it := range blk.Items {
				para(b, "ListItem", "• "+it)
			}
			if blk.Table != nil {
				t := sheet{Cols: blk.Table.Header}
				for _, r := range blk.Table.Rows {
					row := make([]any, len(r))
					for i, c := range r {
						row[i] = c
					}
					t.Rows = append(t.Rows, row)
				}
				docxTable(b, t, 1000, "")
			}
		}
	}
}

// docxImage is an inline picture of w×h EMU.
func docxImage(relID string, n int, title string, w, h int64) string {
	return fmt.Sprintf(`<w:p><w:pPr><w:pStyle w:val="Figure"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/><wp:docPr id="%d" name="chart%d" descr="%s"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="%d" name="chart%d.png" descr="%s"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`,
		w, h, n, n, xmlText(title), n, n, xmlText(title), relID, w, h)
}

// xmlText escapes text for XML and drops characters XML 1.0 forbids.
func xmlText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r != 0xFFFE && r != 0xFFFF:
			b.WriteRune(r)
		}
	}
	return b.String()
}

const docxDocStart = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>`

const docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`

const docxRootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`

const docxCore = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>%s</dc:title><dc:creator>Corridor</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created></cp:coreProperties>`

// docxStyles: 宋体 body and 黑体 headings for Chinese (w:eastAsia), Arial
// for Latin; captions small and grey; tables with thin borders.
const docxStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="宋体" w:cs="Arial"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:spacing w:before="240" w:after="240"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:spacing w:after="60"/></w:pPr><w:rPr><w:color w:val="444444"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="SampleNote"><w:name w:val="Sample note"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:spacing w:before="120" w:after="240"/></w:pPr><w:rPr><w:b/><w:color w:val="9C5700"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="30"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Figure"><w:name w:val="Figure"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:jc w:val="center"/><w:spacing w:after="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:jc w:val="center"/><w:spacing w:before="60" w:after="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:sz w:val="20"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="CaptionNote"><w:name w:val="Caption note"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:spacing w:after="200"/></w:pPr><w:rPr><w:color w:val="595959"/><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListItem"><w:name w:val="List item"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="360"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report table"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:left w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:right w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/></w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>`
