package io.quarkiverse.reactors.runtime.internal.events;

import java.util.function.Supplier;

/**
 * A receiving reactor's table of the lanes that other reactors send to it through, keyed by the sending thread's
 * identity hash: how a send finds the calling thread's lane into this receiver without a thread-local lookup. The
 * lookup (a Netty {@code FastThreadLocal} read, the group check, the outbox: about a dozen dependent loads) ran on
 * every send and was the largest part of B1's sender after the lane's offer; a probe here is the identity hash (read
 * from the thread's header), the slot, and the entry's owner. The entry holds the lane ({@link CallerLane}), not
 * just the sender's outbox: a send's loads depend on each other (receiver, mailbox, table, entry, lane, slots), and
 * the outbox's array of lanes was one more link in that chain. Measured on B1 (2-vCPU Xeon, JMH, 2 forks,
 * alternating pairs of JVMs): 101.8 and 78.0 M events/s with a table of the senders' outboxes, 119.1 and 89.1 with
 * this one (before the outboxes' table: 46 M median, with the lookup on every send).
 * <p>
 * A slot is written only while it is empty, by a sender whose hash lands there, with a plain store of its own lane
 * (two senders that find it empty at once both write it, and one of them keeps it); a probe uses an entry only when
 * its {@link CallerLane#owner()} is the calling thread, and the entry's fields are final, so a racy read can only
 * miss, never hand a caller another thread's lane. A sender whose slot another sender took, every thread that is not
 * a reactor of the group, and an outbox that no thread owns fall back to the lookup.
 * <p>
 * Thread-safe: any thread may call {@link #current()}.
 */
public final class CallerLanes {

    private final LaneOutbox.Receiver receiver;
    private final CallerLane[] byThreadHash;
    private final int mask;
    private final Supplier<LaneOutbox> lookup;

    /**
     * @param receiver the receiving reactor, whose lanes the entries are
     * @param reactors how many reactors the group has (the table has four slots per reactor, so that two senders
     *        rarely share one)
     * @param lookup any thread: the calling thread's outbox when it is another reactor of the group, else null
     */
    public CallerLanes(LaneOutbox.Receiver receiver, int reactors, Supplier<LaneOutbox> lookup) {
        int size = Integer.highestOneBit(Math.max(4, reactors * 4 - 1) << 1);
        this.receiver = receiver;
        this.byThreadHash = new CallerLane[size];
        this.mask = size - 1;
        this.lookup = lookup;
    }

    /** @return the calling thread's lane into the receiver when it is another reactor of the group, else null */
    public CallerLane current() {
        Thread caller = Thread.currentThread();
        int slot = System.identityHashCode(caller) & mask;
        CallerLane known = byThreadHash[slot];
        if (known != null && known.owner() == caller) {
            return known;
        }
        return lookUp(slot, known);
    }

    /** Not in the table: asks the lookup, and takes the slot for the caller if it is empty. */
    private CallerLane lookUp(int slot, CallerLane known) {
        LaneOutbox outbox = lookup.get();
        if (outbox == null) {
            return null;
        }
        CallerLane found = outbox.laneTo(receiver);
        if (known == null) {
            byThreadHash[slot] = found;
        }
        return found;
    }
}
