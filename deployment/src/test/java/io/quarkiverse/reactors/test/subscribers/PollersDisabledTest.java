package io.quarkiverse.reactors.test.subscribers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Poller;
import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/** quarkus.reactors.pollers.enabled=false turns every @Poller method off; pollers registered in code still run. */
public class PollersDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2, Ingest.class)
            .overrideRuntimeConfigKey("quarkus.reactors.pollers.enabled", "false");

    @Singleton
    public static class Ingest {
        final AtomicInteger polled = new AtomicInteger();

        @Poller(every = "0", name = "ingest")
        int poll() {
            polled.incrementAndGet();
            return 0;
        }
    }

    @Inject
    Reactors reactors;

    @Inject
    Ingest ingest;

    @Test
    void noPollerMethodRuns() {
        assertTrue(reactors.pollers("ingest").isEmpty(), "the @Poller method is not registered");
        AtomicInteger manual = new AtomicInteger();
        PollerHandle handle = reactors.reactor(1).poller("manual", manual::incrementAndGet, Duration.ZERO);
        Await.until(() -> manual.get() > 10);
        handle.cancel();
        assertEquals(0, ingest.polled.get());
    }
}
