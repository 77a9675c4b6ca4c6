package io.quarkiverse.reactors.benchmarks;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * Percentiles of round trips timed in one JVM, for the ping-pong benchmarks outside JMH (B8). B2 runs in JMH
 * forks: {@link RoundTripLatency}.
 */
final class RoundTrip {

    record Percentiles(double p50Micros, double p99Micros) {
    }

    private RoundTrip() {
    }

    /** Round-trip times, recorded on one thread after {@code warmup} discarded ones; waited for by another. */
    static final class LatencyLog {
        private final long[] latencies;
        private final CompletableFuture<Void> finished = new CompletableFuture<>();
        private int done;

        LatencyLog(int warmup, int count) {
            this.latencies = new long[count];
            this.done = -warmup;
        }

        /** @return whether to go on */
        boolean record(long took) {
            if (done >= 0) {
                latencies[done] = took;
            }
            if (++done == latencies.length) {
                finished.complete(null);
                return false;
            }
            return true;
        }

        Percentiles percentiles() {
            finished.join();
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return new Percentiles(sorted[(int) (sorted.length * 0.50)] / 1000.0,
                    sorted[(int) (sorted.length * 0.99)] / 1000.0);
        }
    }
}
