package io.quarkiverse.reactors.test.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.ReactorStoppedException;
import io.quarkiverse.reactors.Reactors;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Offloads still running when the application stops: shutdown waits for them up to
 * {@code quarkus.reactors.shutdown-timeout}, so one that ends within it delivers its item, and one that runs
 * past it fails with {@link ReactorStoppedException}. Neither is left unsettled. The subclasses run it on
 * the Vert.x worker pool and on a dedicated offload pool.
 * <p>
 * The outcomes (an item, or a failure's class name) cross from the application's class loader to JUnit's through a
 * JDK map in the system properties.
 */
abstract class OffloadAtShutdownScenario {

    /** Shorter than the shutdown timeout of the subclasses' apps (1500 ms), from both a reactor and a plain thread. */
    static final long QUICK_MILLIS = 500;
    /** Longer than the shutdown timeout. */
    static final long SLOW_MILLIS = 5_000;

    /** An app with 2 reactors and a 1500 ms shutdown timeout that checks the outcomes once stopped. */
    static QuarkusUnitTest app(String key) {
        return new QuarkusUnitTest()
                .withApplicationRoot(jar -> jar.addClass(OffloadAtShutdownScenario.class))
                .overrideRuntimeConfigKey("quarkus.reactors.count", "2")
                .overrideRuntimeConfigKey("quarkus.reactors.shutdown-timeout", "1500ms")
                .setAfterUndeployListener(() -> verifyEveryOffloadSettled(key));
    }

    /** Offloads from reactor 1 and from the test thread, then returns 100 ms later: the app stops under them. */
    static void offloadThenStop(Reactors reactors, String key) throws InterruptedException {
        Map<String, Object> outcomes = new ConcurrentHashMap<>();
        System.getProperties().put(key, outcomes);
        Reactor reactor = reactors.reactor(1);
        reactor.send(() -> {
            offload(reactor, "quick-from-reactor", QUICK_MILLIS, outcomes);
            offload(reactor, "slow-from-reactor", SLOW_MILLIS, outcomes);
        });
        offload(reactor, "quick-from-thread", QUICK_MILLIS, outcomes);
        offload(reactor, "slow-from-thread", SLOW_MILLIS, outcomes);
        Thread.sleep(100);
    }

    private static void offload(Reactor reactor, String name, long millis, Map<String, Object> outcomes) {
        reactor.offload(() -> {
            Thread.sleep(millis);
            return name;
        }).subscribe().with(item -> outcomes.put(name, item), failure -> outcomes.put(name, failure.getClass().getName()));
    }

    @SuppressWarnings("unchecked")
    static void verifyEveryOffloadSettled(String key) {
        Map<String, Object> outcomes = (Map<String, Object>) System.getProperties().remove(key);
        assertNotNull(outcomes, "the test ran");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (outcomes.size() < 4 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertEquals(4, outcomes.size(), "every offload settled by the end of shutdown: " + outcomes);
        assertEquals("quick-from-reactor", outcomes.get("quick-from-reactor"), "shutdown waited for it");
        assertEquals("quick-from-thread", outcomes.get("quick-from-thread"), "shutdown waited for it");
        for (String slow : new String[] { "slow-from-reactor", "slow-from-thread" }) {
            assertEquals(ReactorStoppedException.class.getName(), outcomes.get(slow),
                    slow + " failed with ReactorStoppedException");
        }
    }
}
