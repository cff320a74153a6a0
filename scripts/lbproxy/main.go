// Command lbproxy is the load balancer of `make loadtest REPLICAS=2`: it
// listens on one loopback address and hands each request to the next of
// several `corridor serve` processes in turn (round robin), as a load
// balancer in front of replicas would. Test tooling only.
//
//	go run ./scripts/lbproxy -listen 127.0.0.1:18390 http://127.0.0.1:18391 http://127.0.0.1:18392
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"sync/atomic"
	"time"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:18390", "address to listen on")
	flag.Parse()
	if err := run(*listen, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "lbproxy:", err)
		os.Exit(1)
	}
}

func run(listen string, backends []string) error {
	if len(backends) == 0 {
		return fmt.Errorf("name at least one backend URL")
	}
	var proxies []*httputil.ReverseProxy
	transport := &http.Transport{MaxIdleConnsPerHost: 256, IdleConnTimeout: 90 * time.Second}
	for _, b := range backends {
		u, err := url.Parse(b)
		if err != nil || u.Host == "" {
			return fmt.Errorf("backend %q: want http://host:port", b)
		}
		p := httputil.NewSingleHostReverseProxy(u)
		p.Transport = transport
		proxies = append(proxies, p)
	}
	var next atomic.Uint64
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		proxies[(next.Add(1)-1)%uint64(len(proxies))].ServeHTTP(w, r)
	})
	slog.Info("lbproxy listening", "addr", listen, "backends", backends)
	srv := &http.Server{Addr: listen, Handler: h, ReadHeaderTimeout: 10 * time.Second}
	return srv.ListenAndServe()
}
