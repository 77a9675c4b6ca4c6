package io.quarkiverse.reactors.test.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.ReactorStats;
import io.quarkiverse.reactors.Reactors;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The application shuts down while reactor 2 is held and the lanes from reactors 0 and 1 into it, and its queue,
 * are full: every accepted event runs exactly once during the shutdown, and the counters add up.
 * <p>
 * The check after undeploy runs in JUnit's class loader, so the findings travel through JDK types only, parked in
 * the system properties (as in {@code ShutdownTest}).
 */
public class FullLanesAtShutdownTest {

    static final String KEY = FullLanesAtShutdownTest.class.getName();
    static final int CAPACITY = 64;

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideRuntimeConfigKey("quarkus.reactors.count", "3")
            .overrideRuntimeConfigKey("quarkus.reactors.queue-capacity", String.valueOf(CAPACITY))
            .setAfterUndeployListener(FullLanesAtShutdownTest::verifyEachEventRanOnce);

    @Inject
    Reactors reactors;

    @Test
    void fullLanesDrainDuringShutdown() throws Exception {
        Reactor target = reactors.reactor(2);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        target.send(() -> {
            holding.countDown();
            try {
                release.await(10, TimeUnit.SECONDS); // a test-only stall, so that the lanes fill
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(holding.await(10, TimeUnit.SECONDS));

        Set<Long> ran = ConcurrentHashMap.newKeySet();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong ids = new AtomicLong();
        Supplier<Runnable> event = () -> {
            long id = ids.getAndIncrement();
            return () -> {
                if (!ran.add(id)) {
                    duplicates.incrementAndGet();
                }
            };
        };
        for (int source = 0; source < 2; source++) {
            long n = reactors.reactor(source).callAsync(() -> {
                long sent = 0;
                while (target.trySend(event.get())) {
                    sent++;
                }
                return sent;
            }).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(CAPACITY, n, "reactor " + source + " filled its lane");
            accepted.addAndGet(n);
        }
        while (target.trySend(event.get())) {
            accepted.incrementAndGet();
        }
        ReactorStats full = target.stats();
        assertTrue(full.queueDepth() >= 3 * CAPACITY - 1, String.valueOf(full));

        Map<String, Object> shared = new ConcurrentHashMap<>();
        shared.put("accepted", accepted);
        shared.put("ran", ran);
        shared.put("duplicates", duplicates);
        Supplier<long[]> stats = () -> {
            ReactorStats s = target.stats();
            return new long[] { s.accepted(), s.executed(), s.failed(), s.queueDepth() };
        };
        shared.put("stats", stats);
        shared.put("describe", (Supplier<String>) () -> target.stats().toString());
        System.getProperties().put(KEY, shared);
        // Let reactor 2 go on once the shutdown has begun: its held lanes and queue then drain during the shutdown.
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        }, "full-lanes-releaser");
        releaser.setDaemon(true);
        releaser.start();
    }

    @SuppressWarnings("unchecked")
    static void verifyEachEventRanOnce() {
        Map<String, Object> shared = (Map<String, Object>) System.getProperties().remove(KEY);
        assertTrue(shared != null, "the test ran");
        long accepted = ((AtomicLong) shared.get("accepted")).get();
        Set<Long> ran = (Set<Long>) shared.get("ran");
        assertEquals(0, ((AtomicLong) shared.get("duplicates")).get(), "no event ran twice");
        long[] stats = ((Supplier<long[]>) shared.get("stats")).get();
        Supplier<String> describe = (Supplier<String>) shared.get("describe");
        assertEquals(accepted, ran.size(), () -> "every accepted event ran: " + describe.get());
        assertEquals(stats[0], stats[1] + stats[2], describe);
        assertEquals(0, stats[2], describe);
        assertEquals(0, stats[3], describe);
    }
}
