package io.quarkiverse.reactors.test.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.ReactorOverloadedException;
import io.quarkiverse.reactors.ReactorStats;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/** A full queue refuses events at the sender, loudly, and the counters account for every event. */
public class OverloadTest {

    static final int CAPACITY = 16;

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2)
            .overrideRuntimeConfigKey("quarkus.reactors.queue-capacity", String.valueOf(CAPACITY));

    @Inject
    Reactors reactors;

    @Test
    void fullQueueRejectsWithoutLosingAnything() throws Exception {
        Reactor target = reactors.reactor(1);
        ReactorStats before = target.stats();
        assertEquals(CAPACITY, before.queueCapacity());

        // Hold reactor 1 inside one event (a test-only stall) so that its queue fills up.
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        target.send(() -> {
            holding.countDown();
            await(release);
        });
        assertTrue(holding.await(10, TimeUnit.SECONDS));

        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < CAPACITY; i++) {
            target.send(ran::incrementAndGet);
        }
        ReactorOverloadedException e = assertThrows(ReactorOverloadedException.class,
                () -> target.send(ran::incrementAndGet));
        assertEquals(1, e.reactor());
        assertEquals(CAPACITY, e.capacity());
        assertTrue(e.getMessage().contains("Reactor 1") && e.getMessage().contains("capacity " + CAPACITY),
                e.getMessage());
        assertFalse(target.trySend(ran::incrementAndGet));
        assertThrows(ReactorOverloadedException.class, () -> target.send((a, b) -> ran.incrementAndGet(), 1, 2));
        Throwable callFailure = Await.failure(target.call(ran::incrementAndGet).subscribeAsCompletionStage());
        assertInstanceOf(ReactorOverloadedException.class, callFailure);
        assertInstanceOf(ReactorOverloadedException.class, Await.failure(target.callAsync(ran::incrementAndGet)));

        ReactorStats full = target.stats();
        assertEquals(CAPACITY, full.queueDepth());
        assertEquals(before.rejected() + 5, full.rejected());

        release.countDown();
        ReactorStats after = Await.quiet(target);
        assertEquals(CAPACITY, ran.get(), "every accepted event ran, no rejected one did");
        assertEquals(after.accepted(), after.executed() + after.failed());
        assertEquals(0, after.queueDepth());
        assertTrue(after.queueHighWaterMark() >= CAPACITY, String.valueOf(after));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
