package io.quarkiverse.reactors.test;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.ReactorStats;
import io.quarkus.test.QuarkusUnitTest;

/** Waits, from the test thread, for results produced on reactors. */
public final class Await {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Await() {
    }

    public static <T> T result(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError("expected a result, got " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("no result within " + TIMEOUT, e);
        }
    }

    public static Throwable failure(CompletionStage<?> stage) {
        try {
            Object value = stage.toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("expected a failure, got " + value);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("no outcome within " + TIMEOUT, e);
        }
    }

    /** A test application with {@code count} reactors and this helper in it; add classes and config as needed. */
    public static QuarkusUnitTest app(int count, Class<?>... classes) {
        return new QuarkusUnitTest()
                .withApplicationRoot(jar -> jar.addClass(Await.class).addClasses(classes))
                .overrideRuntimeConfigKey("quarkus.reactors.count", String.valueOf(count));
    }

    /** Waits until {@code condition} holds. */
    public static void until(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + TIMEOUT);
            }
            sleep(1);
        }
    }

    /** Runs {@code value} on the reactor, after everything this thread sent there before, and returns it. */
    public static <T> T onReactor(Reactor reactor, java.util.function.Supplier<T> value) {
        return result(reactor.callAsync(value));
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits until the reactor's queue is empty and its counters account for every accepted event. */
    public static ReactorStats quiet(Reactor reactor) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        ReactorStats stats = reactor.stats();
        while ((stats.queueDepth() > 0 || stats.accepted() != stats.executed() + stats.failed())
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            stats = reactor.stats();
        }
        return stats;
    }
}
