package io.quarkiverse.reactors.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.quarkiverse.reactors.IdleStrategy;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorGroup;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;

/**
 * B1: events per second from reactor 0 to reactor 1. Each invocation has reactor 0 send a batch of
 * events to reactor 1 and waits until reactor 1 ran the last one. The baselines send the same batch from
 * event loop 0 with {@code Context.runOnContext} to a context on loop 1, and over the local event bus to
 * a consumer on loop 1.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(CrossCoreThroughput.BATCH)
public class CrossCoreThroughput {

    static final int BATCH = 20_000;
    static final String ADDRESS = "b1";

    Vertx vertx;
    ReactorGroup reactors;
    Reactor sender;
    Reactor receiver;
    Context receiverContext;
    EventBus eventBus;

    /** The receiving side's count, on a cache line of its own (see {@link Receiving}). */
    final Receiving receiving = new Receiving();

    final Runnable event = receiving::receive;
    final Handler<Void> runOnContextTask = v -> receiving.receive();
    // The sending loops read what they send from locals: the fields of this object share cache lines with the
    // benchmark's state, and a load per event of a line another core writes would measure false sharing.
    final Runnable sendBatch = () -> {
        Reactor to = receiver;
        Runnable task = event;
        for (int i = 0; i < BATCH; i++) {
            to.send(task);
        }
    };
    final Runnable runOnContextBatch = () -> {
        Context to = receiverContext;
        Handler<Void> task = runOnContextTask;
        for (int i = 0; i < BATCH; i++) {
            to.runOnContext(task);
        }
    };
    final Runnable eventBusBatch = () -> {
        EventBus bus = eventBus;
        for (int i = 0; i < BATCH; i++) {
            bus.send(ADDRESS, "e");
        }
    };

    /**
     * What the receiving loop writes on every event, padded on both sides: the sender must not read a line that
     * the receiver writes per event, or the figure measures that line's trips between the cores.
     */
    static final class Receiving {
        long p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15;
        /** Counted on the receiving loop only. */
        int received;
        volatile CountDownLatch done;
        long q0, q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13, q14, q15;

        void receive() {
            if (++received == BATCH) {
                received = 0;
                done.countDown();
            }
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        vertx = Fixtures.vertx(2);
        reactors = Fixtures.reactors(vertx, 2, IdleStrategy.PARK);
        sender = reactors.reactor(0);
        receiver = reactors.reactor(1);
        receiverContext = receiver.context();
        eventBus = vertx.eventBus();
        CountDownLatch registered = new CountDownLatch(1);
        receiverContext.runOnContext(v -> eventBus.<String> localConsumer(ADDRESS, message -> receiving.receive())
                .completionHandler(r -> registered.countDown()));
        registered.await(10, TimeUnit.SECONDS);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Fixtures.close(reactors, vertx);
    }

    private void runBatch(Runnable batch) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        receiving.done = latch;
        sender.send(batch);
        latch.await();
    }

    @Benchmark
    public void reactorSend() throws InterruptedException {
        runBatch(sendBatch);
    }

    @Benchmark
    public void vertxRunOnContext() throws InterruptedException {
        runBatch(runOnContextBatch);
    }

    @Benchmark
    public void vertxEventBus() throws InterruptedException {
        runBatch(eventBusBatch);
    }
}
