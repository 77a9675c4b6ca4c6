package io.quarkiverse.reactors.benchmarks;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import io.quarkiverse.reactors.IdleStrategy;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.runtime.internal.events.SpscLane;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorGroup;
import io.vertx.core.Vertx;

/**
 * B2's round trip beside its floor in one JVM, round after round: the bare lane ping-pong between two spinning
 * threads, then a {@code send} ping-pong and a {@code call} round trip between two spinning reactors, each as a
 * median of {@value #ROUND_TRIPS}. On a virtual machine the floor itself moves by 3x with where the host puts the two
 * vCPUs (two threads of one host core, or two cores), for seconds at a time, so a round trip means something only
 * beside a floor measured moments before; B2 runs its floors in other JMH forks. Not part of {@link Bench}:
 * {@code java -cp ... io.quarkiverse.reactors.benchmarks.RoundTripProbe [rounds]}.
 */
public final class RoundTripProbe {

    private static final int ROUND_TRIPS = 200_000;
    private static final Object BALL = new Object();

    private RoundTripProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.println("CPU: " + Machine.lscpuModel());
        for (int round = 1; round <= rounds; round++) {
            double lane = bareLaneMicros();
            Vertx vertx = Fixtures.vertx(2);
            ReactorGroup group = Fixtures.reactors(vertx, 2, IdleStrategy.SPIN);
            double send;
            double call;
            try {
                send = reactorsMicros(group, false);
                call = reactorsMicros(group, true);
            } finally {
                Fixtures.close(group, vertx);
            }
            System.out.printf("round %d: bare lane %.2f us, send ping-pong %.2f us (%.1fx), call %.2f us (%.1fx)%n",
                    round, lane, send, send / lane, call, call / lane);
        }
        System.exit(0);
    }

    /** The lane type alone: two spinning threads, one element each way per round trip, drained as a reactor does. */
    private static double bareLaneMicros() throws InterruptedException {
        SpscLane<Object> there = new SpscLane<>(1024);
        SpscLane<Object> back = new SpscLane<>(1024);
        RunFlag running = new RunFlag();
        Thread echo = new Thread(() -> {
            SpscLane.Sink<Object> reply = e -> {
                back.offer(e);
                back.publish();
            };
            while (running.running) {
                if (there.drain(reply, BareLane.DRAIN_LIMIT) == 0) {
                    Thread.onSpinWait();
                }
            }
        }, "probe-echo");
        echo.start();
        SpscLane.Sink<Object> ignore = e -> {
        };
        long[] took = new long[ROUND_TRIPS];
        for (int i = 0; i < ROUND_TRIPS; i++) {
            long start = System.nanoTime();
            there.offer(BALL);
            there.publish();
            while (back.drain(ignore, BareLane.DRAIN_LIMIT) == 0) {
                Thread.onSpinWait();
            }
            took[i] = System.nanoTime() - start;
        }
        running.running = false;
        echo.join();
        return median(took);
    }

    /** Round trips from reactor 0 to reactor 1 and back, one at a time, timed on reactor 0. */
    private static double reactorsMicros(ReactorGroup group, boolean call) {
        Reactor from = group.reactor(0);
        Reactor to = group.reactor(1);
        long[] took = new long[ROUND_TRIPS];
        CompletableFuture<Void> done = new CompletableFuture<>();
        from.send(new Runnable() {
            final Runnable back = this::back;
            int count;
            long start;

            @Override
            public void run() {
                start = System.nanoTime();
                if (call) {
                    to.call(RoundTripProbe::pong).subscribe().with(v -> back());
                } else {
                    to.send(() -> from.send(back));
                }
            }

            private void back() {
                took[count] = System.nanoTime() - start;
                if (++count < ROUND_TRIPS) {
                    run();
                } else {
                    done.complete(null);
                }
            }
        });
        done.join();
        return median(took);
    }

    private static Long pong() {
        return 1L;
    }

    private static double median(long[] nanos) {
        Arrays.sort(nanos);
        return nanos[nanos.length / 2] / 1000.0;
    }
}
