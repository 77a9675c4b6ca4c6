package io.quarkiverse.reactors.benchmarks;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import io.quarkiverse.reactors.IdleStrategy;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorGroup;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;

/**
 * B2: round trip from reactor 0 to reactor 1 and back, with {@code call} (the reply completes on
 * reactor 0), one at a time; latencies recorded on reactor 0. Baseline: a {@code runOnContext} ping-pong
 * between contexts on two event loops of a plain Vert.x (no reactors).
 */
final class RoundTrip {

    record Percentiles(double p50Micros, double p99Micros) {
    }

    private RoundTrip() {
    }

    static Percentiles reactors(IdleStrategy idle, int warmup, int count) {
        Vertx vertx = Fixtures.vertx(2);
        ReactorGroup group = Fixtures.reactors(vertx, 2, idle);
        try {
            Reactor from = group.reactor(0);
            Reactor to = group.reactor(1);
            LatencyLog log = new LatencyLog(warmup, count);
            from.send(new Runnable() {
                long start;

                @Override
                public void run() {
                    start = System.nanoTime();
                    to.call(RoundTrip::pong).subscribe().with(v -> {
                        if (log.record(System.nanoTime() - start)) {
                            run();
                        }
                    });
                }
            });
            return log.percentiles();
        } finally {
            Fixtures.close(group, vertx);
        }
    }

    static Percentiles runOnContext(int warmup, int count) {
        Vertx vertx = Fixtures.vertx(2);
        try {
            VertxInternal vx = (VertxInternal) vertx;
            var loops = new java.util.ArrayList<io.netty.channel.EventLoop>();
            vx.getEventLoopGroup().forEach(e -> loops.add((io.netty.channel.EventLoop) e));
            ClassLoader tccl = Thread.currentThread().getContextClassLoader();
            ContextInternal from = vx.createEventLoopContext(loops.get(0), null, tccl);
            ContextInternal to = vx.createEventLoopContext(loops.get(1), null, tccl);
            LatencyLog log = new LatencyLog(warmup, count);
            from.runOnContext(new io.vertx.core.Handler<Void>() {
                long start;

                @Override
                public void handle(Void ignored) {
                    start = System.nanoTime();
                    Context back = from;
                    to.runOnContext(v -> back.runOnContext(w -> {
                        if (log.record(System.nanoTime() - start)) {
                            handle(null);
                        }
                    }));
                }
            });
            return log.percentiles();
        } finally {
            Fixtures.close(null, vertx);
        }
    }

    private static Long pong() {
        return 1L;
    }

    /** Round-trip times, recorded on one thread after {@code warmup} discarded ones; waited for by another. */
    /** Latencies after a warm-up; shared with the other round-trip benchmarks. */
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
