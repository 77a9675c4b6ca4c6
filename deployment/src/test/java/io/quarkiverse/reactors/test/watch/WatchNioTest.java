package io.quarkiverse.reactors.test.watch;

import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.Vertx;

/** Watches on the NIO transport: channels join the reactors' own event-loop selectors. */
public class WatchNioTest extends WatchScenarios {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2, WatchScenarios.class, Delivery.class);

    @Inject
    Vertx vertx;

    @Test
    void runsOnNio() {
        assertFalse(vertx.isNativeTransportEnabled());
    }
}
