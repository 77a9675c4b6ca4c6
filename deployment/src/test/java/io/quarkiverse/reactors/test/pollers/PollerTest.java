package io.quarkiverse.reactors.test.pollers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.PollerStats;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/** Pollers: every iteration or periodic, pause/resume/cancel from any thread, failures contained, stats. */
public class PollerTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2)
            .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.quarkiverse.reactors"))
            .assertLogRecords(records -> assertTrue(records.stream()
                    .anyMatch(r -> formatted(r).startsWith("Reactor 1: poller 'thrower'")), "a logged poller failure"));

    static String formatted(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
    }

    @Inject
    Reactors reactors;

    @Test
    void everyIterationPollerRunsOnTheReactorFromAForeignRegistration() {
        Reactor reactor = reactors.reactor(1);
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        AtomicInteger runs = new AtomicInteger();
        PollerHandle poller = reactor.poller("counter", () -> {
            ranOn.set(Thread.currentThread());
            runs.incrementAndGet();
            return 0;
        }, Duration.ZERO);
        assertEquals("counter", poller.name());
        Await.until(() -> reactors.pollers("counter").equals(java.util.List.of(poller)));
        assertEquals(1, poller.reactor());
        Await.until(() -> runs.get() > 3);
        assertSame(Await.onReactor(reactor, Thread::currentThread), ranOn.get());
        PollerStats stats = poller.stats();
        assertTrue(stats.runs() >= 3 && stats.busyRuns() == 0 && stats.periodNanos() == 0, stats.toString());
        poller.cancel();
    }

    @Test
    void busyPollersKeepTheReactorIteratingAndCountBusyRuns() {
        Reactor reactor = reactors.reactor(0);
        AtomicInteger budget = new AtomicInteger(10_000);
        PollerHandle poller = reactor.poller("drainer", () -> budget.getAndUpdate(b -> b > 0 ? b - 1 : 0) > 0 ? 1 : 0,
                Duration.ZERO);
        // with park, nothing else wakes the reactor: only "busy" keeps it iterating through 10 000 calls
        Await.until(() -> budget.get() == 0);
        Await.until(() -> poller.stats().busyRuns() == 10_000);
        poller.cancel();
    }

    @Test
    void pauseResumeAndCancel() {
        Reactor reactor = reactors.reactor(1);
        AtomicInteger runs = new AtomicInteger();
        PollerHandle poller = reactor.poller("pausable", () -> {
            runs.incrementAndGet();
            return 1; // busy: the reactor iterates continuously while it is active
        }, Duration.ZERO);
        Await.until(() -> runs.get() > 100);

        // a sentinel poller proves that iterations (with their poller pass) keep happening
        AtomicInteger sentinel = new AtomicInteger();
        PollerHandle witness = reactor.poller("witness", () -> {
            sentinel.incrementAndGet();
            return 0;
        }, Duration.ZERO);

        poller.pause();
        assertTrue(poller.paused());
        int atPause = Await.onReactor(reactor, runs::get);
        int sentinelAtPause = sentinel.get();
        Await.until(() -> sentinel.get() > sentinelAtPause + 20);
        assertEquals(atPause, runs.get(), "a paused poller is not called");
        assertTrue(poller.stats().paused());

        poller.resume();
        assertFalse(poller.paused());
        Await.until(() -> runs.get() > atPause + 100);

        poller.cancel();
        poller.cancel(); // harmless
        assertTrue(poller.cancelled());
        int atCancel = Await.onReactor(reactor, runs::get);
        int sentinelAtCancel = sentinel.get();
        Await.until(() -> sentinel.get() > sentinelAtCancel + 20);
        assertEquals(atCancel, runs.get(), "a cancelled poller is not called");
        Await.until(() -> !reactor.pollers().contains(poller)); // and it is unregistered
        witness.cancel();
    }

    @Test
    void periodicPollerHonoursItsPeriod() throws InterruptedException {
        Reactor reactor = reactors.reactor(0);
        AtomicInteger runs = new AtomicInteger();
        long start = System.nanoTime();
        PollerHandle poller = reactor.poller("periodic", () -> {
            runs.incrementAndGet();
            return 0;
        }, Duration.ofMillis(20));
        Thread.sleep(1_000);
        poller.cancel();
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        long expected = elapsedMillis / 20;
        // generous bounds: shared CI machines stall; the point is "about every 20 ms", neither 0 nor every iteration
        assertTrue(runs.get() >= expected / 4 && runs.get() <= expected + 2, runs.get() + " runs in " + elapsedMillis + " ms");
        assertEquals(20_000_000L, poller.stats().periodNanos());
    }

    @Test
    void throwingPollerIsCountedLoggedAndKeepsBeingPolled() {
        Reactor reactor = reactors.reactor(1);
        AtomicInteger calls = new AtomicInteger();
        PollerHandle poller = reactor.poller("thrower", () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("poller failure");
        }, Duration.ofMillis(1));
        Await.until(() -> calls.get() >= 5);
        Await.until(() -> poller.stats().failures() >= 5);
        assertEquals("still alive", Await.onReactor(reactor, () -> "still alive"));
        poller.cancel();
    }

    @Test
    void badArgumentsAreRejected() {
        Reactor reactor = reactors.reactor(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reactor.poller("neg", () -> 0, Duration.ofMillis(-1)));
        assertTrue(e.getMessage().contains("Poller 'neg'") && e.getMessage().contains("PT-0.001S"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> reactor.poller(" ", () -> 0, Duration.ZERO));
        assertThrows(NullPointerException.class, () -> reactor.poller("x", null, Duration.ZERO));
    }

    @Test
    void registeringOnTheReactorItselfTakesEffectAtOnce() {
        Reactor reactor = reactors.reactor(1);
        CompletableFuture<Thread> ranOn = new CompletableFuture<>();
        reactor.send(() -> {
            PollerHandle[] self = new PollerHandle[1];
            self[0] = reactor.poller("self", () -> {
                ranOn.complete(Thread.currentThread());
                self[0].cancel(); // a poller may cancel itself
                return 0;
            }, Duration.ZERO);
        });
        assertSame(Await.onReactor(reactor, Thread::currentThread), Await.result(ranOn));
    }
}
