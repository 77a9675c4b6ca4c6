package io.quarkiverse.reactors.test.timers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.TimerHandle;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/** Timers: one-shot, periodic, update(-1/0/positive), cancel, sub-millisecond delays, failures contained. */
public class TimerTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2);

    @Inject
    Reactors reactors;

    /** Lets the reactor run several iterations, so that a change made before is in effect. */
    private static void iterate(Reactor reactor) {
        for (int i = 0; i < 20; i++) {
            Await.onReactor(reactor, () -> null);
        }
    }

    @Test
    void oneShotFiresOnceOnTheReactorAfterItsDelay() {
        Reactor reactor = reactors.reactor(1);
        long start = System.nanoTime();
        CompletableFuture<Thread> fired = new CompletableFuture<>();
        AtomicInteger count = new AtomicInteger();
        reactor.timer(Duration.ofMillis(50), () -> {
            count.incrementAndGet();
            fired.complete(Thread.currentThread());
        });
        assertSame(Await.onReactor(reactor, Thread::currentThread), Await.result(fired));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50), "not before its delay");
        iterate(reactor);
        assertEquals(1, count.get());
        Await.until(() -> reactor.stats().timers() == 0); // a fired one-shot timer is no longer armed
    }

    @Test
    void subMillisecondDelaysWork() {
        Reactor reactor = reactors.reactor(0);
        long start = System.nanoTime();
        CompletableFuture<Long> fired = new CompletableFuture<>();
        reactor.timer(Duration.ofNanos(200_000), () -> fired.complete(System.nanoTime()));
        assertTrue(Await.result(fired) - start >= 200_000);
    }

    @Test
    void periodicFiresRepeatedlyAndUpdateChangesIt() {
        Reactor reactor = reactors.reactor(1);
        AtomicInteger count = new AtomicInteger();
        TimerHandle timer = reactor.periodic(Duration.ofMillis(5), count::incrementAndGet);
        assertEquals(1, timer.reactor());
        Await.until(() -> count.get() >= 5);

        timer.update(Duration.ofMillis(-1)); // disabled
        iterate(reactor);
        int disabledAt = Await.onReactor(reactor, count::get);
        Await.sleep(50);
        iterate(reactor);
        assertEquals(disabledAt, count.get(), "a disabled timer does not fire");

        timer.update(Duration.ZERO); // every iteration
        Await.until(() -> count.get() > disabledAt + 1000);

        timer.update(Duration.ofMillis(2)); // periodic again
        iterate(reactor);
        int periodicAt = Await.onReactor(reactor, count::get);
        Await.until(() -> count.get() >= periodicAt + 3);

        timer.cancel();
        timer.cancel(); // harmless
        iterate(reactor);
        int cancelledAt = Await.onReactor(reactor, count::get);
        Await.sleep(30);
        iterate(reactor);
        assertEquals(cancelledAt, count.get(), "a cancelled timer does not fire");
        Await.until(() -> reactor.stats().timers() == 0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> timer.update(Duration.ofMillis(1)));
        assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
    }

    @Test
    void aFiredOneShotCanBeReArmed() {
        Reactor reactor = reactors.reactor(0);
        AtomicInteger count = new AtomicInteger();
        TimerHandle timer = reactor.timer(Duration.ofMillis(1), count::incrementAndGet);
        Await.until(() -> count.get() == 1);
        timer.update(Duration.ofMillis(1));
        Await.until(() -> count.get() == 2);
        timer.cancel();
    }

    @Test
    void cancelBeforeItFiresAndFromInsideTheCallback() {
        Reactor reactor = reactors.reactor(1);
        AtomicInteger count = new AtomicInteger();
        TimerHandle early = reactor.timer(Duration.ofMillis(30), count::incrementAndGet);
        early.cancel();
        TimerHandle[] self = new TimerHandle[1];
        CompletableFuture<Integer> selfCancelled = new CompletableFuture<>();
        AtomicInteger selfCount = new AtomicInteger();
        reactor.send(() -> self[0] = reactor.periodic(Duration.ofMillis(1), () -> {
            if (selfCount.incrementAndGet() == 3) {
                self[0].cancel();
                reactor.timer(Duration.ofMillis(20), () -> selfCancelled.complete(selfCount.get()));
            }
        }));
        assertEquals(3, Await.result(selfCancelled), "no tick after the timer cancelled itself");
        assertEquals(0, count.get(), "a timer cancelled before its deadline never fires");
    }

    @Test
    void aTimerReArmedByAnotherInTheSameExpiryFiresOnceAtItsNewTime() {
        Reactor reactor = reactors.reactor(1);
        AtomicInteger fired = new AtomicInteger();
        CompletableFuture<Long> firedAt = new CompletableFuture<>();
        long[] start = new long[1];
        java.util.List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        reactor.send(() -> {
            start[0] = System.nanoTime();
            TimerHandle late = reactor.timer(Duration.ofMillis(20), () -> {
                order.add("late");
                fired.incrementAndGet();
                firedAt.complete(System.nanoTime());
            });
            // due earlier, so fired first in the same expiry, it moves the other (16 ms apart: arming the first
            // timer of a fresh JVM can take a millisecond or more on a slow machine, which once put a mover due
            // 1 ms earlier after the other)
            reactor.timer(Duration.ofMillis(4), () -> {
                order.add("mover");
                late.update(Duration.ofMillis(150));
            });
            // hold the reactor (test only) until both are overdue, so that one expiry takes both
            while (System.nanoTime() - start[0] < TimeUnit.MILLISECONDS.toNanos(25)) {
                Thread.onSpinWait();
            }
        });
        long at = Await.result(firedAt);
        assertTrue(at - start[0] >= TimeUnit.MILLISECONDS.toNanos(150), "fired at its new deadline, not the old one: after "
                + (at - start[0]) / 1000 + " us, " + order);
        Await.sleep(200);
        Await.onReactor(reactor, () -> null);
        assertEquals(1, fired.get(), "fired once");
        Await.until(() -> reactor.stats().timers() == 0);
    }

    @Test
    void throwingTimerKeepsFiring() {
        Reactor reactor = reactors.reactor(0);
        AtomicInteger count = new AtomicInteger();
        TimerHandle timer = reactor.periodic(Duration.ofMillis(1), () -> {
            count.incrementAndGet();
            throw new IllegalStateException("timer failure");
        });
        Await.until(() -> count.get() >= 5);
        timer.cancel();
    }

    @Test
    void badDelaysAreRejected() {
        Reactor reactor = reactors.reactor(0);
        assertThrows(IllegalArgumentException.class, () -> reactor.timer(Duration.ofMillis(-1), () -> {
        }));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reactor.periodic(Duration.ZERO, () -> {
        }));
        assertTrue(e.getMessage().contains("must be positive"), e.getMessage());
    }

    @Test
    void aMillionTimersScheduledAndCancelledWithoutLeaks() {
        Reactor reactor = reactors.reactor(1);
        int perBatch = 100_000;
        TimerHandle[][] timers = new TimerHandle[10][];
        AtomicInteger fired = new AtomicInteger();
        for (int b = 0; b < timers.length; b++) {
            int batch = b;
            // created on the reactor, in batches, so no single event runs long
            timers[b] = Await.onReactor(reactor, () -> {
                TimerHandle[] made = new TimerHandle[perBatch];
                for (int i = 0; i < perBatch; i++) {
                    made[i] = reactor.timer(Duration.ofMinutes(10 + (batch * perBatch + i) % 50), fired::incrementAndGet);
                }
                return made;
            });
        }
        Await.until(() -> reactor.stats().timers() == 1_000_000); // published at the end of each iteration
        for (TimerHandle[] batch : timers) {
            Await.onReactor(reactor, () -> {
                for (TimerHandle timer : batch) {
                    timer.cancel();
                }
                return null;
            });
        }
        Await.until(() -> reactor.stats().timers() == 0);
        assertEquals(0, fired.get());
    }
}
