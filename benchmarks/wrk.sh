#!/usr/bin/env bash
# B6: the demo's REST services under wrk on loopback, in one run, each with the same load generator: one wrk
# process per reactor (-t1, connections split evenly), 10 000 keys chosen at random per request.
#   increments: /store on reactors, round-robin connections (half the requests hop to the key's owner and back);
#               /store shard-aware (wrk i sends only keys that reactor i owns to shard port base+i: zero hop);
#               /chm, the same endpoint on one ConcurrentHashMap, round-robin.
#   leaderboards (a per-key top-16 that a shared version must lock): /top on its owner, shard-aware and
#               round-robin; /top-locked (ConcurrentHashMap, a lock per key); /top-global (one lock).
# req/s is the sum over the wrk processes; p99 the highest of their p99s. B6_ROUNDS rounds (default 3) run every
# configuration in turn after a warm-up of all; the JSON results are each configuration's median round.
# Usage: bash benchmarks/wrk.sh <out.json>   (after packaging integration-tests; installs wrk from Debian if missing)
# B6_JAVA_OPTS adds JVM options to the application, e.g. on epoll (built with -Pepoll):
#   B6_JAVA_OPTS="-Dquarkus.vertx.prefer-native-transport=true -Dquarkus.reactors.require-transport=epoll"
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-benchmarks/results/b6.json}"
port="${B6_PORT:-8089}"
shard_base="${B6_SHARD_PORT_BASE:-8090}"
connections="${WRK_CONNECTIONS:-64}"
duration="${WRK_DURATION:-10s}"
reactors="${B6_REACTORS:-$(nproc)}"

if ! command -v wrk >/dev/null; then
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null 2>&1 || { echo "wrk is not installed and could not be installed" >&2; exit 1; }
fi

java ${B6_JAVA_OPTS:-} -Dquarkus.http.port=$port -Dquarkus.reactors.count=$reactors \
  -Dquarkus.reactors.http.shard-port-base=$shard_base \
  -jar integration-tests/target/quarkus-app/quarkus-run.jar > benchmarks/results/b6-app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf -X POST "http://127.0.0.1:$port/store/warm/increment" >/dev/null 2>&1 && break
  sleep 0.2
done
# The key map the app publishes is the one b6.lua computes: same count, same hash.
shards=$(curl -sf "http://127.0.0.1:$port/q/reactors/shards")
echo "$shards" | grep -q '"hash" : "murmur3_x86_32"' || { echo "unexpected key map: $shards" >&2; exit 1; }

# One wrk's "<requests/s> <p99 in microseconds>"
wrk_one() {
  wrk -t1 -c"$(( connections / reactors ))" -d"$3" --latency -s benchmarks/b6.lua "http://127.0.0.1:$1$2" \
    | awk '
        /Requests\/sec:/ { rps = $2 }
        /^ +99%/ { v = $2; unit = v; gsub(/[0-9.]/, "", unit); gsub(/[a-z]/, "", v);
                   if (unit == "ms") v = v * 1000; else if (unit == "s") v = v * 1000000; p99 = v }
        END { print rps, p99 }'
}

# measure <path> <kind: increment|score> <mode: main|shard> <duration> -> "<sum req/s> <max p99 us>"
measure() ( # a subshell, so that `wait` waits for its wrk processes only
  local path=$1 kind=$2 mode=$3 seconds=$4 dir
  dir=$(mktemp -d)
  for i in $(seq 0 $(( reactors - 1 ))); do
    if [ "$mode" = shard ]; then
      B6_KIND=$kind B6_SHARD=$i B6_COUNT=$reactors wrk_one $(( shard_base + i )) "$path" "$seconds" > "$dir/$i" &
    else
      B6_KIND=$kind wrk_one "$port" "$path" "$seconds" > "$dir/$i" &
    fi
  done
  wait
  awk '{ rps += $1; if ($2 > p99) p99 = $2 } END { printf "%.2f %d\n", rps, p99 }' "$dir"/*
  rm -rf "$dir"
)

configs=(
  "hop /store/ increment main"
  "zero /store/ increment shard"
  "chm /chm/ increment main"
  "top_zero /top/ score shard"
  "top_hop /top/ score main"
  "top_locked /top-locked/ score main"
  "top_global /top-global/ score main"
)
rounds="${B6_ROUNDS:-3}"
runs=$(mktemp -d)
for config in "${configs[@]}"; do # warm-up: every endpoint, every path, before any measured run
  read -r _ path kind mode <<< "$config"
  measure "$path" "$kind" "$mode" 5s >/dev/null
done
# Rounds interleave the configurations, so a slow spell of the shared machine hits all of them alike.
for round in $(seq 1 "$rounds"); do
  for config in "${configs[@]}"; do
    read -r cname path kind mode <<< "$config"
    measure "$path" "$kind" "$mode" "$duration" | tee -a "$runs/$cname" | sed "s/^/round $round $cname: /" >&2
  done
done
# The median run of each configuration, by req/s (its p99 is that run's).
for config in "${configs[@]}"; do
  read -r cname _ <<< "$config"
  read -r rps p99 < <(sort -n "$runs/$cname" | sed -n "$(( (rounds + 1) / 2 ))p")
  printf '%-12s median of %d: %10s req/s  p99 %6s us  (runs: %s)\n' "$cname" "$rounds" "$rps" "$p99" \
    "$(cut -d' ' -f1 "$runs/$cname" | paste -sd/)" >&2
  eval "${cname}_rps=$rps; ${cname}_p99=$p99"
done
rm -rf "$runs"

name="wrk, $reactors x (-t1 -c$(( connections / reactors ))) -d$duration, 10 000 keys, median of $rounds"
cat > "$out" <<JSON
[
{"id":"B6","name":"REST increments, shard-aware (zero hop), $name","unit":"req/s","higherIsBetter":true,"ours":$zero_rps,"oursError":0,"baselineName":"same REST on ConcurrentHashMap","baseline":$chm_rps,"baselineError":0},
{"id":"B6","name":"REST increments p99, shard-aware (zero hop)","unit":"us","higherIsBetter":false,"ours":$zero_p99,"oursError":0,"baselineName":"same REST on ConcurrentHashMap","baseline":$chm_p99,"baselineError":0},
{"id":"B6","name":"REST increments, round-robin + hop, $name","unit":"req/s","higherIsBetter":true,"ours":$hop_rps,"oursError":0,"baselineName":"same REST on ConcurrentHashMap","baseline":$chm_rps,"baselineError":0},
{"id":"B6","name":"REST increments p99, round-robin + hop","unit":"us","higherIsBetter":false,"ours":$hop_p99,"oursError":0,"baselineName":"same REST on ConcurrentHashMap","baseline":$chm_p99,"baselineError":0},
{"id":"B6","name":"REST per-key top-16, shard-aware on the owner, $name","unit":"req/s","higherIsBetter":true,"ours":$top_zero_rps,"oursError":0,"baselineName":"ConcurrentHashMap, a lock per key","baseline":$top_locked_rps,"baselineError":0},
{"id":"B6","name":"REST per-key top-16, shard-aware on the owner, $name","unit":"req/s","higherIsBetter":true,"ours":$top_zero_rps,"oursError":0,"baselineName":"HashMap behind one lock","baseline":$top_global_rps,"baselineError":0},
{"id":"B6","name":"REST per-key top-16 p99, shard-aware on the owner","unit":"us","higherIsBetter":false,"ours":$top_zero_p99,"oursError":0,"baselineName":"ConcurrentHashMap, a lock per key","baseline":$top_locked_p99,"baselineError":0},
{"id":"B6","name":"REST per-key top-16, round-robin + hop, $name","unit":"req/s","higherIsBetter":true,"ours":$top_hop_rps,"oursError":0,"baselineName":"ConcurrentHashMap, a lock per key","baseline":$top_locked_rps,"baselineError":0},
{"id":"B6","name":"REST per-key top-16 p99, shard-aware on the owner","unit":"us","higherIsBetter":false,"ours":$top_zero_p99,"oursError":0,"baselineName":"HashMap behind one lock","baseline":$top_global_p99,"baselineError":0}
]
JSON
