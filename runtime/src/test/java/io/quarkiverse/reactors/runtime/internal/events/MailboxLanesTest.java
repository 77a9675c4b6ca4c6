package io.quarkiverse.reactors.runtime.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.reactors.ReactorOverloadedException;

/**
 * The mailbox with lanes, without reactors: a send from "another reactor" (the outbox the hook returns) goes into
 * its lane, is found by the consumer's release, shares the batch with the queue, is refused when the lane is full,
 * and is reported once when the loop terminated.
 */
class MailboxLanesTest {

    private final MailboxTest.FakeLoop loop = new MailboxTest.FakeLoop();
    private final MailboxTest.Recorder consumer = new MailboxTest.Recorder();
    /** Reactor 0's outbox; the hook returns it while {@link #fromReactor0} is set, as a reactor's thread would. */
    private final LaneOutbox reactor0 = new LaneOutbox(0, 2);
    private boolean fromReactor0;
    private final EventMailbox mailbox = new EventMailbox(1, 4, 2, () -> fromReactor0 ? reactor0 : null, loop,
            MailboxTest.ITERATION, consumer);

    private void sendFromReactor0(Object event) {
        fromReactor0 = true;
        try {
            mailbox.send(event);
        } finally {
            fromReactor0 = false;
        }
    }

    @Test
    void aSendFromAnotherReactorGoesIntoItsLaneAndWakesTheConsumerOnce() {
        reactor0.holdPublication(); // inside reactor 0's iteration
        sendFromReactor0("a");
        sendFromReactor0("b");
        assertEquals(0, loop.iterationsPosted(), "nothing published yet");
        assertTrue(mailbox.isEmpty());
        reactor0.flush();
        assertEquals(1, loop.iterationsPosted());
        assertEquals(2, mailbox.depth());
        assertEquals(2, mailbox.accepted());
        mailbox.send("q"); // a plain thread: the queue
        assertEquals(1, loop.iterationsPosted(), "the iteration is still scheduled");
        assertEquals(3, mailbox.drain(100));
        assertEquals(List.of("q", "a", "b"), consumer.ran, "the queue first, then the lane, each in order");
        assertEquals(3, mailbox.consumed());
        assertEquals(0, mailbox.depth());
    }

    @Test
    void theReleaseBeforeParkingFindsALanePublishedAfterTheLastDrain() {
        sendFromReactor0("a");
        assertEquals(1, loop.iterationsPosted());
        mailbox.drain(100);
        sendFromReactor0("b"); // reads the flag as 1: posts nothing
        assertEquals(1, loop.iterationsPosted());
        assertFalse(mailbox.releaseIteration(), "the release found the lane's event");
        assertEquals(2, loop.iterationsPosted());
    }

    @Test
    void theQueueAndTheLaneShareTheBatch() {
        EventMailbox big = new EventMailbox(1, 64, 2, () -> fromReactor0 ? reactor0 : null, loop, MailboxTest.ITERATION,
                consumer);
        fromReactor0 = true;
        for (int i = 0; i < 40; i++) {
            big.send("lane" + i);
        }
        fromReactor0 = false;
        for (int i = 0; i < 40; i++) {
            big.send("queue" + i);
        }
        assertEquals(10, big.drain(10));
        assertEquals(5, consumer.ran.stream().filter(e -> ((String) e).startsWith("lane")).count(),
                "two sources, a quota of half the batch each");
        assertEquals(50, big.drain(50), "alone or not, the rest of the budget is used");
        assertEquals(20, big.depth());
    }

    /**
     * A task that sends itself again while it runs (as one waiting for room in a full lane does) runs once per pass
     * over the queue, the lanes' turn between two passes, instead of taking the queue's whole quota: of a batch of
     * 20 with 40 events in a lane, the lane gets 18 (before, 10: the task ran its quota of 10 times in a row). An
     * event sent during the batch still runs in it.
     */
    @Test
    void aTaskThatSendsItselfAgainDoesNotTakeTheLanesShare() {
        List<Object> ran = new java.util.ArrayList<>();
        EventMailbox[] box = new EventMailbox[1];
        MailboxConsumer resending = new MailboxConsumer() {
            @Override
            public void runEvent(Object event) {
                ran.add(event);
                if ("again".equals(event)) {
                    box[0].send("again");
                }
            }

            @Override
            public void runBesideQueue(ReactorEvent event) {
                throw new AssertionError("the queue is never full in this test");
            }

            @Override
            public boolean abandon(Object event) {
                return false;
            }
        };
        box[0] = new EventMailbox(1, 64, 2, () -> fromReactor0 ? reactor0 : null, loop, MailboxTest.ITERATION, resending);
        fromReactor0 = true;
        for (int i = 0; i < 40; i++) {
            box[0].send(i);
        }
        fromReactor0 = false;
        box[0].send("again");
        assertEquals(20, box[0].drain(20));
        assertEquals(2, ran.stream().filter("again"::equals).count(), String.valueOf(ran));
        assertEquals("again", ran.get(0));
        assertEquals("again", ran.get(11), "the second pass comes after the lane's quota: " + ran);
        assertEquals(18, ran.stream().filter(e -> e instanceof Integer).count());
    }

    @Test
    void aFullLaneRefusesItsSenderAndCountsIt() {
        for (int i = 0; i < 4; i++) {
            sendFromReactor0(i);
        }
        fromReactor0 = true;
        assertFalse(mailbox.trySend("refused"));
        ReactorOverloadedException e = assertThrows(ReactorOverloadedException.class, () -> mailbox.send("refused"));
        fromReactor0 = false;
        assertEquals(1, e.reactor());
        assertEquals(4, e.capacity());
        assertTrue(e.getMessage().contains("from reactor 0") && e.getMessage().contains("lane"), e.getMessage());
        assertEquals(2, mailbox.accounts().rejected());
        assertEquals(4, mailbox.accounts().highWaterMark());
        assertTrue(mailbox.trySend("the queue still takes events"));
    }

    @Test
    void whatMustNotBeRefusedRunsBesideAFullLane() {
        for (int i = 0; i < 4; i++) {
            sendFromReactor0(i);
        }
        InternalTask reply = new InternalTask(() -> {
        });
        fromReactor0 = true;
        mailbox.sendAlways(reply);
        fromReactor0 = false;
        assertEquals(1, mailbox.accounts().acceptedBesideQueue());
        assertEquals(5, mailbox.accepted());
        assertEquals(0, mailbox.accounts().rejected());
        loop.posted.stream().filter(t -> t != MailboxTest.ITERATION).findFirst().orElseThrow().run();
        assertEquals(List.of(reply), consumer.besideQueue);
    }

    @Test
    void aTwoArgumentSendFromAnotherReactorTravelsInItsLaneWithoutAnEventObject() {
        java.util.function.BiConsumer<String, Integer> task = (a, b) -> {
        };
        fromReactor0 = true;
        assertTrue(mailbox.trySend(task, "k", 1));
        mailbox.send(task, null, 2);
        fromReactor0 = false;
        mailbox.send(task, "q", 3); // a plain thread: the queue, as an event object
        assertEquals(3, mailbox.accepted());
        assertEquals(3, mailbox.drain(100));
        assertEquals(1, consumer.ran.size());
        assertTrue(consumer.ran.get(0) instanceof BiEvent, "the queue carries a BiEvent: " + consumer.ran);
        assertEquals(List.of(List.of(task, "k", 1), java.util.Arrays.asList(task, null, 2)), consumer.pairs,
                "the lane hands the task and its arguments over as they were sent, in order");
        assertEquals(3, mailbox.consumed());
    }

    @Test
    void aFullLaneRefusesATwoArgumentSendAsAnyOther() {
        for (int i = 0; i < 4; i++) {
            sendFromReactor0(i);
        }
        fromReactor0 = true;
        assertFalse(mailbox.trySend((a, b) -> {
        }, 1, 2));
        ReactorOverloadedException e = assertThrows(ReactorOverloadedException.class, () -> mailbox.send((a, b) -> {
        }, 1, 2));
        fromReactor0 = false;
        assertTrue(e.getMessage().contains("from reactor 0"), e.getMessage());
        assertEquals(2, mailbox.accounts().rejected());
    }

    @Test
    void aTwoArgumentSendLeftInALaneIsAbandonedAsAnEvent() {
        fromReactor0 = true;
        mailbox.send((a, b) -> {
        }, "a", "b");
        fromReactor0 = false;
        loop.refusing = true;
        loop.terminated = true;
        mailbox.abandonQueued();
        assertEquals(1, consumer.abandoned.size());
        assertTrue(consumer.abandoned.get(0) instanceof BiEvent, "reported as the event it stands for");
        assertEquals(1, mailbox.accounts().abandoned());
    }

    @Test
    void eventsLeftInTheLanesAreAbandonedOnceWhenTheLoopTerminated() {
        sendFromReactor0("a");
        mailbox.send("q");
        sendFromReactor0("b");
        loop.refusing = true;
        loop.terminated = true;
        mailbox.abandonQueued();
        assertEquals(List.of("q", "a", "b"), consumer.abandoned);
        assertEquals(3, mailbox.accounts().abandoned());
        mailbox.abandonQueued();
        assertEquals(3, mailbox.accounts().abandoned(), "reported once");
        assertTrue(mailbox.isEmpty());
    }
}
