# Corridor — build, run, test. `make run` and `make test` do all set-up on a fresh machine.
GO      ?= go
BIN     := bin/corridor
DATA    ?= ./data
ADDR    ?= 127.0.0.1:8080
export PATH := /usr/local/go/bin:$(PATH)
# The toolchain named in go.mod; the go command fetches it from the module proxy once.
export GOTOOLCHAIN := go1.27.3

.PHONY: all assets build run test vet fmt bench loadtest screenshots clean

all: build

# Front-end assets (ECharts, maps, font, CodeMirror) from the npm registry, pinned and
# verified, into dashboard/assets/vendor/ where the binary embeds them.
assets:
	GO=$(GO) bash dashboard/assets/fetch.sh

build: assets
	$(GO) build -o $(BIN) ./cmd/corridor

# Builds, fetches the engine library once (into ~/.cache/corridor), starts the
# embedded ClickHouse, applies migrations and serves the dashboard.
run: build
	$(BIN) serve --demo --data $(DATA) --addr $(ADDR)

vet: assets
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1)
	$(GO) vet ./...
	@bash scripts/vulncheck.sh

# Unit and integration tests; integration tests start the real embedded engine.
test: vet
	$(GO) test -count=1 -timeout 20m ./...

# Cluster mode alone: two embedded engines as two shards against one node
# (also part of make test; this runs just them, 25–70 s on 2 cores).
.PHONY: test-cluster
test-cluster:
	$(GO) test -count=1 -timeout 10m -run 'TestCluster' ./analytics/ ./sql/ ./cmd/corridor/

# One package at a time (-p 1): benchmarks on a 2-core machine must not compete.
bench: build
	$(GO) test -p 1 -run '^$$' -bench . -benchtime 1x -timeout 60m ./...

# The dashboard under 50 connections (demo data): cached pages, then a varied
# API mix no cache can answer twice; prints req/s, p50/p95/p99 and errors.
# REPLICAS=2: a second server on the same ClickHouse behind a round-robin
# proxy on loopback; prints the varied mix with one server and with both.
REPLICAS ?= 1
loadtest: build
	GO=$(GO) REPLICAS=$(REPLICAS) bash scripts/loadtest.sh

# Every page at desk (1440×900), phone (390×844), full-HD (1920×1080) and wall (3840×2160) sizes,
# in Chinese (and English at the desk size), drawn in headless Chromium with
# the demo data, as PNGs in screenshots/: look at them before a UI change ships.
screenshots: assets
	CORRIDOR_SCREENSHOTS=$(CURDIR)/screenshots $(GO) test -count=1 -run '^(TestScreenshots|TestBrowserWall.*|TestBrowserConsole)$$' -timeout 15m ./dashboard/

clean:
	rm -rf bin
