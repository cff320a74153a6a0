package dashboard

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"strings"

	"github.com/zibo-kj/corridor/dashboard/charts"
	"github.com/zibo-kj/corridor/dashboard/i18n"
	"github.com/zibo-kj/corridor/dashboard/render"
)

// imager draws charts on the server: SVG from ECharts' own server-side
// rendering (a small pool of goja runtimes), PNG from that SVG in headless
// Chromium. The server holds one; Close stops its browser.
type imager struct {
	pool   *render.Pool
	raster *render.Rasteriser
}

func newImager() *imager {
	return &imager{pool: render.NewPool(2), raster: render.NewRasteriser("")}
}

// titleBand is the height of the band above a chart image that carries its
// title (and 示例数据): the page shows the title in HTML, an image must
// carry it itself.
const titleBand = 44

// imageSize is the size of a chart's image: 800 px wide (1000 for a wide
// chart), the chart's height plus the title band.
func imageSize(ch charts.Chart) render.Size {
	w, h := 800, ch.Height
	if ch.Wide {
		w = 1000
	}
	if h <= 0 {
		h = 360
	}
	if chartKind(ch.Option) == "map" {
		h += mapNoteBand
	}
	return render.Size{Width: w, Height: h + titleBand}
}

// mapNoteBand is the band under a map's image that says it is schematic,
// so the picture says so wherever it is pasted.
const mapNoteBand = 26

// exportOption is the option a chart's image is drawn from: the page's
// option without the toolbox (a button in a picture is noise).
func exportOption(option string) (string, error) {
	var obj map[string]any
	if err := json.Unmarshal([]byte(option), &obj); err != nil {
		return "", fmt.Errorf("dashboard: chart option: %w", err)
	}
	delete(obj, "toolbox")
	singleQuoteFonts(obj)
	b, err := json.Marshal(obj)
	if err != nil {
		return "", fmt.Errorf("dashboard: chart option: %w", err)
	}
	return string(b), nil
}

// singleQuoteFonts writes the font families of an option with single
// quotes: ECharts' SVG puts them unescaped into a style="…" attribute, where
// a double quote ends the attribute and the SVG is no longer XML.
func singleQuoteFonts(v any) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if s, ok := e.(string); ok && k == "fontFamily" {
				x[k] = strings.ReplaceAll(s, `"`, `'`)
				continue
			}
			singleQuoteFonts(e)
		}
	case []any:
		for _, e := range x {
			singleQuoteFonts(e)
		}
	}
}

// svg draws a chart as an SVG document: a title band with the chart's
// title (and 示例数据 on sample data) over ECharts' own SVG, all text as
// text, so the Chinese title and axis labels are searchable and print sharp.
func (m *imager) svg(ctx context.Context, ch charts.Chart, sample bool, lang string) (string, render.Size, error) {
	size := imageSize(ch)
	if ch.Empty || ch.Option == "" {
		return "", size, fmt.Errorf("dashboard: chart %s has nothing to draw", ch.ID)
	}
	opt, err := exportOption(ch.Option)
	if err != nil {
		return "", size, err
	}
	isMap := chartKind(ch.Option) == "map"
	chartH := size.Height - titleBand
	if isMap {
		chartH -= mapNoteBand
	}
	inner, err := m.pool.SVG(ctx, opt, render.Size{Width: size.Width, Height: chartH})
	if err != nil {
		return "", size, fmt.Errorf("dashboard: chart %s: %w", ch.ID, err)
	}
	inner = strings.Replace(inner, "<svg ", fmt.Sprintf(`<svg x="0" y="%d" `, titleBand), 1)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">`, size.Width, size.Height, size.Width, size.Height)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="#fff"/>`)
	font := html.EscapeString(chartFont)
	fmt.Fprintf(&b, `<text x="16" y="28" font-family="%s" font-size="17" font-weight="bold" fill="#1f2d3d">%s</text>`, font, html.EscapeString(ch.Title))
	if sample && !strings.Contains(inner, sampleMark(lang)) { // the page's option carries the mark when its data are sample data
		fmt.Fprintf(&b, `<text x="%d" y="28" text-anchor="end" font-family="%s" font-size="14" fill="#7a5a00">%s</text>`, size.Width-16, font, html.EscapeString(sampleMark(lang)))
	}
	b.WriteString(inner)
	if isMap {
		fmt.Fprintf(&b, `<text x="16" y="%d" font-family="%s" font-size="12" fill="#595959">%s</text>`, size.Height-9, font, html.EscapeString(i18n.T(lang, "map_notice")))
	}
	b.WriteString(`</svg>`)
	return b.String(), size, nil
}

// chartFont is the font stack of the title band, as the charts use.
const chartFont = `"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif`

// png draws a chart's SVG as PNG at scale (2: twice the pixels each way).
func (m *imager) png(ctx context.Context, ch charts.Chart, sample bool, lang string, scale float64) ([]byte, render.Size, error) {
	svg, size, err := m.svg(ctx, ch, sample, lang)
	if err != nil {
		return nil, size, err
	}
	b, err := m.raster.PNG(ctx, svg, size, scale)
	if err != nil {
		return nil, size, fmt.Errorf("dashboard: chart %s: %w", ch.ID, err)
	}
	return b, size, nil
}

// close stops the rasteriser's browser.
func (m *imager) close() { m.raster.Close() }
