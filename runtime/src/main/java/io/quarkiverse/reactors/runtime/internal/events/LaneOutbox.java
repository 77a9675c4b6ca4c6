package io.quarkiverse.reactors.runtime.internal.events;

import java.lang.invoke.VarHandle;
import java.util.function.BiConsumer;

/**
 * The sending side of one reactor's lanes: which of its lanes into other reactors hold events it offered but has not
 * published yet. A send made inside the reactor's iteration is only written into the lane; the reactor publishes all
 * of them at the end of the iteration ({@link #flush()}), or a lane as soon as {@link #PUBLISH_EVERY} events (a quarter
 * of a smaller lane, at least 64) wait in it, so a burst of sends costs one ordered store and at most one wake-up per receiver,
 * not one per
 * event. A send
 * made outside an iteration (an HTTP handler, a Vert.x callback on the reactor's event loop) is published at once:
 * nothing else would publish it before the loop goes idle. The owner marks its iteration with
 * {@link #holdPublication()} at the start and {@link #flush()} at the end (in a {@code finally}).
 * <p>
 * Not thread-safe: owned by the sending reactor's thread.
 */
public final class LaneOutbox {

    /**
     * A lane is published once this many events wait in it unpublished, even mid-iteration: as many as a receiver
     * takes in one batch at the default {@code batch-size}. Measured on B1 (2-vCPU Xeon, quiet): publishing every 64
     * gave 34 M events/s, every 256 29-41, every 1024 45-57; between publications the receiver drains what it has
     * while the sender writes slots on cache lines the receiver is not touching. A lane smaller than four times
     * this publishes at a quarter of its capacity (but not before {@link #PUBLISH_EVERY_SMALL_LANE}), so that a
     * sender does not fill a lane that the receiver cannot see yet.
     */
    static final int PUBLISH_EVERY = 1024;
    /** The mid-iteration threshold of the smallest lanes (a {@code queue-capacity} of 256 or less). */
    static final int PUBLISH_EVERY_SMALL_LANE = 64;

    /**
     * This sender's way into each receiver (by id): its lane, looked up in the receiver's inbox on first use only, with
     * this outbox and its owner ({@link CallerLane}, what the receiver's {@link CallerLanes} hands back to a send).
     */
    private final CallerLane[] lanes;
    /** Receivers (by id) whose lanes may hold unpublished events. */
    private final Receiver[] pending;
    private final boolean[] listed;
    private int pendingCount;
    private final int sender;
    /** Whether the owner's iteration runs, so that sends wait for its {@link #flush()}. */
    private boolean holding;
    /**
     * The sending reactor's thread, set once on that thread before it sends ({@link #bindOwner}); null for an outbox
     * that no thread owns (a test's), whose lanes {@link CallerLanes} then never hands out from its table.
     */
    private Thread owner;

    /**
     * @param sender the sending reactor's id
     * @param reactors how many reactors the group has
     */
    public LaneOutbox(int sender, int reactors) {
        this.sender = sender;
        this.lanes = new CallerLane[reactors];
        this.pending = new Receiver[reactors];
        this.listed = new boolean[reactors];
    }

    /** @return the sending reactor's id */
    public int sender() {
        return sender;
    }

    /** On the sending reactor's thread, once, before it sends: the thread that owns this outbox. */
    public void bindOwner(Thread thread) {
        owner = thread;
    }

    /** @return the thread that owns this outbox, or null before {@link #bindOwner} */
    Thread owner() {
        return owner;
    }

    /** The owner's iteration begins: sends wait in their lanes until {@link #flush()}. */
    public void holdPublication() {
        holding = true;
    }

    /**
     * Writes {@code event} into {@code lane}, this sender's lane to {@code receiver} ({@link #laneTo}); publishes it
     * now unless the owner's iteration runs, or when the lane's unpublished events reach {@link #PUBLISH_EVERY}, and
     * wakes the receiver whenever it publishes.
     *
     * @return false if the lane is full: the event was not queued (what was unpublished is published, and the
     *         receiver woken, so that it makes room)
     */
    boolean offer(Receiver receiver, SpscLane<Object> lane, Object event) {
        return offered(receiver, lane, lane.offer(event));
    }

    /**
     * {@link #offer(Receiver, SpscLane, Object)} for {@code task.accept(a, b)}, written into the lane in place: no
     * event object.
     *
     * @return false if the lane is full, as {@link #offer(Receiver, SpscLane, Object)}
     */
    boolean offer(Receiver receiver, SpscLane<Object> lane, BiConsumer<?, ?> task, Object a, Object b) {
        return offered(receiver, lane, lane.offer(task, a, b));
    }

    /** After an offer into {@code lane}: publishes now, at the threshold, or lists the lane for {@link #flush()}. */
    private boolean offered(Receiver receiver, SpscLane<Object> lane, boolean accepted) {
        if (!accepted) {
            publish(lane, receiver);
            return false;
        }
        if (!holding) {
            publish(lane, receiver);
            return true;
        }
        int unpublished = lane.unpublished();
        if (unpublished >= publishThreshold(lane)) {
            publish(lane, receiver);
        } else if (unpublished == 1 && !listed[receiver.id()]) {
            // The first unpublished event since the last publication: only then can the lane be missing from the list.
            listed[receiver.id()] = true;
            pending[pendingCount++] = receiver;
        }
        return true;
    }

    /**
     * Publishes every lane that holds unpublished events and wakes their receivers: at the end of the owner's
     * iteration. Sends made after it are published at once, until the next {@link #holdPublication()}.
     */
    public void flush() {
        holding = false;
        int n = pendingCount;
        if (n == 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            Receiver receiver = pending[i];
            pending[i] = null;
            listed[receiver.id()] = false;
            publish(lanes[receiver.id()].lane(), receiver);
        }
        pendingCount = 0;
    }

    /** On the owner's thread only: this sender's lane into {@code receiver}, made on first use. */
    CallerLane laneTo(Receiver receiver) {
        int id = receiver.id();
        CallerLane lane = lanes[id];
        if (lane == null) {
            lane = new CallerLane(owner, this, receiver.lanes().laneFrom(sender));
            lanes[id] = lane;
        }
        return lane;
    }

    /** @return after how many unpublished events {@code lane} is published mid-iteration */
    static int publishThreshold(SpscLane<?> lane) {
        return Math.min(PUBLISH_EVERY, Math.max(PUBLISH_EVERY_SMALL_LANE, lane.capacity() >>> 2));
    }

    /** @return how many receivers' lanes may hold unpublished events (until the next {@link #flush()}) */
    public int pendingReceivers() {
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
