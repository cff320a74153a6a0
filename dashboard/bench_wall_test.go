package dashboard_test

import (
	"context"
	"fmt"
	"io"
	"net/http/httptest"
	"testing"

	"github.com/zibo-kj/corridor/dashboard"
	"github.com/zibo-kj/corridor/ingest/demo"
	"github.com/zibo-kj/corridor/sql/chtest"
)

// BenchmarkWallScene renders the kiosk's wall, each scene in turn, over
// the demo data: a fresh client each time (no session, so the page cache
// never answers), the analytics remembered after the first round. Target:
// well under the rotation interval; a wall renders a scene once per data
// version and browser, so ≤ 250 ms a render on 2 cores is ample.
func BenchmarkWallScene(b *testing.B) {
	d := h.DB(b)
	if _, err := demo.Load(context.Background(), d.Conn, b.TempDir(), "bench"); err != nil {
		b.Fatal(err)
	}
	s, err := dashboard.New(dashboard.Deps{Conn: d.Conn, Reader: chtest.Open(b, d.Web), Database: d.Name, Engine: "embedded", Kiosk: true})
	if err != nil {
		b.Fatal(err)
	}
	get := func(scene int) {
		resp, err := s.App().Test(httptest.NewRequest("GET", fmt.Sprintf("/wall?scene=%d", scene), nil), 60_000)
		if err != nil {
			b.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			b.Fatalf("scene %d: %d %.200s", scene, resp.StatusCode, body)
		}
	}
	for sc := range 3 { // the analytics' first reads are not what a wall waits for every 30 s
		get(sc)
	}
	n := 0
	for b.Loop() {
		get(n % 3)
		n++
	}
}
