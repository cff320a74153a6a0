package render

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// ChromiumPath is Debian's chromium package, the rasteriser's browser.
const ChromiumPath = "/usr/bin/chromium"

// Rasteriser draws the server's SVG charts as PNG in headless Chromium:
// the charts' Chinese text is drawn with the machine's CJK font (Debian's
// fonts-noto-cjk), which pure-Go rasterisers cannot (oksvg draws no text;
// see the charts recipe). One browser tab is started on first use and kept;
// it draws one chart at a time.
type Rasteriser struct {
	path string

	mu     sync.Mutex
	tab    context.Context
	cancel func()
}

// NewRasteriser uses the Chromium at path (ChromiumPath when empty); it
// starts nothing until the first PNG.
func NewRasteriser(path string) *Rasteriser {
	if path == "" {
		path = ChromiumPath
	}
	return &Rasteriser{path: path}
}

// Available reports whether the browser and a CJK font are installed: a
// PNG without a CJK font would show boxes for every Chinese character.
func (r *Rasteriser) Available() error {
	if _, err := os.Stat(r.path); err != nil {
		return fmt.Errorf("render: PNG needs Chromium (apt install chromium): %w", err)
	}
	return CJKFont()
}

// CJKFont reports whether fontconfig knows a font with Chinese glyphs.
func CJKFont() error {
	out, err := exec.Command("fc-list", ":lang=zh", "family").Output()
	if err != nil {
		return fmt.Errorf("render: fc-list: %w", err)
	}
	if strings.TrimSpace(string(out)) == "" {
		return fmt.Errorf("render: no Chinese font installed (apt install fonts-noto-cjk): Chinese text would show as boxes")
	}
	return nil
}

// PNG draws svg (an SVG document of size) at scale (2 for the 2×:
// a 800×400 chart gives a 1600×800 image) on white.
func (r *Rasteriser) PNG(ctx context.Context, svg string, size Size, scale float64) ([]byte, error) {
	if size.Width <= 0 || size.Height <= 0 || scale <= 0 {
		return nil, fmt.Errorf("render: PNG size %dx%d at %g", size.Width, size.Height, scale)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.start(); err != nil {
		return nil, err
	}
	tab, cancel := context.WithCancel(r.tab)
	defer cancel()
	stop := context.AfterFunc(ctx, cancel)
	defer stop()
	doc, _ := json.Marshal(svg)
	err := chromedp.Do(tab, chromedp.EmulateViewport(int64(size.Width), int64(size.Height), chromedp.EmulateScale(scale)))
	if err == nil { // the page stays loaded: only its body changes, no navigation per chart
		_, err = chromedp.Run(tab, chromedp.Evaluate[bool](`document.body.innerHTML = `+string(doc)+`; document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => r(true))))`, chromedp.EvalAwaitPromise))
	}
	var png []byte
	if err == nil {
		speed := true // quick PNG compression: larger files, less time
		var shot page.CaptureScreenshotResult
		shot, err = chromedp.Call(tab, page.CaptureScreenshot, page.CaptureScreenshotParams{Format: page.CaptureScreenshotFormatPng, OptimizeForSpeed: &speed})
		png = shot.Data
	}
	if err != nil {
		if ctx.Err() == nil { // the browser failed, not the caller: start afresh next time
			r.closeLocked()
		}
		return nil, fmt.Errorf("render: PNG: %w", err)
	}
	return png, nil
}

// start launches the browser and its tab once.
func (r *Rasteriser) start() error {
	if r.tab != nil {
		return nil
	}
	if err := r.Available(); err != nil {
		return err
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(r.path),
		chromedp.Headless,
		chromedp.NoSandbox, // containers run as root, where the sandbox cannot start
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
	)
	tab, cancelTab := chromedp.NewContext(actx)
	blank := `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;background:#fff;overflow:hidden}svg{display:block}</style></head><body></body></html>`
	if err := chromedp.Do(tab, chromedp.Navigate("data:text/html;charset=utf-8;base64,"+base64.StdEncoding.EncodeToString([]byte(blank)))); err != nil {
		cancelTab()
		cancelAlloc()
		return fmt.Errorf("render: start %s: %w", r.path, err)
	}
	r.tab = tab
	r.cancel = func() { cancelTab(); cancelAlloc() }
	return nil
}

// Close stops the browser.
func (r *Rasteriser) Close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.closeLocked()
}

func (r *Rasteriser) closeLocked() {
	if r.cancel != nil {
		r.cancel()
	}
	r.tab, r.cancel = nil, nil
}
