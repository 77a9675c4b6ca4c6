package io.quarkiverse.reactors.test.watch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Interest;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.Vertx;

/**
 * Watches on the epoll transport, whose loops cannot select a JDK channel: the watch selector thread hands
 * readiness to the reactors.
 */
public class WatchEpollTest extends WatchScenarios {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2, WatchScenarios.class, Delivery.class)
            .overrideConfigKey("quarkus.vertx.prefer-native-transport", "true");

    @Inject
    Vertx vertx;

    @Test
    void runsOnEpollThroughTheWatchSelector() throws Exception {
        assertTrue(vertx.isNativeTransportEnabled(),
                "epoll is on the test classpath: " + vertx.unavailableNativeTransportCause());
        reactors.reactor(0).watch(pipe.source(), Interest.READ, (ready, handle) -> drain(pipe.source())).cancel();
        assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("reactors-watch-selector")));
    }
}
