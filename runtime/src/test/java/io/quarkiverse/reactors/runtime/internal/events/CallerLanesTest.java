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

class CallerLanesTest {

    @Test
    void aSendersLaneIsLookedUpOnceAndThenFoundByItsThread() {
        LaneOutbox mine = new LaneOutbox(1, 2);
        mine.bindOwner(Thread.currentThread());
        AtomicInteger lookups = new AtomicInteger();
        LaneOutbox.Receiver receiver = new LanesTest.FakeReceiver(0, 2, 16);
        CallerLanes callers = new CallerLanes(receiver, 2, () -> {
            lookups.incrementAndGet();
            return mine;
        });
        CallerLane lane = callers.current();
        assertSame(mine, lane.outbox());
        assertSame(Thread.currentThread(), lane.owner());
        assertSame(lane, mine.laneTo(receiver), "the entry is the sender's own lane into the receiver");
        for (int i = 0; i < 1_000; i++) {
            assertSame(lane, callers.current());
        }
        assertEquals(1, lookups.get(), "the lookup ran again although the caller's slot held its lane");
    }

    @Test
    void aThreadThatIsNoReactorOfTheGroupGetsNullAndTakesNoSlot() {
        AtomicInteger lookups = new AtomicInteger();
        CallerLanes callers = new CallerLanes(new LanesTest.FakeReceiver(0, 2, 16), 2, () -> {
            lookups.incrementAndGet();
            return null;
        });
        assertNull(callers.current());
        assertNull(callers.current());
        assertEquals(2, lookups.get(), "a thread without an outbox is looked up on every send, as before the table");
    }

    @Test
    void manySendersSharingSlotsEachAlwaysGetTheirOwnLane() throws Exception {
        // 64 threads on a table of 8 slots: most share a slot with another sender. A thread must only ever be
        // handed its own lane, whichever sender took the slot and whatever it reads of another's entry.
        int threads = 64;
        Map<Thread, LaneOutbox> outboxes = new ConcurrentHashMap<>();
        CallerLanes callers = new CallerLanes(new LanesTest.FakeReceiver(0, threads, 16), 2,
                () -> outboxes.get(Thread.currentThread()));
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
                    CallerLane got = callers.current();
                    if (got == null || got.outbox() != own || got.owner() != Thread.currentThread()) {
                        wrong.add("sender " + id + " was handed the lane of sender "
                                + (got == null ? "none" : got.outbox().sender()));
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
