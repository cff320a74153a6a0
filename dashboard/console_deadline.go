package dashboard

import (
	"time"

	"github.com/zibo-kj/corridor/sql/adhoc"
)

// The console's API routes that run a statement (registered in routes as
// api.Post("/query") and api.Post("/query/chart")); the deadline
// middleware gives them consoleDeadline.
const (
	consoleQueryRoute = "/api/v1/query"
	consoleChartRoute = "/api/v1/query/chart"
)

// consoleGrace is how long past its own max_execution_time a console query
// may take to come back: the engine ends it at that bound and answers the
// timeout, which the console explains (422) rather than the edge's 504.
const consoleGrace = 10 * time.Second

// consoleDeadline bounds a console request: the longest max_execution_time
// a request may ask for (engine.ReaderLimits) plus consoleGrace, so the
// server's request deadline never cuts a query before the console's own
// bound does. The client going away still cancels it at once (watchClient).
func consoleDeadline() time.Duration {
	return time.Duration(adhoc.MaxTimeoutSeconds())*time.Second + consoleGrace
}
