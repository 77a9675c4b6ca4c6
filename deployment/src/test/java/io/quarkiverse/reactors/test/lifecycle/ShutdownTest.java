package io.quarkiverse.reactors.test.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.ReactorOverloadedException;
import io.quarkiverse.reactors.ReactorStats;
import io.quarkiverse.reactors.ReactorStoppedException;
import io.quarkiverse.reactors.Reactors;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.Vertx;

/**
 * Shutting down under a steady stream of events from both reactors and a plain thread loses nothing:
 * every send that was accepted ran, every call completed or failed with ReactorStoppedException, and
 * the senders were told, with ReactorStoppedException, once shutdown began.
 * <p>
 * The test runs in the application's class loader and the check after undeploy in JUnit's, so they
 * share their findings through JDK types only, parked in the system properties.
 */
public class ShutdownTest {

    static final String KEY = ShutdownTest.class.getName();

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideRuntimeConfigKey("quarkus.reactors.count", "2")
            .setAfterUndeployListener(ShutdownTest::verifyNothingWasLost);

    @Inject
    Reactors reactors;

    @Inject
    Vertx vertx;

    @Test
    void streamsRunUntilShutdown() throws InterruptedException {
        Map<String, Object> shared = new ConcurrentHashMap<>();
        AtomicLong accepted = new AtomicLong();
        AtomicLong executed = new AtomicLong();
        AtomicLong callsIssued = new AtomicLong();
        AtomicLong callsCompleted = new AtomicLong();
        AtomicLong callsStopped = new AtomicLong();
        AtomicLong callsRefused = new AtomicLong();
        AtomicLong callsOther = new AtomicLong();
        AtomicLong streamsStopped = new AtomicLong();
        Runnable event = executed::incrementAndGet;

        // Two reactor streams: every millisecond, each reactor sends a burst to both reactors.
        for (Reactor source : reactors.all()) {
            source.send(() -> vertx.setPeriodic(1, timer -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        reactors.reactor(i & 1).send(event);
                        accepted.incrementAndGet();
                    }
                } catch (ReactorStoppedException e) {
                    streamsStopped.incrementAndGet();
                    vertx.cancelTimer(timer);
                } catch (ReactorOverloadedException e) {
                    // back off until the next tick
                }
            }));
        }
        // One plain thread: sends and calls until it is told the reactors stopped.
        Thread sender = new Thread(() -> {
            for (long i = 0;; i++) {
                Reactor target = reactors.reactor((int) (i & 1));
                try {
                    if (i % 16 == 0) {
                        callsIssued.incrementAndGet();
                        target.callAsync(() -> 1).whenComplete((v, failure) -> {
                            if (failure == null) {
                                callsCompleted.incrementAndGet();
                            } else if (failure instanceof ReactorStoppedException) {
                                callsStopped.incrementAndGet();
                            } else if (failure instanceof ReactorOverloadedException) {
                                callsRefused.incrementAndGet(); // this sender outruns the reactor at times
                            } else {
                                callsOther.incrementAndGet();
                            }
                        });
                    } else {
                        target.send(event);
                        accepted.incrementAndGet();
                    }
                } catch (ReactorStoppedException e) {
                    streamsStopped.incrementAndGet();
                    return;
                } catch (ReactorOverloadedException e) {
                    Thread.onSpinWait();
                }
            }
        }, "shutdown-test-sender");
        sender.setDaemon(true);
        sender.start();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (executed.get() < 200_000 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(executed.get() >= 200_000, "the streams are flowing: " + executed.get());

        Supplier<long[]> stats = () -> {
            long[] sum = new long[5];
            for (Reactor r : reactors.all()) {
                ReactorStats s = r.stats();
                sum[0] += s.accepted();
                sum[1] += s.executed();
                sum[2] += s.failed();
                sum[3] += s.rejected();
                sum[4] += s.queueDepth();
            }
            return sum;
        };
        shared.put("accepted", accepted);
        shared.put("executed", executed);
        shared.put("callsIssued", callsIssued);
        shared.put("callsCompleted", callsCompleted);
        shared.put("callsStopped", callsStopped);
        shared.put("callsRefused", callsRefused);
        shared.put("callsOther", callsOther);
        shared.put("streamsStopped", streamsStopped);
        shared.put("sender", sender);
        shared.put("stats", stats);
        Supplier<String> describe = () -> reactors.all().stream().map(r -> r.stats().toString())
                .collect(java.util.stream.Collectors.joining("; "));
        shared.put("describe", describe);
        shared.put("streaming", new AtomicBoolean(true));
        System.getProperties().put(KEY, shared);
        // returning shuts the application down while all three streams are still sending
    }

    @SuppressWarnings("unchecked")
    static void verifyNothingWasLost() {
        Map<String, Object> shared = (Map<String, Object>) System.getProperties().remove(KEY);
        assertTrue(shared != null, "the test ran");
        Thread sender = (Thread) shared.get("sender");
        try {
            sender.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertFalse(sender.isAlive(), "the plain sender was told to stop");
        long accepted = ((AtomicLong) shared.get("accepted")).get();
        long executed = ((AtomicLong) shared.get("executed")).get();
        assertEquals(accepted, executed, "every accepted event ran");
        assertEquals(3, ((AtomicLong) shared.get("streamsStopped")).get(),
                "both reactor streams and the thread were refused with ReactorStoppedException");
        long issued = ((AtomicLong) shared.get("callsIssued")).get();
        long completed = ((AtomicLong) shared.get("callsCompleted")).get();
        long stopped = ((AtomicLong) shared.get("callsStopped")).get();
        long refused = ((AtomicLong) shared.get("callsRefused")).get();
        assertEquals(0, ((AtomicLong) shared.get("callsOther")).get(), "calls fail only as stopped or overloaded");
        assertEquals(issued, completed + stopped + refused,
                "every call completed, or failed with ReactorStoppedException or ReactorOverloadedException");
        long[] stats = ((Supplier<long[]>) shared.get("stats")).get();
        // calls count as events on their target, and their replies are events too
        assertEquals(stats[0], stats[1] + stats[2], "reactor counters: accepted == executed + failed");
        assertEquals(0, stats[2], () -> "no event failed or was abandoned: "
                + ((Supplier<String>) shared.get("describe")).get() + " calls " + issued + "/" + completed + "/" + stopped);
        assertEquals(0, stats[4], "queues are empty");
        assertTrue(stats[3] >= 3, "the refusals were counted: " + stats[3]);
    }
}
