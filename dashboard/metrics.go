package dashboard

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/ingest"
	chsql "github.com/zibo-kj/corridor/sql"
)

// latencyBuckets are the upper bounds (seconds) of the request latency
// histogram: from a cached page (~1 ms) to an upload of a large workbook.
var latencyBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}

// otherRoute labels requests that matched no route of the table (404s,
// refusals by a middleware), so that scanners cannot grow the label set.
const otherRoute = "other"

type reqKey struct{ route, method, status string }

type histogram struct {
	counts []uint64 // per bucket, not cumulative
	sum    float64
	n      uint64
}

// metrics counts what /metrics exposes. One mutex: a request takes it once,
// for well under a microsecond, which the load test does not notice.
type metrics struct {
	mu       sync.Mutex
	routes   map[*fiber.Handler]bool // first handler of each endpoint (see learnRoutes)
	requests map[reqKey]uint64
	latency  map[string]*histogram // by route
	qerrors  map[chsql.Kind]uint64
	ingest   map[[2]string]uint64 // {kind, accepted|rejected} → rows
	loads    map[string]uint64    // by report status
	cache    map[[2]string]uint64 // {cache, hit|miss}
}

func newMetrics() *metrics {
	return &metrics{routes: map[*fiber.Handler]bool{}, requests: map[reqKey]uint64{}, latency: map[string]*histogram{},
		qerrors: map[chsql.Kind]uint64{}, ingest: map[[2]string]uint64{}, loads: map[string]uint64{}, cache: map[[2]string]uint64{}}
}

// learnRoutes records the endpoints of the route table, whose patterns
// are the only route labels used. A request no endpoint answered (a 404, a
// refusal by a middleware) ends on a middleware's route, whose path may
// equal an endpoint's ("/"): Fiber does not export which routes are
// middleware, but GetRoutes copies share their handler arrays with the
// router's own routes, so an endpoint is known by its first handler's address.
func (m *metrics) learnRoutes(app *fiber.App) {
	for _, r := range app.GetRoutes(true) {
		if len(r.Handlers) > 0 {
			m.routes[&r.Handlers[0]] = true
		}
	}
}

// routeOf is the request's route pattern, or otherRoute.
func (m *metrics) routeOf(c *fiber.Ctx) string {
	r := c.Route()
	if r == nil || len(r.Handlers) == 0 || !m.routes[&r.Handlers[0]] {
		return otherRoute
	}
	return r.Path
}

// observe counts one answered request under its route pattern (never the
// raw path: /data/rejects/:source stays one series).
func (m *metrics) observe(c *fiber.Ctx, took time.Duration) {
	route := m.routeOf(c)
	// c.Method() aliases the request buffer, which the next request reuses
	k := reqKey{route, strings.Clone(c.Method()), strconv.Itoa(c.Response().StatusCode())}
	sec := took.Seconds()
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[k]++
	h := m.latency[route]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(latencyBuckets))}
		m.latency[route] = h
	}
	for i, b := range latencyBuckets {
		if sec <= b {
			h.counts[i]++
			break
		}
	}
	h.sum += sec
	h.n++
}

// queryError counts an error that came from the database, by kind; other
// errors (a bad parameter, a 404) are not query errors.
func (m *metrics) queryError(err error) {
	var ce *chsql.Error
	kind := chsql.KindOf(err)
	if kind == "" || (kind == chsql.KindOther && !errors.As(err, &ce)) {
		return
	}
	m.mu.Lock()
	m.qerrors[kind]++
	m.mu.Unlock()
}

// ingested counts the rows of a load made through the dashboard.
func (m *metrics) ingested(rep *ingest.Report) {
	if rep == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.loads[rep.Status]++
	if rep.Status == "loaded" {
		m.ingest[[2]string{rep.Kind, "accepted"}] += uint64(rep.Accepted)
		m.ingest[[2]string{rep.Kind, "rejected"}] += uint64(rep.Rejected)
	}
}

// cacheLookup counts a lookup in one of the server's caches.
func (m *metrics) cacheLookup(cache string, hit bool) {
	r := "miss"
	if hit {
		r = "hit"
	}
	m.mu.Lock()
	m.cache[[2]string{cache, r}]++
	m.mu.Unlock()
}

// write renders the Prometheus text exposition format (version 0.0.4).
// restarts is -1 when the engine is not ours (external ClickHouse).
func (m *metrics) write(w io.Writer, restarts int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	family(w, "corridor_http_requests_total", "counter", "Requests answered, by route pattern, method and status.")
	for _, k := range sortedKeys(m.requests, func(k reqKey) string { return k.route + "\x00" + k.method + "\x00" + k.status }) {
		fmt.Fprintf(w, "corridor_http_requests_total{route=%s,method=%s,status=%s} %d\n", label(k.route), label(k.method), label(k.status), m.requests[k])
	}
	family(w, "corridor_http_request_duration_seconds", "histogram", "Time from a request's arrival to its answer, by route pattern.")
	for _, r := range sortedKeys(m.latency, func(k string) string { return k }) {
		h, cum := m.latency[r], uint64(0)
		for i, b := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(w, "corridor_http_request_duration_seconds_bucket{route=%s,le=%s} %d\n", label(r), label(strconv.FormatFloat(b, 'g', -1, 64)), cum)
		}
		fmt.Fprintf(w, "corridor_http_request_duration_seconds_bucket{route=%s,le=\"+Inf\"} %d\n", label(r), h.n)
		fmt.Fprintf(w, "corridor_http_request_duration_seconds_sum{route=%s} %g\n", label(r), h.sum)
		fmt.Fprintf(w, "corridor_http_request_duration_seconds_count{route=%s} %d\n", label(r), h.n)
	}
	family(w, "corridor_query_errors_total", "counter", "Database errors answered to requests, by kind (unavailable, timeout, memory, …).")
	for _, k := range sortedKeys(m.qerrors, func(k chsql.Kind) string { return string(k) }) {
		fmt.Fprintf(w, "corridor_query_errors_total{kind=%s} %d\n", label(string(k)), m.qerrors[k])
	}
	family(w, "corridor_ingest_rows_total", "counter", "Rows of loads made through this server's upload, by record kind and outcome.")
	for _, k := range sortedKeys(m.ingest, func(k [2]string) string { return k[0] + "\x00" + k[1] }) {
		fmt.Fprintf(w, "corridor_ingest_rows_total{kind=%s,outcome=%s} %d\n", label(k[0]), label(k[1]), m.ingest[k])
	}
	family(w, "corridor_ingest_loads_total", "counter", "Uploads through this server, by result status.")
	for _, k := range sortedKeys(m.loads, func(k string) string { return k }) {
		fmt.Fprintf(w, "corridor_ingest_loads_total{status=%s} %d\n", label(k), m.loads[k])
	}
	family(w, "corridor_cache_lookups_total", "counter", "Lookups in the page and overview caches, by result.")
	for _, k := range sortedKeys(m.cache, func(k [2]string) string { return k[0] + "\x00" + k[1] }) {
		fmt.Fprintf(w, "corridor_cache_lookups_total{cache=%s,result=%s} %d\n", label(k[0]), label(k[1]), m.cache[k])
	}
	if restarts >= 0 {
		family(w, "corridor_engine_restarts_total", "counter", "Restarts of the embedded engine by its supervisor since this server started.")
		fmt.Fprintf(w, "corridor_engine_restarts_total %d\n", restarts)
	}
}

func family(w io.Writer, name, typ, help string) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, typ)
}

// label quotes a label value as the exposition format wants it.
func label(v string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(v) + `"`
}

func sortedKeys[K comparable, V any](m map[K]V, by func(K) string) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return by(out[i]) < by(out[j]) })
	return out
}
