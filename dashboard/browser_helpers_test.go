package dashboard_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/zibo-kj/corridor/dashboard"
	"github.com/zibo-kj/corridor/dashboard/auth"
	"github.com/zibo-kj/corridor/ingest/demo"
	"github.com/zibo-kj/corridor/sql/chtest"
)

// chromiumPath is Debian's chromium package, which .ci/run installs with apt;
// the tests never download a browser.
const chromiumPath = "/usr/bin/chromium"

// browserTestTimeout bounds one browser test, browser start included, so a
// hung page fails the test instead of the whole binary's -timeout.
const browserTestTimeout = 90 * time.Second

// actionTimeout bounds one step (a navigation, a click that should navigate,
// a script), so a click that leads nowhere fails in seconds.
const actionTimeout = 20 * time.Second

// requireChromium skips a browser test on a developer machine without
// Chromium, but fails it in CI, where a missing browser would otherwise turn
// the browser tests silently into skips.
func requireChromium(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err == nil {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is missing; CI must install Debian's chromium (see .ci/run)", chromiumPath)
	}
	t.Skipf("browser test skipped: %s not found (apt install chromium); in CI (CI=true) this fails instead", chromiumPath)
}

// startDemoServer serves a dashboard on a real TCP port over a fresh
// database holding the demo data set, as `corridor demo` loads it, with the
// users viewer, analyst and admin (password testPassword). It returns the
// base URL. The browser must talk to a real socket: app.Test has no network.
func startDemoServer(t testing.TB) string {
	t.Helper()
	ctx := context.Background()
	d := h.DB(t)
	if _, err := demo.Load(ctx, d.Conn, t.TempDir(), "test"); err != nil {
		t.Fatal(err)
	}
	for name, role := range map[string]auth.Role{"viewer": auth.Viewer, "analyst": auth.Analyst, "admin": auth.Admin} {
		addUser(t, d, name, role)
	}
	// Server warnings (failed logins, refused requests) go to the test's
	// output, so they show up only when the test fails or with -v.
	logger := slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn}))
	s, err := dashboard.New(dashboard.Deps{Conn: d.Conn, Console: chtest.Open(t, d.Reader), Database: d.Name, Engine: "embedded", Log: logger})
	if err != nil {
		t.Fatal(err)
	}
	return serveOn(t, s)
}

// serveOn serves s on a real TCP port until the test ends and returns its
// base URL. The browser must talk to a real socket: app.Test has no network.
func serveOn(t testing.TB, s *dashboard.Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = s.App().Listener(ln) // ends with nil or "use of closed network connection"
	}()
	t.Cleanup(func() {
		if err := s.App().ShutdownWithTimeout(5 * time.Second); err != nil {
			t.Errorf("server shutdown: %v", err)
		}
		// Shutdown misses a listener that Serve has not picked up yet (a
		// test that fails at once); closing it ourselves ends Serve anyway.
		ln.Close()
		<-done
	})
	return "http://" + ln.Addr().String()
}

// openDashboard starts the demo dashboard and a browser tab on it. It
// checks for Chromium first, so a skipped test loads no data.
func openDashboard(t *testing.T) *tab {
	t.Helper()
	requireChromium(t)
	return newTab(t, startDemoServer(t))
}

// tab is one browser tab on a dashboard, with what the page reported since
// the last reset: console errors, exceptions, request URLs and bytes.
type tab struct {
	t    testing.TB
	ctx  context.Context
	base string

	mu       sync.Mutex
	problems []string // console.error calls, uncaught exceptions, browser log errors
	urls     []string // every request the page made
	bytes    float64  // encoded (on the wire) bytes of finished requests
}

// newTab starts a headless Chromium for this test and opens a tab on base.
// Each test gets its own browser process: the tests share no TestMain hook
// that could close a shared browser (a leaked one would keep its renderer
// processes and profile directory), and a fresh process also means fresh
// cookies and an empty cache. Starting Chromium takes well under a second.
func newTab(t *testing.T, base string) *tab {
	t.Helper()
	return newTabWithin(t, base, browserTestTimeout)
}

// newTabWithin is newTab for a test that needs longer than
// browserTestTimeout, such as one that photographs every page.
func newTabWithin(t testing.TB, base string, limit time.Duration) *tab {
	t.Helper()
	requireChromium(t)
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	t.Cleanup(cancel)
	// No UserDataDir option: chromedp then makes a temporary profile
	// directory itself and removes it (after killing leftover helper
	// processes) when the browser stops, which t.TempDir could not do.
	tb := &tab{t: t, base: base}
	// Chromium occasionally dies while starting on a loaded 2-core machine
	// (seen once in a crashpad abort); a start is retried, a failing page is not.
	var err error
	for attempt := 1; attempt <= 3; attempt++ {
		var cctx context.Context
		if cctx, err = startBrowser(ctx, t, tb); err == nil {
			tb.ctx = cctx
			return tb
		}
		t.Logf("start %s, attempt %d: %v", chromiumPath, attempt, err)
		tb.mu.Lock()
		tb.problems, tb.urls, tb.bytes = nil, nil, 0 // nothing of a failed start counts
		tb.mu.Unlock()
	}
	t.Fatalf("start %s: %v", chromiumPath, err)
	return nil
}

// startBrowser launches one Chromium with a tab whose events go to tb.
func startBrowser(ctx context.Context, t testing.TB, tb *tab) (context.Context, error) {
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox, // containers and CI run as root, where the sandbox cannot start
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true), // /dev/shm is tiny in containers
		chromedp.WindowSize(1366, 900),
	)
	// WithListener sees the tab's events from its first message, so nothing
	// the first page does is missed.
	cctx, cancelTab := chromedp.NewContext(actx, chromedp.WithListener(tb.record))
	if err := chromedp.Do(cctx); err != nil {
		cancelTab()
		cancelAlloc()
		return nil, err
	}
	t.Cleanup(func() {
		cancelTab() // the first tab owns the browser: this stops Chromium and waits
		cancelAlloc()
	})
	return cctx, nil
}

// record runs in the tab's event loop, so it only copies what it needs.
func (tb *tab) record(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			tb.problems = append(tb.problems, "console.error: "+argsText(ev.Args))
		}
	case *runtime.EventExceptionThrown:
		tb.problems = append(tb.problems, "exception: "+exceptionText(ev.ExceptionDetails))
	case *log.EventEntryAdded:
		// Failed loads and CSP violations come from the browser, not from a
		// script, so they reach the log domain and not the console API.
		if ev.Entry.Level == log.EntryLevelError {
			tb.problems = append(tb.problems, fmt.Sprintf("browser log (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		}
	case *network.EventRequestWillBeSent:
		tb.urls = append(tb.urls, ev.Request.URL)
	case *network.EventLoadingFinished:
		tb.bytes += ev.EncodedDataLength
	}
}

func argsText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		switch {
		case a.Description != "":
			parts = append(parts, a.Description)
		case len(a.Value) > 0:
			parts = append(parts, string(a.Value))
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return "(no details)"
	}
	s := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		s += " " + d.Exception.Description
	}
	return fmt.Sprintf("%s at %s:%d:%d", s, d.URL, d.LineNumber+1, d.ColumnNumber+1)
}

// report is what the page reported since the last reset.
type report struct {
	problems []string
	urls     []string
	bytes    float64
}

// reset starts a new report and returns the previous one.
func (tb *tab) reset() report {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	r := report{tb.problems, tb.urls, tb.bytes}
	tb.problems, tb.urls, tb.bytes = nil, nil, 0
	return r
}

// step is the context for one action: the tab's, with actionTimeout.
func (tb *tab) step() (context.Context, context.CancelFunc) {
	return context.WithTimeout(tb.ctx, actionTimeout)
}

// do runs actions, failing the test with what was being done.
func (tb *tab) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := tb.step()
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tb.t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression and decodes its value into T.
func eval[T any](tb *tab, js string) T {
	tb.t.Helper()
	ctx, cancel := tb.step()
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluate %.60q…: %v", js, err)
	}
	return v
}

// open navigates to a path of the dashboard and returns the status of the
// document that finally loads (after redirects).
func (tb *tab) open(path string) int64 {
	tb.t.Helper()
	ctx, cancel := tb.step()
	defer cancel()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(tb.base+path))
	if err != nil {
		tb.t.Fatalf("open %s: %v", path, err)
	}
	return resp.Status
}

// submit runs an action that submits a form or clicks a link, and waits for
// the page it leads to; it returns that page's status.
func (tb *tab) submit(what string, trigger chromedp.Action[chromedp.Void]) int64 {
	tb.t.Helper()
	ctx, cancel := tb.step()
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, trigger)
	if err != nil {
		tb.t.Fatalf("%s: %v", what, err)
	}
	return resp.Status
}

// path is the current page's path and query.
func (tb *tab) path() string {
	tb.t.Helper()
	ctx, cancel := tb.step()
	defer cancel()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		tb.t.Fatalf("location: %v", err)
	}
	u, err := url.Parse(loc)
	if err != nil {
		tb.t.Fatalf("location %q: %v", loc, err)
	}
	return u.RequestURI()
}

// login signs in through the real login form, as a person would: type the
// name and password, press the button, land on the next page.
func (tb *tab) login(name, password string) int64 {
	tb.t.Helper()
	tb.open("/login")
	tb.do("fill the login form",
		chromedp.SendKeys(chromedp.CSS(`#login-form input[name="username"]`), name),
		chromedp.SendKeys(chromedp.CSS(`#login-form input[name="password"]`), password),
	)
	return tb.submit("submit the login form", chromedp.Click(chromedp.CSS(`#login-form button[type="submit"]`)))
}

// signIn logs in with testPassword and requires landing on /.
func (tb *tab) signIn(name string) {
	tb.t.Helper()
	if st := tb.login(name, testPassword); st != 200 || tb.path() != "/" {
		tb.t.Fatalf("login as %s landed on %s (%d), want / (200)", name, tb.path(), st)
	}
}

// setCache turns the browser cache off (to measure a first visit) or on.
func (tb *tab) setCache(enabled bool) {
	tb.t.Helper()
	ctx, cancel := tb.step()
	defer cancel()
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: !enabled}); err != nil {
		tb.t.Fatalf("set cache: %v", err)
	}
}

// chartsReady is true once app.js has initialised every chart it found
// (body[data-charts]) and ECharts reported each one finished
// (data-rendered="1"); it then returns both counts.
const chartsReady = `(() => {
	const want = document.body && document.body.dataset.charts;
	if (want === undefined) return false;
	const els = [...document.querySelectorAll('.chart')].filter(el => !el.closest('[hidden]')); // the console's chart waits for "chart this"
	if (els.some(el => el.dataset.rendered !== '1')) return false;
	return {want: Number(want), have: els.length};
})()`

// chartTimeout is how long a page may take to draw all its charts.
const chartTimeout = 15 * time.Second

type chartCount struct {
	Want int `json:"want"`
	Have int `json:"have"`
}

// waitCharts waits until every chart of the page has drawn and returns the
// counts; a chart that never finishes fails the test after chartTimeout.
// It polls from Go with plain Evaluate calls: chromedp's Poll pins the
// execution context it first sees and can fail with "Cannot find context"
// right after a navigation.
func (tb *tab) waitCharts() chartCount {
	tb.t.Helper()
	deadline := time.Now().Add(chartTimeout)
	for {
		raw := eval[[]byte](tb, chartsReady)
		if string(raw) != "false" {
			var c chartCount
			if err := json.Unmarshal(raw, &c); err != nil {
				tb.t.Fatalf("charts state %s: %v", raw, err)
			}
			return c
		}
		if time.Now().After(deadline) {
			state := eval[string](tb, `JSON.stringify({charts: document.body && document.body.dataset.charts,
				pending: [...document.querySelectorAll('.chart:not([data-rendered="1"])')].map(el => el.id)})`)
			tb.t.Fatalf("charts did not finish drawing within %v: %s", chartTimeout, state)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// inkJS measures, for each chart, the share of its canvas pixels that are
// neither transparent nor (near) white, and whether ECharts holds any data
// for it. Every pixel is read: a 20×20 grid misses thin lines (a drawn line
// chart scored 1.5 % on one, 4 % when counted in full). A chart ECharts did
// not draw leaves a blank canvas (0 %); one drawn from an option without data
// draws only axes and text, which the data flag catches.
const inkJS = `(() => [...document.querySelectorAll('.chart')].map(el => {
	let ink = 0, pixels = 0;
	const canvases = el.querySelectorAll('canvas');
	for (const c of canvases) {
		if (!c.width || !c.height) continue;
		const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
		for (let i = 0; i < px.length; i += 4) {
			pixels++;
			if (px[i+3] > 16 && !(px[i] > 240 && px[i+1] > 240 && px[i+2] > 240)) ink++;
		}
	}
	const chart = echarts.getInstanceByDom(el);
	const series = ((chart && chart.getOption()) || {}).series || [];
	const hasData = series.some(s => ['data', 'nodes', 'links'].some(k => Array.isArray(s[k]) && s[k].length > 0));
	return {id: el.id, canvases: canvases.length, share: pixels ? ink / pixels : 0, hasData};
}))()`

type chartInk struct {
	ID       string  `json:"id"`
	Canvases int     `json:"canvases"`
	Share    float64 `json:"share"`
	HasData  bool    `json:"hasData"`
}

// ink measures every chart of the page (see inkJS).
func (tb *tab) ink() []chartInk {
	tb.t.Helper()
	return eval[[]chartInk](tb, inkJS)
}

// failedLoad is how the browser logs a response with an error status; the
// URL follows it.
const failedLoad = "Failed to load resource: the server responded with a status of "

// checkClean fails the test for every problem the page reported since the
// last reset, except failed loads the test caused on purpose: expect holds
// "<status> <path>" pairs such as "401 /login".
func (tb *tab) checkClean(r report, expect ...string) {
	tb.t.Helper()
next:
	for _, p := range r.problems {
		for _, e := range expect {
			status, path, _ := strings.Cut(e, " ")
			if strings.Contains(p, failedLoad+status) && strings.HasSuffix(p, " "+tb.base+path) {
				continue next
			}
		}
		tb.t.Errorf("%s", p)
	}
}

// localHost accepts the URLs a page may load: this machine, or inline data.
func localHost(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "data", "blob":
		return true
	case "http", "https", "ws", "wss":
		h := u.Hostname()
		return h == "127.0.0.1" || h == "localhost"
	}
	return false
}
