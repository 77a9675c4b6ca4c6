package io.quarkiverse.reactors.benchmarks;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.quarkiverse.reactors.IdleStrategy;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.TimerHandle;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorGroup;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * B4: cost of scheduling then cancelling one timer, on the owning thread, with {@code live} other timers
 * armed (an hour away). Ours: {@code Reactor.timer} + {@code TimerHandle.cancel} on the reactor. Baseline:
 * {@code vertx.setTimer} + {@code vertx.cancelTimer} on an event-loop context of a plain Vert.x.
 */
final class TimerCost {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Runnable NOTHING = () -> {
    };

    private TimerCost() {
    }

    static double reactorNanosPerPair(int live, int pairs) {
        Vertx vertx = Fixtures.vertx(1);
        ReactorGroup group = Fixtures.reactors(vertx, 1, IdleStrategy.PARK);
        try {
            Reactor reactor = group.reactor(0);
            return onThread(reactor.context(), () -> {
                for (int i = 0; i < live; i++) {
                    reactor.timer(HOUR, NOTHING);
                }
                long start = System.nanoTime();
                for (int i = 0; i < pairs; i++) {
                    TimerHandle timer = reactor.timer(HOUR, NOTHING);
                    timer.cancel();
                }
                return (double) (System.nanoTime() - start) / pairs;
            });
        } finally {
            Fixtures.close(group, vertx);
        }
    }

    static double vertxNanosPerPair(int live, int pairs) {
        Vertx vertx = Fixtures.vertx(1);
        try {
            Context context = vertx.getOrCreateContext();
            return onThread(context, () -> {
                for (int i = 0; i < live; i++) {
                    vertx.setTimer(HOUR.toMillis(), id -> {
                    });
                }
                long start = System.nanoTime();
                for (int i = 0; i < pairs; i++) {
                    long id = vertx.setTimer(HOUR.toMillis(), t -> {
                    });
                    vertx.cancelTimer(id);
                }
                return (double) (System.nanoTime() - start) / pairs;
            });
        } finally {
            Fixtures.close(null, vertx);
        }
    }

    private static double onThread(Context context, java.util.function.DoubleSupplier measurement) {
        CompletableFuture<Double> result = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                result.complete(measurement.getAsDouble());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.join();
    }
}
