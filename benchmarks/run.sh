#!/usr/bin/env bash
# Runs every benchmark beside its baseline and prints one table (about 10 minutes on 2 cores).
# Raw results: benchmarks/results/results.json; chart: docs/modules/ROOT/assets/images/benchmarks.svg.
# BENCH_QUICK=true makes a short smoke run whose figures are not meant to be quoted.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q install -DskipTests
./mvnw -B -ntp -q -Pbenchmarks package -DskipTests -pl benchmarks
mkdir -p benchmarks/results
if [ "${BENCH_QUICK:-false}" = true ]; then export WRK_DURATION=3s; fi
bash benchmarks/wrk.sh benchmarks/results/b6.json
java --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -Dbench.quick="${BENCH_QUICK:-false}" \
  -cp "benchmarks/target/classes:benchmarks/target/lib/*" io.quarkiverse.reactors.benchmarks.Bench \
  benchmarks/results/results.json docs/modules/ROOT/assets/images/benchmarks.svg benchmarks/results/b6.json \
  docs/modules/ROOT/pages/includes/benchmark-results.adoc \
  | tee benchmarks/results/table.txt
