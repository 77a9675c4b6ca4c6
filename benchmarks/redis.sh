#!/usr/bin/env bash
# B9: the Redis demo (redis-demo/, cluster mode: one node per reactor, zero hops) versus Debian's redis-server
# (one process, no persistence), both driven by redis-benchmark in one run with the same settings:
# SET/GET/INCR, 50 clients, random keys (-r), without pipelining and with -P 16. Prints req/s, p50, p99 and
# the ratio, plus the CPU model; writes JSON results for the benchmark table.
# Usage: bash benchmarks/redis.sh [out.json]   (after building redis-demo, e.g. by benchmarks/run.sh)
#   B9_REQUESTS=200000 (per test, unpipelined; -P 16 runs 5x as many)   B9_PORT=16379 (first of 2+N ports)
# Installs redis-server and redis-tools from Debian if they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-benchmarks/results/b9.json}"
requests="${B9_REQUESTS:-200000}"
clients=50
keyspace=100000
port="${B9_PORT:-16379}"          # redis-server
demo_plain=$((port + 1))          # the demo's plain port (not measured)
demo_base=$((port + 2))           # the demo's cluster ports: one per reactor
jar=redis-demo/target/quarkus-app/quarkus-run.jar

if ! command -v redis-benchmark >/dev/null || ! command -v redis-server >/dev/null; then
  (apt-get update -qq && apt-get install -y -qq redis-tools redis-server) >/dev/null 2>&1 \
    || { echo "redis-server/redis-benchmark are not installed and could not be installed (apt-get install redis-tools redis-server)" >&2; exit 1; }
fi
[ -f "$jar" ] || { echo "$jar is missing: build it first (mvn -B -ntp package -DskipTests -pl runtime,deployment,redis-demo)" >&2; exit 1; }
mkdir -p "$(dirname "$out")"

redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no > benchmarks/results/b9-redis-server.log 2>&1 &
server=$!
java -Dredis.port="$demo_plain" -Dredis.cluster-port-base="$demo_base" -jar "$jar" > benchmarks/results/b9-demo.log 2>&1 &
demo=$!
trap 'kill $server $demo 2>/dev/null; wait $server $demo 2>/dev/null || true' EXIT
for p in "$port" "$demo_base"; do
  for _ in $(seq 1 100); do
    [ "$(redis-cli -p "$p" ping 2>/dev/null)" = PONG ] && break
    sleep 0.2
  done
  [ "$(redis-cli -p "$p" ping 2>/dev/null)" = PONG ] || { echo "nothing answers on port $p" >&2; exit 1; }
done

# "<TEST> <rps> <p50 ms> <p99 ms>" per test, from redis-benchmark's CSV
bench() {
  local pipeline=$1 n=$2; shift 2
  redis-benchmark "$@" -t set,get,incr -c "$clients" -r "$keyspace" -n "$n" -P "$pipeline" --csv 2>/dev/null \
    | awk -F'"' '$2 != "test" && NF > 10 { print $2, $4, $10, $14 }'
}

# JIT warm-up of the demo, not reported
bench 16 "$((requests * 2))" --cluster -p "$demo_base" >/dev/null
bench 1 "$((requests / 4))" --cluster -p "$demo_base" >/dev/null

cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)
reactors=$(redis-cli -p "$demo_base" cluster info | tr -d '\r' | sed -n 's/^cluster_known_nodes://p')
echo "B9 on $cpu ($(nproc) CPUs), demo with $reactors reactors; $(redis-server --version | cut -d' ' -f1-3)"
printf '%-5s %-3s | %12s %8s %8s | %12s %8s %8s | %6s\n' test -P "redis req/s" "p50 ms" "p99 ms" "demo req/s" "p50 ms" "p99 ms" ratio
json=()
for pipeline in 1 16; do
  n=$requests
  [ "$pipeline" = 1 ] || n=$((requests * 5))
  mapfile -t base < <(bench "$pipeline" "$n" -p "$port")
  mapfile -t ours < <(bench "$pipeline" "$n" --cluster -p "$demo_base")
  for i in 0 1 2; do
    read -r test b_rps b_p50 b_p99 <<< "${base[$i]}"
    read -r _ o_rps o_p50 o_p99 <<< "${ours[$i]}"
    ratio=$(awk -v o="$o_rps" -v b="$b_rps" 'BEGIN { printf "%.2f", o / b }')
    printf '%-5s %-3s | %12s %8s %8s | %12s %8s %8s | %6s\n' "$test" "$pipeline" "$b_rps" "$b_p50" "$b_p99" "$o_rps" "$o_p50" "$o_p99" "$ratio"
    p99_us_o=$(awk -v v="$o_p99" 'BEGIN { printf "%d", v * 1000 }')
    p99_us_b=$(awk -v v="$b_p99" 'BEGIN { printf "%d", v * 1000 }')
    json+=("{\"id\":\"B9\",\"name\":\"redis-benchmark $test -c$clients -r$keyspace -P$pipeline\",\"unit\":\"req/s\",\"higherIsBetter\":true,\"ours\":$o_rps,\"oursError\":0,\"baselineName\":\"redis-server (one process)\",\"baseline\":$b_rps,\"baselineError\":0}")
    json+=("{\"id\":\"B9\",\"name\":\"redis-benchmark $test p99 -c$clients -P$pipeline\",\"unit\":\"us\",\"higherIsBetter\":false,\"ours\":$p99_us_o,\"oursError\":0,\"baselineName\":\"redis-server (one process)\",\"baseline\":$p99_us_b,\"baselineError\":0}")
  done
done
{
  echo "["
  (IFS=$'\n'; echo "${json[*]}") | sed '$!s/$/,/'
  echo "]"
} > "$out"
echo "Results: $out"
