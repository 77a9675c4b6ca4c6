package io.quarkiverse.reactors.benchmarks;

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

import io.quarkiverse.reactors.runtime.internal.events.SpscLane;

/**
 * B1's hardware reference: the lane type alone, no reactor around it. The benchmark thread is the producer: it
 * offers {@link CrossCoreThroughput#BATCH} events, publishing every {@link #PUBLISH_EVERY}, and waits until a
 * consumer thread that drains without ever sleeping (it spins, then yields) ran them all. The events are the same kind of
 * {@code Runnable}
 * that B1 sends, so the figure is what a reactor could reach if the loop around the lane cost nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(CrossCoreThroughput.BATCH)
public class BareLane {

    /** As many events as a reactor publishes at once when a sender fills a lane's batch. */
    static final int PUBLISH_EVERY = 1024;
    /** As many events as a reactor takes from one lane at a time. */
    static final int DRAIN_LIMIT = 256;

    /** As large as a reactor's lane at the default {@code queue-capacity}, so that a batch never waits for room. */
    final SpscLane<Runnable> lane = new SpscLane<>(65_536);
    /** The consumer's count, on cache lines of its own (as B1's receiving side): written per event. */
    final Counter ran = new Counter();
    volatile boolean running = true;
    final Runnable event = ran::increment;
    Thread consumer;

    @Setup(Level.Trial)
    public void setUp() {
        SpscLane.Sink<Runnable> run = Runnable::run;
        consumer = new Thread(() -> {
            int idle = 0;
            while (running) {
                if (lane.drain(run, DRAIN_LIMIT) == 0) {
                    idle = backOff(idle);
                } else {
                    idle = 0;
                }
            }
        }, "bare-lane-consumer");
        consumer.setDaemon(true);
        consumer.start();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        running = false;
        consumer.join(5_000);
    }

    @Benchmark
    public void lane() {
        // locals, as B1's sending loop: no load per event of a line the consumer writes
        SpscLane<Runnable> lane = this.lane;
        Runnable event = this.event;
        long target = ran.read() + CrossCoreThroughput.BATCH;
        for (int i = 0; i < CrossCoreThroughput.BATCH; i++) {
            int idle = 0;
            while (!lane.offer(event)) {
                lane.publish();
                idle = backOff(idle);
            }
            if (lane.unpublished() == PUBLISH_EVERY) {
                lane.publish();
            }
        }
        lane.publish();
        int idle = 0;
        while (ran.read() < target) {
            idle = backOff(idle);
        }
    }

    /**
     * Spins a while, then yields: on a quiet machine both threads have a core and never yield; on a loaded one the
     * thread that waits lets the other one run instead of burning the time slice it needs.
     */
    private static int backOff(int idle) {
        if (idle < 100) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
        return idle + 1;
    }
}
