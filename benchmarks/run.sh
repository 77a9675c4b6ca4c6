#!/usr/bin/env bash
# Runs every benchmark beside its baseline and prints one table (about 16 minutes on 2 cores; B6 alone about 5).
# Raw results: benchmarks/results/results.json; chart: docs/modules/ROOT/assets/images/benchmarks.svg.
# BENCH_QUICK=true makes a short smoke run whose figures are not meant to be quoted.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q install -DskipTests
./mvnw -B -ntp -q -Pbenchmarks package -DskipTests -pl benchmarks
mkdir -p benchmarks/results
if [ "${BENCH_QUICK:-false}" = true ]; then export WRK_DURATION=3s; fi
bash benchmarks/wrk.sh benchmarks/results/b6.json
# B9 (about 2 minutes; B9=false skips it): the Redis demo against redis-server under redis-benchmark
cp benchmarks/results/b6.json benchmarks/results/external.json
if [ "${B9:-true}" != false ]; then
  if [ "${BENCH_QUICK:-false}" = true ]; then export B9_REQUESTS=20000; fi
  bash benchmarks/redis.sh benchmarks/results/b9.json
  { sed '$d' benchmarks/results/b6.json | sed '$s/$/,/'; sed '1d' benchmarks/results/b9.json; } \
    > benchmarks/results/external.json
fi
# B10 (about 3 minutes; B10=false skips it): @Partitioned against SmallRye's ways on one Kafka broker
rm -f benchmarks/results/b10.json
if [ "${B10:-true}" != false ]; then
  ./mvnw -B -ntp -q -Pbenchmarks verify -pl benchmarks -Dtest=KafkaPartitionedBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.quick="${BENCH_QUICK:-false}" -Dbench.b10.out="$PWD/benchmarks/results/b10.json" | { grep '^B10 ' || true; }
fi
# a fixed, pre-touched heap: B4 and B5 keep a million entries, and a heap that grows and shrinks between their
# trials (a young collection copying a fresh million entries inside a one-second window) swings them by 2-5x
java -Xms4g -Xmx4g -XX:+AlwaysPreTouch --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -Dbench.quick="${BENCH_QUICK:-false}" \
  -cp "benchmarks/target/classes:benchmarks/target/lib/*" io.quarkiverse.reactors.benchmarks.Bench \
  benchmarks/results/results.json docs/modules/ROOT/assets/images/benchmarks.svg \
  benchmarks/results/external.json,benchmarks/results/b10.json \
  docs/modules/ROOT/pages/includes/benchmark-results.adoc \
  | tee benchmarks/results/table.txt
