package io.quarkiverse.reactors.runtime.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CallerOutboxesTest {

    @Test
    void aSendersOutboxIsLookedUpOnceAndThenFoundByItsThread() {
        LaneOutbox mine = new LaneOutbox(0, 2);
        mine.bindOwner(Thread.currentThread());
        AtomicInteger lookups = new AtomicInteger();
        CallerOutboxes callers = new CallerOutboxes(2, () -> {
            lookups.incrementAndGet();
            return mine;
        });
        for (int i = 0; i < 1_000; i++) {
            assertSame(mine, callers.current());
        }
        assertEquals(1, lookups.get(), "the lookup ran again although the caller's slot held its outbox");
    }

    @Test
    void aThreadThatIsNoReactorOfTheGroupGetsNullAndTakesNoSlot() {
        AtomicInteger lookups = new AtomicInteger();
        CallerOutboxes callers = new CallerOutboxes(2, () -> {
            lookups.incrementAndGet();
            return null;
        });
        assertNull(callers.current());
        assertNull(callers.current());
        assertEquals(2, lookups.get(), "a thread without an outbox is looked up on every send, as before the table");
    }

    @Test
    void manySendersSharingSlotsEachAlwaysGetTheirOwnOutbox() throws Exception {
        // 64 threads on a table of 8 slots: most share a slot with another sender. A thread must only ever be
        // handed its own outbox, whichever sender took the slot and whatever it reads of another's owner.
        int threads = 64;
        Map<Thread, LaneOutbox> outboxes = new ConcurrentHashMap<>();
        CallerOutboxes callers = new CallerOutboxes(2, () -> outboxes.get(Thread.currentThread()));
        List<String> wrong = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread sender = new Thread(() -> {
                LaneOutbox own = new LaneOutbox(id, threads);
                own.bindOwner(Thread.currentThread());
                outboxes.put(Thread.currentThread(), own);
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < 20_000; i++) {
                    LaneOutbox got = callers.current();
                    if (got != own) {
                        wrong.add("sender " + id + " was handed the outbox of sender " + (got == null ? "none" : got.sender()));
                        return;
                    }
                }
            }, "sender-" + t);
            senders.add(sender);
            sender.start();
        }
        start.countDown();
        for (Thread sender : senders) {
            sender.join(30_000);
        }
        assertEquals(List.of(), wrong);
    }
}
