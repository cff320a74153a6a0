package dashboard_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// screenSize is one screen a leader opens the dashboard on.
type screenSize struct {
	name string
	w, h int64
}

// screenSizes are the desk, phone, full-HD and wall screens a leader opens
// the pages on: 1440×900, 390×844, 1920×1080 and 3840×2160.
var screenSizes = []screenSize{{"desk", 1440, 900}, {"phone", 390, 844}, {"hd", 1920, 1080}, {"wall", 3840, 2160}}

// screenshotPages are the pages photographed: the navigation's pages, the
// named rows behind a chart, and the admin's and analyst's pages.
var screenshotPages = append(append([]string{}, browserPages...),
	"/drill?metric=platforms_cum&by=district&value=370303", "/users", "/console", "/tokens")

// TestScreenshots writes a full-page PNG of every page at every screen size,
// in Chinese and (at the desk size) in English, into the folder named by
// CORRIDOR_SCREENSHOTS; `make screenshots` sets it. Each page must first
// draw all its charts. Without the variable it is skipped: it is a tool for
// looking at the pages, and the browser tests check what it shows.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("CORRIDOR_SCREENSHOTS")
	if dir == "" {
		t.Skip("set CORRIDOR_SCREENSHOTS=DIR (make screenshots) to write the pages' screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	requireChromium(t)
	tb := newTabWithin(t, startDemoServer(t), 12*time.Minute)
	tb.signIn("admin")
	shoot := func(lang string, sz screenSize, page string) {
		tb.do("viewport", chromedp.EmulateViewport(sz.w, sz.h))
		if st := tb.open(page); st != 200 {
			t.Errorf("%s: status %d", page, st)
			return
		}
		tb.waitCharts()
		ctx, cancel := tb.step()
		defer cancel()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", page, err)
		}
		name := strings.NewReplacer("/", "", "?", "-", "&", "-", "=", "_").Replace(page)
		if name == "" {
			name = "overview"
		}
		file := filepath.Join(dir, lang+"-"+sz.name+"-"+name+".png")
		if err := os.WriteFile(file, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, sz := range screenSizes {
		for _, p := range screenshotPages {
			shoot("zh", sz, p)
		}
	}
	tb.do("viewport", chromedp.EmulateViewport(1440, 900))
	tb.open("/")
	tb.submit("switch language", chromedp.Click(chromedp.ID("lang-switch")))
	for _, p := range screenshotPages {
		shoot("en", screenSizes[0], p)
	}
	t.Logf("screenshots in %s", dir)
}

// shot saves a full-page screenshot into $CORRIDOR_SCREENSHOTS, if set:
// the console's and the wall's tests show what they checked (make
// screenshots runs them with the page walk below).
func shot(t *testing.T, tb *tab, name string) {
	t.Helper()
	dir := os.Getenv("CORRIDOR_SCREENSHOTS")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil { // the first test to shoot makes the folder
		t.Fatal(err)
	}
	ctx, cancel := tb.step()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	cancel()
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(fmt.Errorf("screenshot: %w", err))
	}
}
