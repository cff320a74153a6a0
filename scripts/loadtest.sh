#!/usr/bin/env bash
# Load test of a running dashboard, as users would load it: starts `corridor
# serve --demo` on a fresh data folder, signs in, then drives it with vegeta
# (from the Go module proxy) at a fixed concurrency:
#   1. the cached pages (the same few URLs again and again);
#   2. a varied API mix: series, breakdowns, network, flows, targets, index
#      and overview under thousands of distinct filter combinations, so that
#      no result cache can answer from a previous identical request.
# Prints requests/s, p50/p95/p99 and errors for each, and the goal
# (p99 ≤ 250 ms, 0 errors, for the varied mix). Speed lives here, not in tests.
#
# REPLICAS=2: a second `corridor serve` on the first one's ClickHouse (by
# DSN, as a replica behind a load balancer), and a round-robin proxy on
# loopback (scripts/lbproxy); each mix then runs through the proxy twice,
# first with only the first server behind it, then with both, so the two
# figures differ only by the second server.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
BIN=${BIN:-bin/corridor}
WORKERS=${WORKERS:-50}
SECONDS_EACH=${SECONDS_EACH:-30}
# API_ONLY=1 skips the cached pages (for profiling the varied mix).
ADDR=${ADDR:-127.0.0.1:18399}
REPLICAS=${REPLICAS:-1}
case $REPLICAS in 1 | 2) ;; *) echo "loadtest: REPLICAS=$REPLICAS: want 1 or 2"; exit 2 ;; esac
ADDR_B=${ADDR_B:-127.0.0.1:18398}         # the second server (REPLICAS=2)
PROXY_ONE=${PROXY_ONE:-127.0.0.1:18397}   # proxy with the first server only
PROXY_BOTH=${PROXY_BOTH:-127.0.0.1:18396} # proxy with both
ENGINE_PORT=${ENGINE_PORT:-18395}         # the first server's embedded engine
VEGETA=github.com/tsenart/vegeta/v12@v12.13.0

work=$(mktemp -d /tmp/corridor-loadtest.XXXX)
pids=()
# The second server and the proxies first: the first server owns the engine.
trap 'for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill ${pids[i]} 2>/dev/null || true; wait ${pids[i]} 2>/dev/null || true; done; rm -rf "$work"' EXIT

GOBIN="$work" "$GO" install "$VEGETA"
pw="Load-Test-Pass-$RANDOM-2026"
waitup() { # address, log
	for _ in $(seq 1 120); do
		curl -fs "http://$1/healthz" >/dev/null 2>&1 && return 0
		sleep 0.5
	done
	echo "loadtest: $1 did not start"
	cat "$2"
	exit 1
}
engine=()
[ "$REPLICAS" = 1 ] || engine=(--engine-port "$ENGINE_PORT")
CORRIDOR_ADMIN_PASSWORD=$pw "$BIN" serve --demo --data "$work/data" --addr "$ADDR" "${engine[@]}" --log-level warn >"$work/serve.log" 2>&1 &
pids+=($!)
waitup "$ADDR" "$work/serve.log"
if [ "$REPLICAS" = 2 ]; then
	# DSNs of the first server's engine, from its data folder (as an operator would configure them).
	read -r writer web < <(python3 - "$work/data/engine/secrets.json" "$ENGINE_PORT" <<'PY'
import json, sys, urllib.parse as u
c, port = json.load(open(sys.argv[1])), sys.argv[2]
dsn = lambda user, pw: f"clickhouse://{u.quote(user, safe='')}:{u.quote(pw, safe='')}@127.0.0.1:{port}/corridor"
print(dsn(c["writer_user"], c["writer_password"]), dsn(c["web_user"], c["web_password"]))
PY
	)
	CORRIDOR_ADMIN_PASSWORD=$pw "$BIN" serve --clickhouse "$writer" --clickhouse-reader "$web" --addr "$ADDR_B" --log-level warn >"$work/serve-b.log" 2>&1 &
	pids+=($!)
	waitup "$ADDR_B" "$work/serve-b.log"
	"$GO" build -o "$work/lbproxy" ./scripts/lbproxy
	"$work/lbproxy" -listen "$PROXY_ONE" "http://$ADDR" 2>"$work/proxy-one.log" &
	pids+=($!)
	"$work/lbproxy" -listen "$PROXY_BOTH" "http://$ADDR" "http://$ADDR_B" 2>"$work/proxy-both.log" &
	pids+=($!)
	waitup "$PROXY_ONE" "$work/proxy-one.log"
	waitup "$PROXY_BOTH" "$work/proxy-both.log"
	ADDR=$PROXY_BOTH # sign in and aim through the load balancer
fi

# Sign in through the form, as a browser does.
jar="$work/cookies"
token=$(curl -fs -c "$jar" -b "$jar" "http://$ADDR/login" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=admin" --data-urlencode "password=$pw" \
	--data-urlencode "csrf=$token" "http://$ADDR/login"
session=$(awk '$6 == "corridor_session" {print $7}' "$jar")
[ -n "$session" ] || { echo "loadtest: could not sign in"; exit 1; }

# Targets in vegeta's HTTP format, each with the session cookie.
target() { printf 'GET http://%s%s\nCookie: corridor_session=%s\n\n' "$ADDR" "$1" "$session"; }
for p in / /platforms /projects /network /carriers /map /index; do target "$p"; done >"$work/pages.txt"

metrics=(platforms_cum platforms_new projects_cum projects_new funding_fiscal funding_total contracts_value agreements_new experts talents events carriers_total)
districts=("" 370302 370303 370304 370305 370306 370321 370322 370323 370300)
api_targets() { # a fresh random mix aimed at $ADDR
	for i in $(seq 1 4000); do
		m=${metrics[RANDOM % ${#metrics[@]}]}
		d=${districts[RANDOM % ${#districts[@]}]}
		from=$((2017 + RANDOM % 6))
		to=$((from + 2 + RANDOM % 4))
		f="from=$from&to=$to${d:+&district=$d}"
		case $((i % 7)) in
		0 | 1) target "/api/v1/series?metric=$m&$f&grain=$([ $((RANDOM % 3)) = 0 ] && echo quarter || echo year)" ;;
		2) case $m in # partners are a dimension of platforms and projects only
			platforms_* | projects_*) by=$([ $((RANDOM % 2)) = 0 ] && echo partner || echo district) ;;
			*) by=district ;;
			esac
			target "/api/v1/breakdown?metric=$m&by=$by&$f" ;;
		3) target "/api/v1/overview?$f" ;;
		4) target "/api/v1/network?$f" ;;
		5) target "/api/v1/flows?$f" ;;
		6) target "/api/v1/index?$f" ;;
		esac
	done
}
api_targets >"$work/api.txt"

run() {
	local name=$1 file=$2
	"$work/vegeta" attack -targets "$file" -rate 0 -max-workers "$WORKERS" -workers "$WORKERS" -duration "${SECONDS_EACH}s" -timeout 10s \
		>"$work/$name.bin"
	"$work/vegeta" report -type json <"$work/$name.bin" >"$work/$name.json"
	python3 - "$name" "$work/$name.json" <<'PY'
import json, sys
name, path = sys.argv[1], sys.argv[2]
r = json.load(open(path))
lat = r["latencies"]
ms = lambda ns: ns / 1e6
codes = r.get("status_codes", {})
# 422 is a documented answer (an index that cannot be anchored under a
# district filter), not a failure.
errors = r["requests"] - codes.get("200", 0) - codes.get("422", 0)
print(f"{name:8s} {r['throughput']:8.1f} req/s  p50 {ms(lat['50th']):6.1f} ms  p95 {ms(lat['95th']):6.1f} ms  "
      f"p99 {ms(lat['99th']):6.1f} ms  max {ms(lat['max']):7.1f} ms  requests {r['requests']}  errors {errors}"
      + (f"  codes {r['status_codes']}" if errors else ""))
PY
}
echo "loadtest: $WORKERS connections, ${SECONDS_EACH} s each, demo data, $(nproc) cores, $REPLICAS server(s)"
if [ "$REPLICAS" = 2 ]; then
	sed "s#http://$PROXY_BOTH#http://$PROXY_ONE#" "$work/pages.txt" >"$work/pages-one.txt"
	# Another random mix for the one-server run, so that neither run finds
	# the other's answers in a server's result cache.
	ADDR=$PROXY_ONE api_targets >"$work/api-one.txt"
	[ -n "${API_ONLY:-}" ] || { run pages-1 "$work/pages-one.txt"; run pages-2 "$work/pages.txt"; }
	run api-1 "$work/api-one.txt"
	cp "$work/api-1.json" "$work/api.json"
	run api-2 "$work/api.txt"
	python3 - "$work"/api-1.json "$work"/api-2.json <<'PY'
import json, sys
one, two = (json.load(open(p))["throughput"] for p in sys.argv[1:3])
print(f"replicas: varied API {one:.0f} req/s with one server behind the proxy, {two:.0f} req/s with two ({two / one:.2f}x)")
PY
	cp "$work/api-2.json" "$work/api.json"
else
	[ -n "${API_ONLY:-}" ] || run pages "$work/pages.txt"
	run api "$work/api.txt"
fi
python3 - "$work/api.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
p99 = r["latencies"]["99th"] / 1e6
codes = r.get("status_codes", {})
errors = r["requests"] - codes.get("200", 0) - codes.get("422", 0)
ok = p99 <= 250 and errors == 0
print(f"goal (varied API: p99 <= 250 ms, 0 errors): {'met' if ok else 'NOT met'} (p99 {p99:.0f} ms, errors {errors})")
PY
