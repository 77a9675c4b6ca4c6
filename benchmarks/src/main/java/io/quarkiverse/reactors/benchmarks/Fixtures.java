package io.quarkiverse.reactors.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.quarkiverse.reactors.IdleStrategy;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorGroup;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorSettings;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/** Vert.x instances and reactor groups as the extension sets them up, without booting Quarkus. */
final class Fixtures {

    private Fixtures() {
    }

    static Vertx vertx(int eventLoops) {
        return vertx(eventLoops, false);
    }

    /** @param nativeTransport use epoll (on the benchmark classpath); fails when it is not available */
    static Vertx vertx(int eventLoops, boolean nativeTransport) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops)
                .setPreferNativeTransport(nativeTransport)
                // a spinning reactor is not blocked: keep the checker quiet during long benchmark runs
                .setMaxEventLoopExecuteTime(10).setMaxEventLoopExecuteTimeUnit(TimeUnit.SECONDS));
        if (nativeTransport && !vertx.isNativeTransportEnabled()) {
            vertx.close();
            throw new IllegalStateException("No native transport: " + vertx.unavailableNativeTransportCause());
        }
        return vertx;
    }

    static ReactorGroup reactors(Vertx vertx, int count, IdleStrategy idle) {
        return ReactorGroup.start(vertx, count, ReactorSettings.defaults().withIdleStrategy(idle));
    }

    static void close(ReactorGroup reactors, Vertx vertx) {
        if (reactors != null) {
            reactors.stop(Duration.ofSeconds(5));
        }
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
