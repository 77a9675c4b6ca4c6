package io.quarkiverse.reactors.test.lifecycle;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A Vert.x event-loop pool smaller than the reactor count fails startup, naming both settings. */
public class EventLoopPoolTooSmallTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideRuntimeConfigKey("quarkus.reactors.count", "4")
            .overrideRuntimeConfigKey("quarkus.vertx.event-loops-pool-size", "2")
            .assertException(e -> {
                Throwable cause = e;
                while (cause != null && !(cause instanceof IllegalStateException)) {
                    cause = cause.getCause();
                }
                assertTrue(cause != null, "expected an IllegalStateException, got " + e);
                String message = cause.getMessage();
                assertTrue(message.contains("quarkus.reactors.count is 4"), message);
                assertTrue(message.contains("quarkus.vertx.event-loops-pool-size=2"), message);
            });

    @Test
    void startupFails() {
        fail("the application must not start");
    }
}
