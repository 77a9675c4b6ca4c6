package io.quarkiverse.reactors.runtime.internal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorGroup;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorSettings;
import io.quarkus.runtime.metrics.MetricsFactory;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/** Poller meters follow the poller registered last under a name, not the first one. */
class ReactorMetersTest {

    /** Keeps each meter's read function, by name and tags, as a metrics registry would. */
    static final class RecordingFactory implements MetricsFactory {
        final Map<String, Supplier<Number>> meters = new ConcurrentHashMap<>();

        @Override
        public boolean metricsSystemSupported(String name) {
            return MICROMETER.equals(name);
        }

        @Override
        public MetricBuilder builder(String name, Type type) {
            StringBuilder id = new StringBuilder(name);
            return new MetricBuilder() {
                @Override
                public MetricBuilder description(String description) {
                    return this;
                }

                @Override
                public MetricBuilder tag(String key, String value) {
                    id.append(',').append(key).append('=').append(value);
                    return this;
                }

                @Override
                public MetricBuilder unit(String unit) {
                    return this;
                }

                @Override
                public void buildCounter(Supplier<Number> supplier) {
                    meters.putIfAbsent(id.toString(), supplier);
                }

                @Override
                public <T, R extends Number> void buildCounter(T object, Function<T, R> read) {
                    meters.putIfAbsent(id.toString(), () -> read.apply(object)); // first one wins, like Micrometer
                }

                @Override
                public void buildGauge(Supplier<Number> supplier) {
                    buildCounter(supplier);
                }

                @Override
                public <T, R extends Number> void buildGauge(T object, Function<T, R> read) {
                    buildCounter(object, read);
                }

                @Override
                public TimeRecorder buildTimer() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Runnable buildTimer(Runnable task) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public <T> Callable<T> buildTimer(Callable<T> task) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public <T> Supplier<T> buildTimer(Supplier<T> task) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }

    @Test
    void aPollerRegisteredAgainUnderItsNameIsTheOneMeasured() throws Exception {
        withOneReactor((group, factory) -> {
            String runs = "reactors.poller.runs,reactor=0,poller=flush";

            PollerHandle first = group.reactor(0).poller("flush", () -> 0, Duration.ofMillis(1));
            await(() -> factory.meters.containsKey(runs) && factory.meters.get(runs).get().longValue() > 0);
            first.cancel();
            group.reactor(0).callAsync(() -> null).toCompletableFuture().join(); // the cancel has run
            long frozen = first.stats().runs();

            PollerHandle second = group.reactor(0).poller("flush", () -> 0, Duration.ofMillis(1));
            // past the first poller's final count: only the second one can have taken the meter there
            await(() -> factory.meters.get(runs).get().longValue() > frozen);
            second.cancel();
            group.reactor(0).callAsync(() -> null).toCompletableFuture().join();
            assertEquals(second.stats().runs(), factory.meters.get(runs).get().longValue());
        });
    }

    @Test
    void aThrowingTimerCountsInTheCallbackFailuresMeter() throws Exception {
        withOneReactor((group, factory) -> {
            String failures = "reactors.callback.failures,reactor=0";
            assertEquals(0L, factory.meters.get(failures).get().longValue());
            group.reactor(0).timer(Duration.ofMillis(1), () -> {
                throw new IllegalStateException("timer bug");
            });
            await(() -> factory.meters.get(failures).get().longValue() == 1);
            assertEquals(1L, group.reactor(0).stats().callbackFailures());
        });
    }

    interface MeteredGroup {
        void accept(ReactorGroup group, RecordingFactory factory) throws Exception;
    }

    /** One reactor on its own Vert.x, with its meters registered in a {@link RecordingFactory}. */
    private static void withOneReactor(MeteredGroup test) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        ReactorGroup group = ReactorGroup.start(vertx, 1, ReactorSettings.defaults());
        ReactorWatchdog watchdog = new ReactorWatchdog(group, 0, Duration.ofSeconds(2).toNanos(), () -> true).start();
        try {
            RecordingFactory factory = new RecordingFactory();
            ReactorMeters.register(factory, group, watchdog);
            test.accept(group, factory);
        } finally {
            watchdog.stop();
            group.stop(Duration.ofSeconds(5));
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
