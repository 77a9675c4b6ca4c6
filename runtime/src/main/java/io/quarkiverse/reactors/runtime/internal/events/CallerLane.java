package io.quarkiverse.reactors.runtime.internal.events;

/**
 * The lane from one sending reactor into one receiver, which knows its sender: the sender's thread and
 * {@link LaneOutbox}. It is the entry of the receiver's {@link CallerLanes}, so that a send that found its entry
 * there writes into the lane it found, with no load of the outbox or of the outbox's lanes in between (see
 * {@link CallerLanes} for what that chain of loads costs).
 * <p>
 * Made once per (sender, receiver) pair, on the sender's thread ({@link LaneInbox#laneFrom}); its final fields make it
 * safe to read from other threads through the racy table. Only the owner offers into it.
 */
final class CallerLane extends SpscLane<Object> {

    private final Thread owner;
    private final LaneOutbox outbox;

    /**
     * @param capacity the lane's capacity, a power of two
     * @param owner the sending reactor's thread; null for an outbox that no thread owns (never found in the table)
     * @param outbox the sending reactor's outbox
     */
    CallerLane(int capacity, Thread owner, LaneOutbox outbox) {
        super(capacity);
        this.owner = owner;
        this.outbox = outbox;
    }

    /** @return the sending reactor's thread, the only one that offers into this lane (null: none bound) */
    Thread owner() {
        return owner;
    }

    /** @return the sending reactor's outbox, which publishes this lane */
    LaneOutbox outbox() {
        return outbox;
    }
}
