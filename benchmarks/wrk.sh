#!/usr/bin/env bash
# B6: the demo's REST store on reactors (/store) versus the same endpoint over one ConcurrentHashMap
# (/chm), driven by wrk on loopback with the same threads, connections and duration. Writes JSON results.
# Usage: bash benchmarks/wrk.sh <out.json>   (after `./mvnw install`; installs wrk from Debian if missing)
# B6_JAVA_OPTS adds JVM options to the application, e.g. on epoll (built with -Pepoll):
#   B6_JAVA_OPTS="-Dquarkus.vertx.prefer-native-transport=true -Dquarkus.reactors.require-transport=epoll"
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-benchmarks/results/b6.json}"
port=8089
threads="${WRK_THREADS:-2}"
connections="${WRK_CONNECTIONS:-64}"
duration="${WRK_DURATION:-10s}"

if ! command -v wrk >/dev/null; then
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null 2>&1 || { echo "wrk is not installed and could not be installed" >&2; exit 1; }
fi

java ${B6_JAVA_OPTS:-} -Dquarkus.http.port=$port -jar integration-tests/target/quarkus-app/quarkus-run.jar > benchmarks/results/b6-app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf -X POST "http://127.0.0.1:$port/store/warm/increment" >/dev/null 2>&1 && break
  sleep 0.2
done

# "<requests/s> <p99 in microseconds>"
measure() {
  local path=$1 seconds=$2
  wrk -t"$threads" -c"$connections" -d"$seconds" --latency -s benchmarks/post.lua "http://127.0.0.1:$port$path" \
    | awk '
        /Requests\/sec:/ { rps = $2 }
        /^ +99%/ { v = $2; unit = v; gsub(/[0-9.]/, "", unit); gsub(/[a-z]/, "", v);
                   if (unit == "ms") v = v * 1000; else if (unit == "s") v = v * 1000000; p99 = v }
        END { print rps, p99 }'
}

measure /store/ 5s >/dev/null   # warm-up, both
measure /chm/ 5s >/dev/null
read -r ours_rps ours_p99 < <(measure /store/ "$duration")
read -r chm_rps chm_p99 < <(measure /chm/ "$duration")
echo "B6 /store (reactors): $ours_rps req/s, p99 $ours_p99 us; /chm (ConcurrentHashMap): $chm_rps req/s, p99 $chm_p99 us"

cat > "$out" <<JSON
[
{"id":"B6","name":"REST increments, wrk -t$threads -c$connections -d$duration","unit":"req/s","higherIsBetter":true,"ours":$ours_rps,"oursError":0,"baselineName":"same REST on ConcurrentHashMap","baseline":$chm_rps,"baselineError":0},
{"id":"B6","name":"REST increments p99, wrk -t$threads -c$connections","unit":"us","higherIsBetter":false,"ours":$ours_p99,"oursError":0,"baselineName":"same REST on ConcurrentHashMap","baseline":$chm_p99,"baselineError":0}
]
JSON
