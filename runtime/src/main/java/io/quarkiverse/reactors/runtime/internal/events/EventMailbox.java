package io.quarkiverse.reactors.runtime.internal.events;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.jctools.queues.MpscArrayQueue;

import io.quarkiverse.reactors.ReactorOverloadedException;
import io.quarkiverse.reactors.ReactorStoppedException;

/**
 * A reactor's event mailbox, the cross-core unit (as Seastar's {@code smp_message_queue}): one lane per other
 * reactor of the group ({@link LaneInbox}: single-producer rings that the senders publish once per iteration, see
 * {@link LaneOutbox}), the bounded multi-producer single-consumer queue every other thread sends to, the wake-up
 * handshake that makes a burst of sends cost one wake-up, and the events accepted beside a full queue or lane; what it
 * counts beside the indices (refused, abandoned and peak queued events) is kept by {@link MailboxAccounts}. A
 * two-argument send goes into a lane in place ({@link SpscLane#offer(Object, Object, Object)}), into the queue as a
 * {@link BiEvent}. Which way a send goes depends only on the calling thread: {@link CallerLanes} finds the caller's
 * lane when the caller is another reactor of the group.
 * <p>
 * The handshake: {@link #iterationScheduled} is 1 while an iteration of the consumer is posted to its event loop
 * or running. A sender offers, then reads the flag; only the sender that flips it from 0 to 1 posts the iteration
 * ({@code ExecutorService.execute}: a Netty task and, from another thread, a selector wake-up). Before parking,
 * the consumer stores 0 and <em>then</em> looks at the queue and the lanes again ({@link #releaseIteration()}): a
 * sender that offered after the consumer's last look but read the flag as 1 is caught by that second look, since
 * both sides store, then load, volatile fields, so at least one of them sees the other (a lane's publication is a
 * release store, so {@link LaneOutbox} puts a full fence between it and its read of the flag).
 * <p>
 * Threads: the {@code send} methods, {@link #scheduleIteration()}, {@link #close()} and the counters: any thread.
 * {@link #drain}, {@link #postIteration()}, {@link #releaseIteration()} and {@link #tryAcquireIteration()}: the
 * consumer (the reactor's event-loop thread) only. Nothing here is written by the consumer on every iteration, so
 * the fields senders read on every send stay in their cache lines (what the consumer writes on every iteration
 * lives in the reactor's padded {@code ReactorCounters}, {@code ReactorLoop}, {@code EventRunner} and
 * {@code LoopPhase}).
 */
public final class EventMailbox implements LaneOutbox.Receiver {

    private static final VarHandle ITERATION_SCHEDULED;

    static {
        try {
            ITERATION_SCHEDULED = MethodHandles.lookup().findVarHandle(EventMailbox.class, "iterationScheduled", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The queue's depth is sampled for the high-water mark on one event in this many (a power of two). */
    static final int DEPTH_SAMPLE_INTERVAL = 64;

    private final int reactorId;
    private final MpscArrayQueue<Object> queue;
    /** The lanes from the other reactors of the group, one per sender. */
    private final LaneInbox inbox;
    /** The calling thread's lane into this reactor when it is another reactor of the group: that caller uses it. */
    private final CallerLanes callers;
    private final ExecutorService loop;
    private final Runnable iteration;
    private final MailboxConsumer consumer;

    /** Set once shutdown began: new sends are refused, queued ones still run. */
    private volatile boolean closed;
    /** 1 while an iteration is posted to the event loop or running; senders post only on 0 -> 1. */
    private volatile int iterationScheduled;
    /** Consumer only: each source's share of a drain's limit, for the limit {@link #quotaLimit}. */
    private int quota;
    private int quotaLimit = -1;
    /** Written by senders only on the rare paths, by the consumer once per drain at most. */
    private final MailboxAccounts accounts;

    /**
     * @param reactorId the reactor, for exceptions and logs
     * @param capacity the queue's bound, and each lane's
     * @param reactors how many reactors the group has (the lanes are indexed by the sender's id)
     * @param callerOutbox any thread: the calling thread's {@link LaneOutbox} when it is another reactor of the
     *        group, else null
     * @param loop the consumer's event loop
     * @param iteration the consumer's iteration, posted to {@code loop} when an event arrives while none is scheduled
     * @param consumer runs and abandons events
     */
    public EventMailbox(int reactorId, int capacity, int reactors, Supplier<LaneOutbox> callerOutbox, ExecutorService loop,
            Runnable iteration, MailboxConsumer consumer) {
        this.reactorId = reactorId;
        this.queue = new MpscArrayQueue<>(capacity);
        this.inbox = new LaneInbox(reactors, queue.capacity());
        this.callers = new CallerLanes(this, reactors, callerOutbox);
        this.loop = loop;
        this.iteration = iteration;
        this.consumer = consumer;
        this.accounts = new MailboxAccounts(reactorId);
    }

    @Override
    public int id() {
        return reactorId;
    }

    @Override
    public LaneInbox lanes() {
        return inbox;
    }

    @Override
    public void wakeForLane() {
        scheduleIteration();
    }

    // ---------------------------------------------------------------- sending (any thread)

    /**
     * Queues an event that may be refused, and makes sure an iteration will run: into the caller's lane when the
     * caller is another reactor of the group (published at the end of its iteration at the latest), else into the
     * queue.
     *
     * @return {@code false} when the queue or the caller's lane is full (counted as rejected)
     * @throws ReactorStoppedException when the mailbox is closed
     */
    public boolean trySend(Object event) {
        CallerLane caller = callerOfOpenMailbox();
        return caller != null ? laneTook(caller.outbox().offer(this, caller.lane(), event)) : queueTook(event);
    }

    /**
     * {@link #trySend(Object)} for {@code task.accept(a, b)}: written into the caller's lane in place, without an
     * event object; into the queue as a {@link BiEvent}.
     */
    public <A, B> boolean trySend(BiConsumer<A, B> task, A a, B b) {
        CallerLane caller = callerOfOpenMailbox();
        return caller != null ? laneTook(caller.outbox().offer(this, caller.lane(), task, a, b))
                : queueTook(new BiEvent<>(task, a, b));
    }

    /** @return the caller's lane when it is another reactor of the group, else null; throws when closed */
    private CallerLane callerOfOpenMailbox() {
        if (closed) {
            throw refuseClosed();
        }
        return callers.current();
    }

    private boolean laneTook(boolean offered) {
        if (!offered) {
            accounts.countRejected(inbox.capacity());
        }
        return offered;
    }

    private boolean queueTook(Object event) {
        if (!queue.offer(event)) {
            accounts.countRejected(queue.capacity());
            return false;
        }
        scheduleIteration();
        return true;
    }

    /** {@link #trySend(Object)} that throws {@link ReactorOverloadedException} when the queue or lane is full. */
    public void send(Object event) {
        if (!trySend(event)) {
            throw overloaded();
        }
    }

    /** {@link #trySend(BiConsumer, Object, Object)} that throws when the queue or the caller's lane is full. */
    public <A, B> void send(BiConsumer<A, B> task, A a, B b) {
        if (!trySend(task, a, b)) {
            throw overloaded();
        }
    }

    private ReactorOverloadedException overloaded() {
        CallerLane caller = callers.current();
        if (caller == null) {
            return new ReactorOverloadedException(reactorId, queue.capacity());
        }
        int sender = caller.outbox().sender();
        return new ReactorOverloadedException(reactorId, inbox.capacity(), "Reactor " + reactorId
                + " rejected an event from reactor " + sender + ": the lane from reactor " + sender
                + " is full (capacity " + inbox.capacity() + "). Slow down the sender, use trySend() to react to"
                + " back-pressure, or raise quarkus.reactors.queue-capacity");
    }

    /**
     * Queues an event that must not be refused: the reply to a call made from the consumer, the cancel or update of
     * a timer, an offload's outcome. Accepted even while closed and even when the queue is full: replies are
     * bounded by the calls in flight (dropping one would lose a result already computed), and a cancel that could
     * fail would leak the timer. Beside a full queue the event runs as a task of its own on the event loop
     * ({@link MailboxConsumer#runBesideQueue}); once the loop terminated it is abandoned.
     */
    public void sendAlways(ReactorEvent event) {
        CallerLane caller = callers.current();
        if (caller != null) {
            if (caller.outbox().offer(this, caller.lane(), event)) {
                return;
            }
        } else if (queue.offer(event)) {
            scheduleIteration();
            return;
        }
        accounts.countBesideQueue();
        try {
            loop.execute(() -> consumer.runBesideQueue(event));
        } catch (RejectedExecutionException e) {
            accounts.countAbandonedBesideQueue();
            consumer.abandon(event);
        }
    }

    /** Refuses new sends from now on; queued events and events sent with {@link #sendAlways} still run. */
    public void close() {
        closed = true;
    }

    /** @return whether {@link #close()} was called; one volatile read */
    public boolean closed() {
        return closed;
    }

    /** Counts a refusal because the mailbox is closed, and returns the exception that tells the sender. */
    public ReactorStoppedException refuseClosed() {
        accounts.countRejected();
        return new ReactorStoppedException(reactorId,
                "is stopped: the application is shutting down and accepts no new events");
    }

    /** Counts a refusal made outside the queue (too many offloads pending). */
    public void countRejected() {
        accounts.countRejected();
    }

    // ---------------------------------------------------------------- the wake-up handshake

    /**
     * Any thread: makes sure an iteration will run. Only the caller that flips the flag from 0 to 1 posts it, so
     * a burst of sends costs one post.
     */
    public void scheduleIteration() {
        if (iterationScheduled == 0 && ITERATION_SCHEDULED.compareAndSet(this, 0, 1)) {
            postIteration();
        }
    }

    /** Consumer: claims the flag for an iteration it runs itself (a timed wake-up); false if one is scheduled. */
    public boolean tryAcquireIteration() {
        return iterationScheduled == 0 && ITERATION_SCHEDULED.compareAndSet(this, 0, 1);
    }

    /**
     * Posts the iteration to the event loop; the caller holds the flag. When the loop refuses it (it is shutting
     * down), gives the flag back and, once the loop terminated, reports what is left in the queue.
     */
    public void postIteration() {
        try {
            loop.execute(iteration);
        } catch (RejectedExecutionException e) {
            iterationScheduled = 0;
            if (loop.isTerminated()) {
                abandonQueued();
            }
        }
    }

    /**
     * Consumer, before it parks: gives the flag back, then looks at the queue again. An event offered after the
     * consumer's last look by a sender that read the flag as 1 is found by this look (a volatile store, then a
     * load: the sender offers, then reads the flag). Keep the order when changing either side.
     *
     * @return {@code true} when the consumer may park; {@code false} when an event arrived meanwhile and this call
     *         scheduled the next iteration (or a sender did)
     */
    public boolean releaseIteration() {
        iterationScheduled = 0;
        if ((!queue.isEmpty() || !inbox.isEmpty()) && ITERATION_SCHEDULED.compareAndSet(this, 0, 1)) {
            postIteration();
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- draining (the consumer)

    /**
     * Runs up to {@code limit} events through {@link MailboxConsumer#runEvent}, shared fairly between the queue and the
     * lanes: each source gets a quota of {@code limit / reactors} first (the lanes in turn, from a start that moves
     * on every drain), then whatever is left of {@code limit} goes round again, so a flooding sender neither starves
     * the others nor leaves the batch half empty when it is alone. A pass over the queue takes only what was queued
     * when it began, so that a task that sends itself again (to wait for room in a full lane) runs once per round,
     * not up to the quota times before the lanes' turn (B5); the rounds go on while events arrive and the batch
     * lasts. The queue's depth is sampled for the high-water mark on one event in {@value #DEPTH_SAMPLE_INTERVAL}.
     *
     * @return how many events ran
     */
    public int drain(int limit) {
        if (limit != quotaLimit) {
            // only when the limit changes (never, in a reactor): a division costs more than an empty drain
            quota = Math.max(1, limit / inbox.senders());
            quotaLimit = limit;
        }
        int quota = this.quota;
        int ran = drainQueue(Math.min(quota, limit));
        ran += inbox.drain(consumer, quota, limit - ran);
        while (ran < limit && (ran >= quota || queue.relaxedPeek() != null)) {
            int before = ran;
            ran += drainQueue(limit - ran);
            ran += inbox.drain(consumer, limit, limit - ran);
            if (ran == before) {
                break; // nothing left anywhere
            }
        }
        accounts.sawDepth(inbox.takeDeepest());
        return ran;
    }

    private int drainQueue(int limit) {
        MpscArrayQueue<Object> q = queue;
        MailboxConsumer c = consumer;
        int ran = 0;
        Object event;
        while (ran < limit) {
            // relaxedPoll reads only the next slot, not the producers' index: a consumer that looks at an empty queue
            // does not steal the line every sender's CAS needs. An event still being published waits for the next.
            if ((event = q.relaxedPoll()) == null) {
                break;
            }
            if ((ran & (DEPTH_SAMPLE_INTERVAL - 1)) == 0) {
                int waiting = (int) (q.currentProducerIndex() - q.currentConsumerIndex());
                accounts.sawDepth(waiting);
                if (ran == 0 && waiting + 1 < limit) {
                    limit = waiting + 1; // only what was queued when the pass began: see drain()
                }
            }
            ran++;
            c.runEvent(event);
        }
        return ran;
    }

    /**
     * Consumer: whether an event waits, without touching the queue's producers' index (may miss one being
     * published); of each lane, the slot at its head is read (a batch's first, which its producer writes once, when it
     * publishes the batch).
     */
    public boolean hasQueued() {
        return queue.relaxedPeek() != null || inbox.hasPublished();
    }

    /** Reports what is left in the queue and the lanes once the loop terminated: {@link MailboxAccounts#abandonAll}. */
    public void abandonQueued() {
        accounts.abandonAll(queue, inbox, consumer);
    }

    // ---------------------------------------------------------------- state and counters (any thread)

    /** @return whether an iteration is scheduled or running, or events wait */
    public boolean hasWork() {
        return iterationScheduled != 0 || !queue.isEmpty() || !inbox.isEmpty();
    }

    /** @return whether no event waits in the queue or a lane */
    public boolean isEmpty() {
        return queue.isEmpty() && inbox.isEmpty();
    }

    /** @return the queue's bound, and each lane's */
    public int capacity() {
        return queue.capacity();
    }

    /**
     * @return events the consumer took from the queue and the lanes so far (the indices advance for every event, at
     *         no extra cost)
     */
    public long consumed() {
        return queue.currentConsumerIndex() + inbox.consumed();
    }

    /** @return events queued, and published into the lanes, so far */
    public long produced() {
        return queue.currentProducerIndex() + inbox.published();
    }

    /** @return events accepted: queued or published into a lane, plus those run beside a full queue or lane */
    public long accepted() {
        return produced() + accounts.acceptedBesideQueue();
    }

    /** @return events waiting now in the queue and the lanes (never negative) */
    public int depth() {
        return (int) Math.max(0, queue.currentProducerIndex() - queue.currentConsumerIndex()) + inbox.depth();
    }

    /** @return the refused, abandoned and peak queued events, counted beside the indices */
    public MailboxAccounts accounts() {
        return accounts;
    }
}
