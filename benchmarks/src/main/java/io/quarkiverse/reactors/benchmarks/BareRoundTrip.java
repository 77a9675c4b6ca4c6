package io.quarkiverse.reactors.benchmarks;

import java.util.concurrent.TimeUnit;

import org.jctools.queues.SpscArrayQueue;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import io.quarkiverse.reactors.runtime.internal.events.SpscLane;

/**
 * B2's hardware references: a round trip between two threads that both spin, with no reactor around the queues,
 * timed and reported as {@link RoundTripLatency} does. {@link #lane()} sends through a pair of lanes, the type a
 * reactor sends through, each element published on its own and found by the receiver in its slot (one cache line per
 * hop). {@link #slotSignalled()} sends through JCTools' {@code SpscArrayQueue}, whose receiver finds an element the
 * same way: the floor of any queue hand-off between two cores of this machine. {@link RoundTripProbe} puts the lane's
 * round trip and the reactors' in one JVM, round after round.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(RoundTripLatency.CHUNK)
public class BareRoundTrip {

    private static final Object BALL = new Object();
    /**
     * As many events as a reactor may take from one lane at a time: a drain that fills its limit reads the producer's
     * index for the backlog, a second line per hop that a reactor's drain (a quota of hundreds) does not pay.
     */
    private static final int DRAIN_LIMIT = BareLane.DRAIN_LIMIT;

    final SpscLane<Object> laneThere = new SpscLane<>(1024);
    final SpscLane<Object> laneBack = new SpscLane<>(1024);
    final SpscArrayQueue<Object> queueThere = new SpscArrayQueue<>(1024);
    final SpscArrayQueue<Object> queueBack = new SpscArrayQueue<>(1024);
    final SpscLane.Sink<Object> ignore = e -> {
    };
    /** Written on the benchmark thread only (it times the round trips). */
    final RoundTripHistogram histogram = new RoundTripHistogram();
    volatile boolean running = true;
    Thread echo;
    String label;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        label = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        Runnable echoing = label.equals("lane") ? this::echoLane : this::echoQueue;
        echo = new Thread(echoing, "bare-round-trip-echo");
        echo.setDaemon(true);
        echo.start();
    }

    @Setup(Level.Iteration)
    public void iteration(IterationParams params) {
        histogram.measuring = params.getType() == IterationType.MEASUREMENT;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        running = false;
        echo.join(5_000);
        histogram.writeForkFile("bare-" + label);
    }

    private void echoLane() {
        SpscLane.Sink<Object> reply = e -> {
            laneBack.offer(e);
            laneBack.publish();
        };
        while (running) {
            if (laneThere.drain(reply, DRAIN_LIMIT) == 0) {
                Thread.onSpinWait();
            }
        }
    }

    private void echoQueue() {
        while (running) {
            Object e = queueThere.relaxedPoll();
            if (e != null) {
                queueBack.offer(e);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    @Benchmark
    public void lane() {
        SpscLane<Object> there = laneThere;
        SpscLane<Object> back = laneBack;
        SpscLane.Sink<Object> sink = ignore;
        for (int i = 0; i < RoundTripLatency.CHUNK; i++) {
            long start = System.nanoTime();
            there.offer(BALL);
            there.publish();
            while (back.drain(sink, DRAIN_LIMIT) == 0) {
                Thread.onSpinWait();
            }
            histogram.record(System.nanoTime() - start);
        }
    }

    @Benchmark
    public void slotSignalled() {
        SpscArrayQueue<Object> there = queueThere;
        SpscArrayQueue<Object> back = queueBack;
        for (int i = 0; i < RoundTripLatency.CHUNK; i++) {
            long start = System.nanoTime();
            there.offer(BALL);
            while (back.relaxedPoll() == null) {
                Thread.onSpinWait();
            }
            histogram.record(System.nanoTime() - start);
        }
    }
}
