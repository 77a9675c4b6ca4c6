package io.quarkiverse.reactors.test.operations;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Healthy reactors never trigger the watchdog at the default {@code max-run-time} (100 ms): a spinning reactor
 * with a busy poller, and a stream of short events on the other one.
 */
public class WatchdogQuietTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2)
            .overrideRuntimeConfigKey("quarkus.reactors.idle-strategy", "spin")
            .overrideRuntimeConfigKey("quarkus.reactors.max-run-time", "100ms") // the default
            .setLogRecordPredicate(r -> "io.quarkiverse.reactors.watchdog".equals(r.getLoggerName()))
            .assertLogRecords(records -> assertTrue(records.isEmpty(), "watchdog warnings: " + records));

    @Inject
    Reactors reactors;

    @Test
    void spinningAndBusyReactorsAreNotReported() {
        Reactor spinning = reactors.reactor(0);
        Reactor busy = reactors.reactor(1);
        AtomicLong polled = new AtomicLong();
        PollerHandle poller = spinning.poller("always-busy", () -> {
            polled.incrementAndGet();
            return 1;
        }, Duration.ZERO);
        try {
            long until = System.nanoTime() + Duration.ofMillis(600).toNanos();
            long iterations = spinning.stats().iterations();
            while (System.nanoTime() < until) {
                busy.send(() -> Await.sleep(1)); // 1 ms each: many short events, none too long
                Await.sleep(2);
            }
            assertTrue(spinning.stats().iterations() > iterations, "reactor 0 kept iterating");
            assertTrue(polled.get() > 0);
            Await.onReactor(busy, () -> null);
        } finally {
            poller.cancel();
        }
    }
}
