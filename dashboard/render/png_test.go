package render_test

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"testing"

	"github.com/zibo-kj/corridor/dashboard/render"
)

// requireRasteriser skips on a developer machine without Chromium or a CJK
// font, and fails in CI, which must install both (chromium, fonts-noto-cjk).
func requireRasteriser(t *testing.T, r *render.Rasteriser) {
	t.Helper()
	if err := r.Available(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
}

// The PNG of an SVG is scale times its size, and its Chinese text is drawn
// in a CJK font (Available has asked fontconfig for one), not as boxes.
func TestPNGOfSVG(t *testing.T) {
	r := render.NewRasteriser("")
	requireRasteriser(t, r)
	defer r.Close()
	svg := `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><rect width="300" height="100" fill="#fff"/>` +
		`<text x="10" y="60" font-size="40" font-family="'Noto Sans CJK SC', sans-serif">融合指数</text></svg>`
	b, err := r.PNG(context.Background(), svg, render.Size{Width: 300, Height: 100}, 2)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds(); got.Dx() != 600 || got.Dy() != 200 {
		t.Errorf("PNG %dx%d, want 600x200", got.Dx(), got.Dy())
	}
	dark := 0
	for y := 0; y < 200; y++ {
		for x := 0; x < 600; x++ {
			if r, _, _, _ := img.At(x, y).RGBA(); r < 0x8000 {
				dark++
			}
		}
	}
	// The four glyphs in Noto Sans CJK cover 7,927 dark pixels; four
	// missing-glyph boxes (thin outlines of about 64×80 px) under 6,000.
	if dark < 6500 {
		t.Errorf("%d dark pixels: the Chinese text was not drawn with a CJK font", dark)
	}
}
