package io.quarkiverse.reactors.runtime.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.quarkiverse.reactors.ReactorOverloadedException;
import io.quarkiverse.reactors.ReactorStoppedException;

/**
 * The mailbox alone, without a reactor or an event loop: the wake-up handshake (one post per burst, no event lost
 * between the consumer's last look and its release of the flag, never two iterations posted at once), the bound,
 * and the accounting of refused, beside-the-queue and abandoned events. A fake event loop records what is posted.
 */
class MailboxTest {

    static final Runnable ITERATION = () -> {
    };

    /** A stand-in for the event loop: records posted tasks, or refuses them once shut down. */
    static final class FakeLoop extends AbstractExecutorService {

        final List<Runnable> posted = new ArrayList<>();
        final Consumer<Runnable> onPost;
        volatile boolean refusing;
        volatile boolean terminated;

        FakeLoop() {
            this(null);
        }

        FakeLoop(Consumer<Runnable> onPost) {
            this.onPost = onPost;
        }

        @Override
        public void execute(Runnable task) {
            if (refusing) {
                throw new RejectedExecutionException("shutting down");
            }
            if (onPost != null) {
                onPost.accept(task);
            } else {
                posted.add(task);
            }
        }

        int iterationsPosted() {
            return (int) posted.stream().filter(t -> t == ITERATION).count();
        }

        @Override
        public void shutdown() {
            refusing = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            refusing = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return refusing;
        }

        @Override
        public boolean isTerminated() {
            return terminated;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return terminated;
        }
    }

    /** Records what the mailbox hands to its consumer. */
    static final class Recorder implements MailboxConsumer {

        final List<Object> ran = new ArrayList<>();
        /** Two-argument sends a lane carried in place: [task, a, b] each. */
        final List<List<Object>> pairs = new ArrayList<>();
        final List<Object> besideQueue = new ArrayList<>();
        final List<Object> abandoned = new ArrayList<>();

        @Override
        public void runEvent(Object event) {
            ran.add(event);
        }

        @Override
        public void runPair(java.util.function.BiConsumer<Object, Object> task, Object a, Object b) {
            pairs.add(java.util.Arrays.asList(task, a, b));
        }

        @Override
        public void runBesideQueue(ReactorEvent event) {
            besideQueue.add(event);
        }

        @Override
        public boolean abandon(Object event) {
            abandoned.add(event);
            return event instanceof InternalTask;
        }
    }

    private final FakeLoop loop = new FakeLoop();
    private final Recorder consumer = new Recorder();

    private EventMailbox mailbox(int capacity) {
        return new EventMailbox(7, capacity, 1, () -> null, loop, ITERATION, consumer);
    }

    @Test
    void theFirstSendSchedulesOneIterationAndABurstCostsNoMore() {
        EventMailbox mailbox = mailbox(64);
        assertFalse(mailbox.hasWork());
        assertTrue(mailbox.trySend("a"));
        assertEquals(1, loop.iterationsPosted(), "the sender that found no iteration scheduled posts one");
        for (int i = 0; i < 20; i++) {
            mailbox.send("burst " + i);
        }
        mailbox.scheduleIteration();
        assertEquals(1, loop.iterationsPosted(), "while one is scheduled, neither sends nor wake-ups post another");
        assertFalse(mailbox.tryAcquireIteration(), "the flag is held until the consumer releases it");
        assertTrue(mailbox.hasWork());
    }

    @Test
    void aReleaseWithNothingQueuedLetsTheConsumerParkAndTheNextSendPostsAgain() {
        EventMailbox mailbox = mailbox(64);
        mailbox.send("a");
        assertEquals(1, mailbox.drain(16));
        assertTrue(mailbox.releaseIteration(), "nothing queued: the consumer may park");
        assertEquals(1, loop.iterationsPosted());
        assertFalse(mailbox.hasWork());

        mailbox.send("b");
        assertEquals(2, loop.iterationsPosted(), "the flag was released: the next sender posts");
    }

    @Test
    void anEventSentBetweenTheLastDrainAndTheReleaseIsFoundByTheRelease() {
        EventMailbox mailbox = mailbox(64);
        mailbox.send("a");
        assertEquals(1, mailbox.drain(16));
        assertEquals(0, mailbox.drain(16), "the consumer's last look finds the queue empty");
        mailbox.send("late"); // reads the flag as 1: posts nothing
        assertEquals(1, loop.iterationsPosted());

        assertFalse(mailbox.releaseIteration(), "the release looks again and finds the late event");
        assertEquals(2, loop.iterationsPosted(), "the release posted the next iteration itself");
        assertEquals(1, mailbox.drain(16));
        assertEquals(List.of("a", "late"), consumer.ran);
    }

    @Test
    void aTimedWakeUpClaimsTheFlagOnlyWhenNoIterationIsScheduled() {
        EventMailbox mailbox = mailbox(64);
        assertTrue(mailbox.tryAcquireIteration());
        mailbox.send("a");
        assertEquals(0, loop.iterationsPosted(), "the wake-up holds the flag: the sender posts nothing");
        assertFalse(mailbox.tryAcquireIteration());
    }

    @Test
    void manySendersRacingOnAnIdleMailboxPostExactlyOneIteration() throws Exception {
        int senders = 4;
        AtomicInteger posts = new AtomicInteger();
        FakeLoop counting = new FakeLoop(task -> posts.incrementAndGet());
        EventMailbox mailbox = new EventMailbox(7, 1024, 1, () -> null, counting, ITERATION, consumer);
        CyclicBarrier start = new CyclicBarrier(senders + 1);
        CyclicBarrier sent = new CyclicBarrier(senders + 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int rounds = 2_000;
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int r = 0; r < rounds; r++) {
                        start.await();
                        mailbox.send("e");
                        sent.await();
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (int r = 0; r < rounds; r++) {
            start.await(10, TimeUnit.SECONDS);
            sent.await(10, TimeUnit.SECONDS);
            assertEquals(r + 1, posts.get(), "round " + r + ": " + senders + " racing senders posted "
                    + (posts.get() - r) + " iterations");
            assertEquals(senders, mailbox.drain(1024));
            assertTrue(mailbox.releaseIteration());
        }
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        assertSame(null, failure.get());
    }

    /**
     * The consumer drains until empty, then releases the flag, as the loop does before it parks; the sender sends
     * one to three events per round as soon as the previous round was consumed, so its sends race with that last
     * drain and the release. An event that both missed (the release storing 0 without looking again) would stay
     * queued with nobody posting an iteration: the round would never finish. An iteration posted while another is
     * still posted would show as two outstanding posts.
     */
    @Test
    void noEventIsLostAcrossTheReleaseAndNoIterationIsPostedTwice() throws Exception {
        Semaphore postedIterations = new Semaphore(0);
        AtomicInteger outstanding = new AtomicInteger();
        AtomicInteger doublePosts = new AtomicInteger();
        FakeLoop racing = new FakeLoop(task -> {
            if (outstanding.incrementAndGet() > 1) {
                doublePosts.incrementAndGet();
            }
            postedIterations.release();
        });
        AtomicLong consumed = new AtomicLong();
        MailboxConsumer counting = new MailboxConsumer() {
            @Override
            public void runEvent(Object event) {
                consumed.incrementAndGet();
            }

            @Override
            public void runBesideQueue(ReactorEvent event) {
                fail("the queue is never full in this test");
            }

            @Override
            public boolean abandon(Object event) {
                return false;
            }
        };
        EventMailbox mailbox = new EventMailbox(7, 1024, 1, () -> null, racing, ITERATION, counting);
        Thread reactor = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    if (!postedIterations.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                        continue;
                    }
                    outstanding.decrementAndGet(); // the posted iteration runs now
                    while (mailbox.drain(16) > 0) {
                        // drain until the queue looks empty
                    }
                    mailbox.releaseIteration(); // posts the next iteration itself when an event slipped in
                }
            } catch (InterruptedException e) {
                // the test ended
            }
        }, "fake-reactor");
        reactor.start();
        try {
            int rounds = 20_000;
            long sent = 0;
            for (int r = 0; r < rounds; r++) {
                int burst = 1 + ThreadLocalRandom.current().nextInt(3);
                for (int i = 0; i < burst; i++) {
                    mailbox.send(r);
                }
                sent += burst;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (consumed.get() != sent) {
                    if (System.nanoTime() > deadline) {
                        fail("round " + r + ": " + sent + " events sent, " + consumed.get() + " consumed, "
                                + mailbox.depth() + " queued and no iteration coming: an event was lost");
                    }
                    Thread.onSpinWait();
                }
            }
            assertEquals(0, doublePosts.get(), "iterations posted while one was already posted");
            assertEquals(sent, consumed.get());
        } finally {
            reactor.interrupt();
            reactor.join(10_000);
        }
    }

    @Test
    void aFullQueueRefusesAndCountsAndItsDepthIsTheHighWaterMark() {
        EventMailbox mailbox = mailbox(4);
        int capacity = mailbox.capacity();
        for (int i = 0; i < capacity; i++) {
            assertTrue(mailbox.trySend(i));
        }
        assertFalse(mailbox.trySend("one too many"));
        assertEquals(1, mailbox.accounts().rejected());
        assertEquals(capacity, mailbox.accounts().highWaterMark());
        ReactorOverloadedException overloaded = assertThrows(ReactorOverloadedException.class,
                () -> mailbox.send("another"));
        assertTrue(overloaded.getMessage().contains("7"), overloaded.getMessage());
        assertEquals(2, mailbox.accounts().rejected());
        assertEquals(capacity, mailbox.accepted());
        assertEquals(capacity, mailbox.depth());
    }

    @Test
    void theDrainRunsAtMostItsLimitInOrderAndSamplesTheDepth() {
        EventMailbox mailbox = mailbox(64);
        for (int i = 0; i < 5; i++) {
            mailbox.send(i);
        }
        assertEquals(3, mailbox.drain(3));
        assertEquals(List.of(0, 1, 2), consumer.ran);
        assertTrue(mailbox.hasQueued());
        assertEquals(4, mailbox.accounts().highWaterMark(),
                "the depth sampled as the batch took its first event: 4 still queued");
        assertEquals(2, mailbox.drain(3));
        assertFalse(mailbox.hasQueued());
        assertEquals(5, mailbox.consumed());
        assertEquals(0, mailbox.depth());
    }

    @Test
    void aClosedMailboxRefusesSendsButAcceptsWhatMustNotBeRefused() {
        EventMailbox mailbox = mailbox(64);
        mailbox.close();
        assertTrue(mailbox.closed());
        ReactorStoppedException stopped = assertThrows(ReactorStoppedException.class, () -> mailbox.trySend("a"));
        assertTrue(stopped.getMessage().contains("shutting down"), stopped.getMessage());
        assertEquals(1, mailbox.accounts().rejected());

        InternalTask reply = new InternalTask(() -> {
        });
        mailbox.sendAlways(reply);
        assertEquals(1, mailbox.drain(16));
        assertEquals(List.of(reply), consumer.ran);
    }

    @Test
    void whatMustNotBeRefusedRunsBesideAFullQueueAndCountsAsAccepted() {
        EventMailbox mailbox = mailbox(2);
        for (int i = 0; i < mailbox.capacity(); i++) {
            mailbox.send(i);
        }
        InternalTask reply = new InternalTask(() -> {
        });
        mailbox.sendAlways(reply);
        assertEquals(1, mailbox.accounts().acceptedBesideQueue());
        assertEquals(mailbox.capacity() + 1, mailbox.accepted());
        assertEquals(0, mailbox.accounts().rejected());
        Runnable beside = loop.posted.stream().filter(t -> t != ITERATION).findFirst().orElseThrow();
        beside.run();
        assertEquals(List.of(reply), consumer.besideQueue);
    }

    @Test
    void whatMustNotBeRefusedIsAbandonedWhenTheLoopRefusesIt() {
        EventMailbox mailbox = mailbox(2);
        for (int i = 0; i < mailbox.capacity(); i++) {
            mailbox.send(i);
        }
        loop.refusing = true;
        InternalTask reply = new InternalTask(() -> {
        });
        mailbox.sendAlways(reply);
        assertEquals(List.of(reply), consumer.abandoned);
        assertEquals(1, mailbox.accounts().abandoned());
    }

    @Test
    void aPostRefusedByATerminatedLoopReleasesTheFlagAndAbandonsWhatIsQueued() {
        EventMailbox mailbox = mailbox(64);
        loop.refusing = true;
        loop.terminated = true;
        InternalTask call = new InternalTask(() -> {
        });
        mailbox.send(call); // queued, then its post is refused: reported at once
        assertEquals(List.of(call), consumer.abandoned);
        assertEquals(1, mailbox.accounts().abandoned());
        assertTrue(mailbox.isEmpty());
        assertFalse(mailbox.hasWork(), "the refused post gave the flag back");
    }

    @Test
    void aPostRefusedByALoopStillShuttingDownLeavesTheQueueToTheTerminationListener() {
        EventMailbox mailbox = mailbox(64);
        loop.refusing = true;
        mailbox.send("a");
        assertTrue(consumer.abandoned.isEmpty());
        assertFalse(mailbox.isEmpty());
        mailbox.abandonQueued(); // what the termination listener does
        assertEquals(List.of("a"), consumer.abandoned);
        assertEquals(1, mailbox.accounts().abandoned());
    }
}
