package io.quarkiverse.reactors.runtime.internal.events;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import org.jboss.logging.Logger;
import org.jctools.queues.MpscArrayQueue;

/**
 * What a mailbox counts beside its queue's and lanes' own indices: sends refused, events accepted beside a full queue
 * or lane, events abandoned because the event loop terminated, and the most events seen waiting at once. Every
 * counter here moves only on a rare path (a refusal, a full queue, shutdown, one drain in 64), never per event, so
 * the send path writes none of them.
 * <p>
 * Thread-safe: any thread counts and reads; {@link #abandonAll} runs once the event loop terminated, on whichever
 * thread finds that out.
 */
public final class MailboxAccounts {

    private static final Logger LOG = Logger.getLogger(MailboxAccounts.class);

    private static final VarHandle HIGH_WATER_MARK;

    static {
        try {
            HIGH_WATER_MARK = MethodHandles.lookup().findVarHandle(MailboxAccounts.class, "highWaterMark", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int reactorId;
    /** Raised by the consumer when it samples a depth, and by a sender that finds the queue or its lane full. */
    private int highWaterMark;
    private final AtomicLong rejected = new AtomicLong();
    /** Events accepted beside the queue because it was full; they count as accepted events. */
    private final AtomicLong acceptedBesideQueue = new AtomicLong();
    /** Events that could never run because the event loop had terminated; they count as failed. */
    private final AtomicLong abandoned = new AtomicLong();

    /** @param reactorId the reactor, for the log */
    MailboxAccounts(int reactorId) {
        this.reactorId = reactorId;
    }

    /** A send was refused, because the queue or a lane was full ({@code depth}: its capacity) or the mailbox closed. */
    void countRejected(int depth) {
        rejected.incrementAndGet();
        raiseHighWaterMark(depth);
    }

    /** A send was refused outside the queue (closed mailbox, too many offloads pending). */
    void countRejected() {
        rejected.incrementAndGet();
    }

    /** An event that must not be refused found the queue or its lane full and runs as a task of its own. */
    void countBesideQueue() {
        acceptedBesideQueue.incrementAndGet();
    }

    /** An event sent beside a full queue was refused by the terminated loop itself. */
    void countAbandonedBesideQueue() {
        abandoned.incrementAndGet();
    }

    /** Raises the high-water mark to {@code depth} if it is deeper; a plain read when it is not. */
    void sawDepth(int depth) {
        if (depth > (int) HIGH_WATER_MARK.getOpaque(this)) {
            raiseHighWaterMark(depth);
        }
    }

    private void raiseHighWaterMark(int depth) {
        int seen;
        while (depth > (seen = (int) HIGH_WATER_MARK.getOpaque(this))) {
            if (HIGH_WATER_MARK.compareAndSet(this, seen, depth)) {
                return;
            }
        }
    }

    /**
     * Reports every event left in {@code queue} and {@code inbox} to {@code consumer} as one that can never run,
     * counts each abandoned once, and logs how many there were. Runs only after the loop terminated, so this thread
     * is the queue's and the lanes' only consumer; synchronized because the termination listener and a late sender
     * may both get here.
     */
    synchronized void abandonAll(MpscArrayQueue<Object> queue, LaneInbox inbox, MailboxConsumer consumer) {
        List<Object> left = new ArrayList<>();
        Object event;
        while ((event = queue.poll()) != null) {
            left.add(event);
        }
        // The lanes' senders may still be publishing: drain until every lane is empty.
        SpscLane.Sink<Object> collect = new SpscLane.Sink<>() {
            @Override
            public void accept(Object e) {
                left.add(e);
            }

            @Override
            @SuppressWarnings("unchecked")
            public void acceptPair(Object task, Object a, Object b) {
                left.add(new BiEvent<>((BiConsumer<Object, Object>) task, a, b));
            }
        };
        while (inbox.drain(collect, Integer.MAX_VALUE, Integer.MAX_VALUE) > 0) {
            // until every lane is empty
        }
        long told = 0;
        for (Object e : left) {
            if (consumer.abandon(e)) {
                told++;
            }
            abandoned.incrementAndGet();
        }
        if (!left.isEmpty()) {
            LOG.errorf("Reactor %d: %d queued events could not run because its event loop terminated"
                    + " (%d pending calls failed with ReactorStoppedException, %d other events were counted as failed)",
                    reactorId, left.size(), told, left.size() - told);
        }
    }

    /** @return the most events seen waiting at once (sampled, and the capacity once a send found the queue full) */
    public int highWaterMark() {
        return (int) HIGH_WATER_MARK.getOpaque(this);
    }

    /** @return sends refused: queue or lane full, mailbox closed, or too many offloads pending */
    public long rejected() {
        return rejected.get();
    }

    /** @return events accepted beside the full queue */
    public long acceptedBesideQueue() {
        return acceptedBesideQueue.get();
    }

    /** @return events that could never run because the event loop terminated */
    public long abandoned() {
        return abandoned.get();
    }
}
