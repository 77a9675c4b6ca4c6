package io.quarkiverse.reactors.runtime.internal.pollers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkiverse.reactors.runtime.internal.reactor.ReactorGroup;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorSettings;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * The poller set alone, driven by the test thread as if it were the reactor: which pollers a pass calls, what it
 * counts as work, and how pause, resume, cancel and a throwing poller change it. The pollers belong to a real
 * reactor only because a poller's pause and cancel notify their reactor; that reactor's own set stays empty.
 */
class PollerSetTest {

    private static Vertx vertx;
    private static ReactorGroup group;

    private final List<PollerImpl> dropped = new ArrayList<>();
    private final PollerSet set = new PollerSet(dropped::add);
    private final List<String> calls = new ArrayList<>();

    @BeforeAll
    static void startReactor() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        group = ReactorGroup.start(vertx, 1, ReactorSettings.defaults());
    }

    @AfterAll
    static void stopReactor() {
        group.stop(Duration.ofSeconds(5));
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private PollerImpl poller(String name, int work) {
        return poller(name, () -> {
            calls.add(name);
            return work;
        });
    }

    private PollerImpl poller(String name, IntSupplier poll) {
        return new PollerImpl(name, group.reactorArray()[0], poll, 0);
    }

    @Test
    void aPassCallsTheActivePollersInOrderAndCountsThoseThatDidWork() {
        assertTrue(set.isEmpty());
        assertEquals(0, set.run(1));
        set.add(poller("a", 0), 0);
        set.add(poller("b", 3), 0);
        set.add(poller("c", 1), 0);
        assertTrue(set.hasActive());
        assertEquals(2, set.run(1), "pollers that reported work, not the work they reported");
        assertEquals(List.of("a", "b", "c"), calls);
    }

    @Test
    void theTimedPassCountsWorkTheSameWayAndTimesEachCall() {
        PollerImpl a = poller("a", 0);
        PollerImpl b = poller("b", 2);
        set.add(a, 0);
        set.add(b, 0);
        assertEquals(1, set.run(PollerSet.TIMING_INTERVAL));
        assertEquals(List.of("a", "b"), calls);
        assertTrue(b.stats().totalNanos() > 0, "a timed pass records the time of each call");
        assertEquals(1, b.stats().busyRuns());
        assertEquals(0, a.stats().busyRuns());
    }

    @Test
    void aPausedPollerIsSkippedAfterTheRebuildAndCalledAgainAfterResume() {
        PollerImpl a = poller("a", 1);
        PollerImpl b = poller("b", 1);
        set.add(a, 0);
        set.add(b, 0);
        a.pause();
        set.run(1);
        assertEquals(List.of("a", "b"), calls, "a pause takes effect when the owner rebuilds the set");
        set.rebuild(2);
        calls.clear();
        assertEquals(1, set.run(3));
        assertEquals(List.of("b"), calls);
        b.pause();
        set.rebuild(4);
        assertFalse(set.hasActive());
        assertFalse(set.isEmpty(), "paused pollers stay registered");
        a.resume();
        set.rebuild(5);
        calls.clear();
        set.run(6);
        assertEquals(List.of("a"), calls);
        assertTrue(dropped.isEmpty());
    }

    @Test
    void aCancelledPollerIsDroppedAtTheRebuildAndHandedOver() {
        PollerImpl a = poller("a", 1);
        PollerImpl b = poller("b", 1);
        set.add(a, 0);
        set.add(b, 0);
        a.cancel();
        set.rebuild(1);
        assertEquals(List.of(a), dropped);
        set.run(2);
        assertEquals(List.of("b"), calls);
        b.cancel();
        set.rebuild(3);
        assertTrue(set.isEmpty());
        assertEquals(List.of(a, b), dropped);
    }

    @Test
    void aThrowingPollerCountsAFailureAndNoWorkAndThePassGoesOn() {
        PollerImpl bad = poller("bad", () -> {
            throw new IllegalStateException("poller bug");
        });
        set.add(bad, 0);
        set.add(poller("good", 1), 0);
        assertEquals(1, set.run(1));
        assertEquals(List.of("good"), calls);
        assertEquals(1, bad.stats().failures());
        assertEquals(1, set.run(PollerSet.TIMING_INTERVAL), "the timed pass too");
        assertEquals(2, bad.stats().failures());
    }

    @Test
    void aPollerThatPausesAnotherDuringAPassDoesNotChangeThatPass() {
        PollerImpl[] later = new PollerImpl[1];
        set.add(poller("first", () -> {
            calls.add("first");
            later[0].pause();
            set.rebuild(1); // as the owner does when the pause is its own thread's
            return 0;
        }), 0);
        later[0] = poller("second", 0);
        set.add(later[0], 0);
        set.run(1);
        assertEquals(List.of("first", "second"), calls, "the pass goes on over the arrays it began with");
        calls.clear();
        set.run(2);
        assertEquals(List.of("first"), calls);
    }

    @Test
    void cancelAllCancelsEveryPollerAndEmptiesTheSet() {
        PollerImpl a = poller("a", 1);
        PollerImpl b = poller("b", 1);
        set.add(a, 0);
        set.add(b, 0);
        b.pause();
        set.rebuild(1);
        set.cancelAll();
        assertTrue(a.cancelled());
        assertTrue(b.cancelled());
        assertTrue(set.isEmpty());
        assertFalse(set.hasActive());
        assertEquals(0, set.run(2));
        assertTrue(calls.isEmpty());
    }
}
