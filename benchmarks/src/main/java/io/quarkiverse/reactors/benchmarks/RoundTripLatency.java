package io.quarkiverse.reactors.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import io.quarkiverse.reactors.IdleStrategy;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorGroup;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;

/**
 * B2 in JMH forks: round trips from reactor 0 to reactor 1 and back with {@code call} (the reply completes on
 * reactor 0), one at a time, {@link #CHUNK} per invocation. JMH's score is the mean round trip; the percentiles
 * come from every round trip timed on reactor 0 during the measured iterations, in a {@link RoundTripHistogram}
 * that each fork writes to {@code -Dbench.b2.dir} when it ends. Baseline: a
 * {@code runOnContext} ping-pong between contexts on the two event loops of a plain Vert.x.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(RoundTripLatency.CHUNK)
public class RoundTripLatency {

    static final int CHUNK = 10_000;

    /** The reactors' idle strategy (the baseline runs without reactors, once, under the first value). */
    @Param({ "PARK", "SPIN" })
    public String idle;

    Vertx vertx;
    ReactorGroup group;
    Reactor from;
    Reactor to;
    ContextInternal fromContext;
    ContextInternal toContext;
    String label;

    /** Written on the timing thread (reactor 0 or loop 0) only; read here after a chunk completed. */
    final RoundTripHistogram histogram = new RoundTripHistogram();

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        vertx = Fixtures.vertx(2);
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        label = method + "-" + idle;
        if (method.equals("reactorCall")) {
            // only where measured: spinning reactors would share the baseline's event loops
            group = Fixtures.reactors(vertx, 2, IdleStrategy.valueOf(idle));
            from = group.reactor(0);
            to = group.reactor(1);
        }
        VertxInternal vx = (VertxInternal) vertx;
        var loops = new java.util.ArrayList<io.netty.channel.EventLoop>();
        vx.getEventLoopGroup().forEach(e -> loops.add((io.netty.channel.EventLoop) e));
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        fromContext = vx.createEventLoopContext(loops.get(0), null, tccl);
        toContext = vx.createEventLoopContext(loops.get(1), null, tccl);
    }

    @Setup(Level.Iteration)
    public void iteration(IterationParams params) {
        histogram.measuring = params.getType() == IterationType.MEASUREMENT;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Fixtures.close(group, vertx);
        histogram.writeForkFile(label);
    }

    @Benchmark
    public void reactorCall() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        from.send(new Runnable() {
            long start;
            int count;

            @Override
            public void run() {
                start = System.nanoTime();
                to.call(RoundTripLatency::pong).subscribe().with(v -> {
                    histogram.record(System.nanoTime() - start);
                    if (++count < CHUNK) {
                        run();
                    } else {
                        done.complete(null);
                    }
                });
            }
        });
        done.join();
    }

    @Benchmark
    public void vertxRunOnContext() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ContextInternal back = fromContext;
        fromContext.runOnContext(new Handler<Void>() {
            long start;
            int count;

            @Override
            public void handle(Void ignored) {
                start = System.nanoTime();
                toContext.runOnContext(v -> back.runOnContext(w -> {
                    histogram.record(System.nanoTime() - start);
                    if (++count < CHUNK) {
                        handle(null);
                    } else {
                        done.complete(null);
                    }
                }));
            }
        });
        done.join();
    }

    private static Long pong() {
        return 1L;
    }
}
