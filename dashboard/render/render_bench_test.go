package render_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/zibo-kj/corridor/dashboard/render"
)

// The chart kinds' render times: each renders a chart of the demo data
// (its exported option, the golden file of dashboard's export test) to
// SVG in a warm goja runtime, and to a 2× PNG in a warm Chromium tab.
//
//	go test ./dashboard/render/ -run '^$' -bench Render -benchtime 5x

func BenchmarkRenderLine(b *testing.B)  { benchRender(b, "export_overview_trend-platforms") }
func BenchmarkRenderBar(b *testing.B)   { benchRender(b, "export_platforms_platforms-district") }
func BenchmarkRenderStack(b *testing.B) { benchRender(b, "export_index_index-contrib") }
func BenchmarkRenderSankey(b *testing.B) {
	benchRender(b, "export_projects_funding-flows")
}
func BenchmarkRenderGraph(b *testing.B)       { benchRender(b, "export_network_network") }
func BenchmarkRenderRadar(b *testing.B)       { benchRender(b, "export_index_index-radar") }
func BenchmarkRenderMapZibo(b *testing.B)     { benchRender(b, "export_map_map-zibo") }
func BenchmarkRenderMapCorridor(b *testing.B) { benchRender(b, "export_map_map-corridor") }

func benchRender(b *testing.B, golden string) {
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "golden", golden+".json"))
	if err != nil {
		b.Fatal(err)
	}
	var ex struct {
		Option json.RawMessage `json:"option"`
	}
	if err := json.Unmarshal(raw, &ex); err != nil {
		b.Fatal(err)
	}
	ctx, size := context.Background(), render.Size{Width: 800, Height: 420}
	pool := render.NewPool(1)
	svg, err := pool.SVG(ctx, string(ex.Option), size) // starts the runtime
	if err != nil {
		b.Fatal(err)
	}
	b.Run("svg", func(b *testing.B) {
		for range b.N {
			if _, err := pool.SVG(ctx, string(ex.Option), size); err != nil {
				b.Fatal(err)
			}
		}
	})
	r := render.NewRasteriser("")
	if r.Available() != nil {
		b.Skipf("PNG not timed: %v", r.Available())
	}
	defer r.Close()
	if _, err := r.PNG(ctx, svg, size, 2); err != nil { // starts the browser
		b.Fatal(err)
	}
	b.Run("png", func(b *testing.B) {
		for range b.N {
			if _, err := r.PNG(ctx, svg, size, 2); err != nil {
				b.Fatal(err)
			}
		}
	})
}
