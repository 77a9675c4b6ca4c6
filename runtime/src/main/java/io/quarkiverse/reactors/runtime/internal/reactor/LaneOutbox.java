package io.quarkiverse.reactors.runtime.internal.reactor;

import java.lang.invoke.VarHandle;

/**
 * The sending side of one reactor's lanes: which of its lanes into other reactors hold events it offered but has not
 * published yet. A send made inside the reactor's iteration is only written into the lane; the reactor publishes all
 * of them at the end of the iteration ({@link #flush()}), or a lane as soon as {@link #PUBLISH_EVERY} events wait in
 * it, so a burst of sends costs one ordered store and at most one wake-up per receiver, not one per event. A send
 * made outside an iteration (an HTTP handler, a Vert.x callback on the reactor's event loop) is published at once:
 * nothing else would publish it before the loop goes idle.
 * <p>
 * Not thread-safe: owned by the sending reactor's thread.
 */
final class LaneOutbox {

    /** A lane is published once this many events wait in it unpublished, even mid-iteration. */
    static final int PUBLISH_EVERY = 64;

    /** Receivers (by id) whose lanes may hold unpublished events. */
    private final Receiver[] pending;
    private final boolean[] listed;
    private int pendingCount;
    private final int sender;

    /**
     * @param sender the sending reactor's id
     * @param reactors how many reactors the group has
     */
    LaneOutbox(int sender, int reactors) {
        this.sender = sender;
        this.pending = new Receiver[reactors];
        this.listed = new boolean[reactors];
    }

    /**
     * Writes {@code event} into the lane to {@code receiver}; publishes it now unless {@code deferred}, or when the
     * lane's unpublished events reach {@link #PUBLISH_EVERY}, and wakes the receiver whenever it publishes.
     *
     * @param deferred whether the caller's iteration is running and will {@link #flush()} at its end
     * @return false if the lane is full: the event was not queued (what was unpublished is published, and the
     *         receiver woken, so that it makes room)
     */
    boolean offer(Receiver receiver, Object event, boolean deferred) {
        SpscLane<Object> lane = receiver.lanes().laneFrom(sender);
        if (!lane.offer(event)) {
            publish(lane, receiver);
            return false;
        }
        if (!deferred || lane.unpublished() >= PUBLISH_EVERY) {
            publish(lane, receiver);
        } else if (!listed[receiver.id()]) {
            listed[receiver.id()] = true;
            pending[pendingCount++] = receiver;
        }
        return true;
    }

    /** Publishes every lane that holds unpublished events and wakes their receivers: at the end of an iteration. */
    void flush() {
        int n = pendingCount;
        if (n == 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            Receiver receiver = pending[i];
            pending[i] = null;
            listed[receiver.id()] = false;
            publish(receiver.lanes().laneFrom(sender), receiver);
        }
        pendingCount = 0;
    }

    /** @return how many receivers' lanes may hold unpublished events (until the next {@link #flush()}) */
    int pendingReceivers() {
        return pendingCount;
    }

    /** A reactor that events can be sent to through lanes. */
    interface Receiver {

        /** @return the receiving reactor's id */
        int id();

        /** @return the lanes into the receiving reactor */
        LaneInbox lanes();

        /**
         * Any thread, after a publication into one of its lanes: makes sure the receiver iterates soon (the wake-up
         * handshake: only the first publication that finds no iteration scheduled posts one).
         */
        void wakeForLane();
    }

    private static void publish(SpscLane<Object> lane, Receiver receiver) {
        if (lane.publish()) {
            // The lane's release store and the read of the receiver's wake-up flag in wakeForLane() must not be
            // reordered (store-load): otherwise this side could read a stale "iteration scheduled" while the receiver,
            // having cleared the flag, reads a lane that does not show the events yet, and both would go to sleep.
            VarHandle.fullFence();
            receiver.wakeForLane();
        }
    }
}
