// Package render draws charts on the server, without a browser: the same
// ECharts options the pages send to the browser, rendered to SVG by
// ECharts' own server-side rendering running in goja (a JavaScript engine
// in Go). Scripts and reports get exactly what the page shows.
//
// A runtime costs about a quarter of a second and 20 MB to start (it loads
// echarts.min.js and the maps), and serves one chart at a time, so a Pool
// keeps a few and hands them out.
package render

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dop251/goja"
	"github.com/zibo-kj/corridor/dashboard/assets"
)

// Pool hands out ECharts runtimes, starting them as needed up to its size.
type Pool struct {
	free  chan *goja.Runtime
	slots chan struct{} // one token per runtime that may still be started
}

// NewPool keeps at most size runtimes (at least one).
func NewPool(size int) *Pool {
	size = max(size, 1)
	p := &Pool{free: make(chan *goja.Runtime, size), slots: make(chan struct{}, size)}
	for range size {
		p.slots <- struct{}{}
	}
	return p
}

// Size is the width and height of a chart in pixels.
type Size struct{ Width, Height int }

// SVG renders an ECharts option (JSON, as charts.Chart.Option holds it) to
// an SVG document of the given size, with animation off. The text stays
// text: a chart's Chinese title and labels are searchable in the file and
// drawn by the viewer's fonts.
func (p *Pool) SVG(ctx context.Context, option string, size Size) (string, error) {
	var opt map[string]any
	if err := json.Unmarshal([]byte(option), &opt); err != nil {
		return "", fmt.Errorf("render: option: %w", err)
	}
	opt["animation"] = false
	for _, s := range seriesOf(opt) {
		if s["type"] == "graph" { // a force layout would never settle without its animation
			force, _ := s["force"].(map[string]any)
			if force == nil {
				force = map[string]any{}
			}
			force["layoutAnimation"] = false
			s["force"] = force
		}
	}
	clean, err := json.Marshal(opt)
	if err != nil {
		return "", fmt.Errorf("render: option: %w", err)
	}
	rt, err := p.get(ctx)
	if err != nil {
		return "", err
	}
	defer p.put(rt)
	fn, ok := goja.AssertFunction(rt.Get("corridorRender"))
	if !ok {
		return "", fmt.Errorf("render: the runtime has no render function")
	}
	v, err := fn(goja.Undefined(), rt.ToValue(string(clean)), rt.ToValue(size.Width), rt.ToValue(size.Height))
	if err != nil {
		return "", fmt.Errorf("render: echarts: %w", err)
	}
	svg := v.String()
	if !strings.HasPrefix(svg, "<svg") {
		return "", fmt.Errorf("render: echarts gave no SVG")
	}
	return svg, nil
}

// seriesOf lists an option's series objects.
func seriesOf(opt map[string]any) []map[string]any {
	var out []map[string]any
	switch s := opt["series"].(type) {
	case []any:
		for _, x := range s {
			if m, ok := x.(map[string]any); ok {
				out = append(out, m)
			}
		}
	case map[string]any:
		out = append(out, s)
	}
	return out
}

// get takes a free runtime, or starts one while the pool has room, or
// waits for one.
func (p *Pool) get(ctx context.Context) (*goja.Runtime, error) {
	select {
	case rt := <-p.free:
		return rt, nil
	default:
	}
	select {
	case rt := <-p.free:
		return rt, nil
	case <-p.slots:
		rt, err := newRuntime()
		if err != nil {
			p.slots <- struct{}{}
			return nil, err
		}
		return rt, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("render: %w", ctx.Err())
	}
}

func (p *Pool) put(rt *goja.Runtime) { p.free <- rt }

// prelude gives ECharts what a browser-less script needs: a global object,
// a quiet console and timers that never fire (SSR draws synchronously).
const prelude = `var global = globalThis, window = undefined;
var console = {log: function(){}, warn: function(){}, error: function(){}, info: function(){}, debug: function(){}};
function setTimeout() { return 0 } function clearTimeout() {} function setInterval() { return 0 } function clearInterval() {}`

// renderFn draws one chart and frees it.
const renderFn = `function corridorRender(option, width, height) {
  var chart = echarts.init(null, null, {renderer: 'svg', ssr: true, width: width, height: height});
  try { chart.setOption(JSON.parse(option)); return chart.renderToSVGString(); } finally { chart.dispose(); }
}`

// newRuntime starts a runtime with ECharts, the product's maps and the
// render function.
func newRuntime() (*goja.Runtime, error) {
	rt := goja.New()
	for _, s := range []struct{ name, src string }{
		{"prelude", prelude},
		{"echarts.min.js", string(assets.EChartsJS())},
		{"map 山东", string(assets.MapJS("山东"))},
		{"map 淄博", string(assets.MapJS("淄博"))},
		{"render", renderFn},
	} {
		if s.src == "" {
			return nil, fmt.Errorf("render: %s is not embedded (run make assets)", s.name)
		}
		if _, err := rt.RunScript(s.name, s.src); err != nil {
			return nil, fmt.Errorf("render: load %s: %w", s.name, err)
		}
	}
	return rt, nil
}
