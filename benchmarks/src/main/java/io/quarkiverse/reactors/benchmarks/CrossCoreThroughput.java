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

    /** Counted on the receiving loop only. */
    int received;
    volatile CountDownLatch done;

    final Runnable event = this::receive;
    final Handler<Void> runOnContextTask = v -> receive();
    final Runnable sendBatch = () -> {
        for (int i = 0; i < BATCH; i++) {
            receiver.send(event);
        }
    };
    final Runnable runOnContextBatch = () -> {
        for (int i = 0; i < BATCH; i++) {
            receiverContext.runOnContext(runOnContextTask);
        }
    };
    final Runnable eventBusBatch = () -> {
        for (int i = 0; i < BATCH; i++) {
            eventBus.send(ADDRESS, "e");
        }
    };

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        vertx = Fixtures.vertx(2);
        reactors = Fixtures.reactors(vertx, 2, IdleStrategy.PARK);
        sender = reactors.reactor(0);
        receiver = reactors.reactor(1);
        receiverContext = receiver.context();
        eventBus = vertx.eventBus();
        CountDownLatch registered = new CountDownLatch(1);
        receiverContext.runOnContext(v -> eventBus.<String> localConsumer(ADDRESS, message -> receive())
                .completionHandler(r -> registered.countDown()));
        registered.await(10, TimeUnit.SECONDS);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Fixtures.close(reactors, vertx);
    }

    private void receive() {
        if (++received == BATCH) {
            received = 0;
            done.countDown();
        }
    }

    private void runBatch(Runnable batch) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        done = latch;
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
