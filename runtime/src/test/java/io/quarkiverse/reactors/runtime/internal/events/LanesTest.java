package io.quarkiverse.reactors.runtime.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The hand-off between reactors through lanes, without reactors: when a sender publishes, and how a receiver drains. */
class LanesTest {

    /** A receiver that counts its wake-ups. */
    static final class FakeReceiver implements LaneOutbox.Receiver {
        final int id;
        final LaneInbox inbox;
        int wakeUps;

        FakeReceiver(int id, int reactors, int capacity) {
            this.id = id;
            this.inbox = new LaneInbox(reactors, capacity);
        }

        @Override
        public int id() {
            return id;
        }

        @Override
        public LaneInbox lanes() {
            return inbox;
        }

        @Override
        public void wakeForLane() {
            wakeUps++;
        }
    }

    /** Offers as the owner would: inside its iteration ({@code held}) or outside. */
    static boolean offer(LaneOutbox outbox, FakeReceiver receiver, Object event, boolean held) {
        if (held) {
            outbox.holdPublication();
        }
        return outbox.offer(receiver, outbox.laneTo(receiver).lane(), event);
    }

    @Test
    void aSendOutsideAnIterationIsPublishedAtOnce() {
        FakeReceiver receiver = new FakeReceiver(1, 2, 16);
        LaneOutbox outbox = new LaneOutbox(0, 2);
        assertTrue(offer(outbox, receiver, "a", false));
        assertFalse(receiver.inbox.isEmpty());
        assertEquals(1, receiver.wakeUps);
        assertEquals(0, outbox.pendingReceivers());
    }

    @Test
    void sendsInsideAnIterationWaitForTheFlushAndWakeTheReceiverOnce() {
        FakeReceiver one = new FakeReceiver(1, 3, 1024);
        FakeReceiver two = new FakeReceiver(2, 3, 1024);
        LaneOutbox outbox = new LaneOutbox(0, 3);
        for (int i = 0; i < 10; i++) {
            assertTrue(offer(outbox, one, i, true));
            assertTrue(offer(outbox, two, i, true));
        }
        assertTrue(one.inbox.isEmpty(), "nothing visible before the flush");
        assertEquals(0, one.wakeUps + two.wakeUps);
        assertEquals(2, outbox.pendingReceivers());
        outbox.flush();
        assertEquals(10, one.inbox.depth());
        assertEquals(10, two.inbox.depth());
        assertEquals(1, one.wakeUps, "one wake-up per publication, not per event");
        assertEquals(1, two.wakeUps);
        outbox.flush();
        assertEquals(1, one.wakeUps, "a flush with nothing new publishes nothing and wakes nobody");
        assertEquals(0, outbox.pendingReceivers());
    }

    @Test
    void aLaneIsPublishedMidIterationOnceItsBatchFills() {
        FakeReceiver receiver = new FakeReceiver(1, 2, 4 * LaneOutbox.PUBLISH_EVERY);
        LaneOutbox outbox = new LaneOutbox(0, 2);
        for (int i = 0; i < LaneOutbox.PUBLISH_EVERY - 1; i++) {
            offer(outbox, receiver, i, true);
        }
        assertTrue(receiver.inbox.isEmpty());
        offer(outbox, receiver, "last of the batch", true);
        assertEquals(LaneOutbox.PUBLISH_EVERY, receiver.inbox.depth());
        assertEquals(1, receiver.wakeUps);
        offer(outbox, receiver, "next", true);
        outbox.flush();
        assertEquals(LaneOutbox.PUBLISH_EVERY + 1, receiver.inbox.depth());
        assertEquals(2, receiver.wakeUps);
    }

    @Test
    void aSmallerLaneIsPublishedMidIterationAtAQuarterOfItsCapacity() {
        FakeReceiver receiver = new FakeReceiver(1, 2, 1024);
        LaneOutbox outbox = new LaneOutbox(0, 2);
        for (int i = 0; i < 255; i++) {
            offer(outbox, receiver, i, true);
        }
        assertTrue(receiver.inbox.isEmpty(), "255 of a 1024-slot lane wait for the end of the iteration");
        offer(outbox, receiver, "256th", true);
        assertEquals(256, receiver.inbox.depth());
        assertEquals(1, receiver.wakeUps);
        for (int i = 0; i < 768; i++) {
            offer(outbox, receiver, i, true);
        }
        assertEquals(1024, receiver.inbox.depth(), "every slot of the lane was published before it filled");
        assertEquals(4, receiver.wakeUps);
    }

    @Test
    void aFullLaneRefusesAndPublishesWhatItHeldSoThatTheReceiverCanMakeRoom() {
        FakeReceiver receiver = new FakeReceiver(1, 2, 4);
        LaneOutbox outbox = new LaneOutbox(0, 2);
        for (int i = 0; i < 4; i++) {
            assertTrue(offer(outbox, receiver, i, true));
        }
        assertTrue(receiver.inbox.isEmpty());
        assertFalse(offer(outbox, receiver, 4, true));
        assertEquals(4, receiver.inbox.depth(), "the refusal published the lane");
        assertEquals(1, receiver.wakeUps);
        List<Object> ran = new ArrayList<>();
        receiver.inbox.drain(ran::add, 2, 2);
        outbox.flush(); // the sender's iteration ends
        assertTrue(offer(outbox, receiver, 4, false), "outside an iteration: published at once");
        receiver.inbox.drain(ran::add, 10, 10);
        assertEquals(List.of(0, 1, 2, 3, 4), ran);
    }

    @Test
    void eachLaneGetsItsQuotaAndTheFirstServedLaneRotates() {
        int reactors = 4;
        FakeReceiver receiver = new FakeReceiver(3, reactors, 1024);
        for (int sender = 0; sender < 3; sender++) {
            LaneOutbox outbox = new LaneOutbox(sender, reactors);
            for (int i = 0; i < 100; i++) {
                offer(outbox, receiver, sender * 1000 + i, false);
            }
        }
        List<Object> ran = new ArrayList<>();
        assertEquals(30, receiver.inbox.drain(ran::add, 10, 1000));
        for (int sender = 0; sender < 3; sender++) {
            int s = sender;
            assertEquals(10, ran.stream().filter(e -> (Integer) e / 1000 == s).count(), "sender " + sender);
        }
        // the budget stops the pass; the next pass starts one lane further on
        ran.clear();
        assertEquals(15, receiver.inbox.drain(ran::add, 10, 15));
        assertEquals(1010, ran.get(0), "the second drain starts with sender 1's lane");
        assertEquals(10, ran.stream().filter(e -> (Integer) e / 1000 == 1).count());
        assertEquals(5, ran.stream().filter(e -> (Integer) e / 1000 == 2).count());
        assertEquals(0, ran.stream().filter(e -> (Integer) e / 1000 == 0).count());
    }

    @Test
    void aLaneMadeAfterTheReceiversLastLookIsDrainedByItsNextDrain() {
        FakeReceiver receiver = new FakeReceiver(2, 3, 16);
        List<Object> ran = new ArrayList<>();
        assertEquals(0, receiver.inbox.drain(ran::add, 8, 8), "no lane yet");
        assertFalse(receiver.inbox.hasPublished());
        offer(new LaneOutbox(0, 3), receiver, "a", false);
        assertTrue(receiver.inbox.hasPublished());
        assertEquals(1, receiver.inbox.drain(ran::add, 8, 8));
        offer(new LaneOutbox(1, 3), receiver, "b", false);
        assertTrue(receiver.inbox.hasPublished(), "the second sender's lane is looked at as soon as it is made");
        assertEquals(1, receiver.inbox.drain(ran::add, 8, 8));
        assertEquals(List.of("a", "b"), ran);
        assertFalse(receiver.inbox.hasPublished());
    }

    @Test
    void eachSenderKeepsItsOrderAndTheCountersAddUp() {
        FakeReceiver receiver = new FakeReceiver(2, 3, 64);
        LaneOutbox a = new LaneOutbox(0, 3);
        LaneOutbox b = new LaneOutbox(1, 3);
        List<Object> ran = new ArrayList<>();
        int sentA = 0;
        int sentB = 0;
        for (int round = 0; round < 500; round++) {
            for (int i = 0; i < 7; i++) {
                if (offer(a, receiver, "a" + sentA, true)) {
                    sentA++;
                }
                if (offer(b, receiver, "b" + sentB, round % 2 == 0)) {
                    sentB++;
                }
            }
            a.flush();
            b.flush();
            receiver.inbox.drain(ran::add, 4, 6);
        }
        while (receiver.inbox.drain(ran::add, 64, 128) > 0) {
            // the rest
        }
        int nextA = 0;
        int nextB = 0;
        for (Object e : ran) {
            String s = (String) e;
            if (s.startsWith("a")) {
                assertEquals("a" + nextA++, s);
            } else {
                assertEquals("b" + nextB++, s);
            }
        }
        assertEquals(sentA, nextA);
        assertEquals(sentB, nextB);
        assertEquals(sentA + sentB, receiver.inbox.published());
        assertEquals(sentA + sentB, receiver.inbox.consumed());
        assertTrue(receiver.inbox.takeDeepest() > 0);
        assertEquals(0, receiver.inbox.takeDeepest(), "taken once");
    }
}
