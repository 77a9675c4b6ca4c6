package io.quarkiverse.reactors.runtime.internal.events;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The receiving side of the lanes into one reactor: one {@link SpscLane} per sending reactor, made by that sender on
 * its first event to this reactor (pairs that never talk cost nothing). Foreign threads do not use lanes: they keep
 * the reactor's bounded MPSC queue.
 * <p>
 * Threading: {@link #laneFrom(int)} only from sending reactor {@code sender}'s thread (so each slot has one writer);
 * {@link #drain} and {@link #hasPublished()} only from the receiving reactor's thread (or, once its loop terminated for good,
 * from the one
 * thread that abandons what is left); {@link #isEmpty()}, {@link #depth()} and {@link #published()} from any
 * thread.
 */
final class LaneInbox {

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(SpscLane[].class);
    private static final VarHandle MADE;
    private static final SpscLane<?>[] NONE = new SpscLane<?>[0];

    static {
        try {
            MADE = MethodHandles.lookup().findVarHandle(LaneInbox.class, "made", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Index: the sending reactor's id. A slot is written once, by its sender, with a release store. */
    private final SpscLane<?>[] lanes;
    private final int capacity;
    /**
     * How many lanes the senders made so far: each sender adds one after publishing its lane's slot. The receiver
     * reads it on every drain (senders write it once each), and looks at the slots again only when it changed.
     */
    private int made;
    /** The lanes made so far as the receiver last collected them, without the empty slots (receiver only). */
    private SpscLane<?>[] open = NONE;
    /** The value of {@link #made} that {@link #open} holds the lanes of (receiver only). */
    private int collected;
    /** Where the next drain starts in {@link #open}, so that no lane is always served first (receiver only). */
    private int start;
    /** The deepest lane the receiver saw since the last {@link #takeDeepest()} (receiver only). */
    private int deepest;

    /**
     * @param reactors how many reactors the group has: the senders' ids are below it
     * @param capacity each lane's capacity, a power of two
     */
    LaneInbox(int reactors, int capacity) {
        this.lanes = new SpscLane<?>[reactors];
        this.capacity = capacity;
    }

    /** @return how many senders the lanes are indexed by: the group's reactors */
    int senders() {
        return lanes.length;
    }

    /** @return each lane's capacity */
    int capacity() {
        return capacity;
    }

    /** Sender {@code sender}'s thread only: its lane into this reactor, made on first use. */
    @SuppressWarnings("unchecked")
    SpscLane<Object> laneFrom(int sender) {
        SpscLane<Object> lane = (SpscLane<Object>) lanes[sender];
        if (lane == null) {
            lane = new SpscLane<>(capacity);
            // Released: the receiver, reading the slot with an acquire load, sees the lane fully constructed; and it
            // looks at the slots again once it sees the count change, which comes after the slot's store.
            SLOTS.setRelease(lanes, sender, lane);
            MADE.getAndAdd(this, 1);
        }
        return lane;
    }

    /**
     * Receiver only. Runs events from the lanes, oldest first within each lane: at most {@code quota} from each in
     * this pass, the lanes taken in turn from a start that moves on every call, and {@code budget} at most in all.
     *
     * @return how many events were handed to {@code sink}
     */
    @SuppressWarnings("unchecked")
    int drain(SpscLane.Sink<Object> sink, int quota, int budget) {
        SpscLane<?>[] all = openLanes();
        int n = all.length;
        if (n == 0) {
            return 0;
        }
        int first = start;
        if (first >= n) {
            first = 0;
        }
        start = first + 1 == n ? 0 : first + 1;
        int ran = 0;
        for (int k = 0, i = first; k < n && ran < budget; k++, i = i + 1 == n ? 0 : i + 1) {
            SpscLane<Object> lane = (SpscLane<Object>) all[i];
            int took = lane.drain(sink, Math.min(quota, budget - ran));
            if (took > 0) {
                ran += took;
                int depth = took + lane.backlog();
                if (depth > deepest) {
                    deepest = depth;
                }
            }
        }
        return ran;
    }

    /**
     * Receiver only. @return the lanes made so far; collected from the slots again only when a sender made one since
     * the last look, so that a drain reads neither the empty slots nor the slots' ordering on every iteration
     */
    private SpscLane<?>[] openLanes() {
        int now = (int) MADE.getAcquire(this);
        if (now != collected) {
            SpscLane<?>[] found = new SpscLane<?>[lanes.length];
            int n = 0;
            for (int i = 0; i < lanes.length; i++) {
                SpscLane<?> lane = (SpscLane<?>) SLOTS.getAcquire(lanes, i);
                if (lane != null) {
                    found[n++] = lane;
                }
            }
            open = Arrays.copyOf(found, n);
            // a lane made during this look is counted next time: it may have been found already, never missed
            collected = now;
        }
        return open;
    }

    /** Receiver only. @return the deepest lane seen by the drains since the last call (0: none), then forgets it */
    int takeDeepest() {
        int d = deepest;
        if (d != 0) {
            deepest = 0;
        }
        return d;
    }

    /**
     * Receiver only. @return whether a lane holds a published event that no drain took yet (reads the slot at each
     * lane's head only: {@link SpscLane#hasPublished()})
     */
    boolean hasPublished() {
        SpscLane<?>[] all = openLanes();
        for (int i = 0; i < all.length; i++) {
            if (all[i].hasPublished()) {
                return true;
            }
        }
        return false;
    }

    /** Any thread. @return whether no lane holds a published event (a snapshot) */
    boolean isEmpty() {
        for (int i = 0; i < lanes.length; i++) {
            SpscLane<?> lane = (SpscLane<?>) SLOTS.getAcquire(lanes, i);
            if (lane != null && !lane.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Any thread. @return the published events waiting in all lanes together (a snapshot) */
    int depth() {
        int depth = 0;
        for (int i = 0; i < lanes.length; i++) {
            SpscLane<?> lane = (SpscLane<?>) SLOTS.getAcquire(lanes, i);
            if (lane != null) {
                depth += lane.size();
            }
        }
        return depth;
    }

    /** Any thread. @return how many events were published into all lanes so far */
    long published() {
        long published = 0;
        for (int i = 0; i < lanes.length; i++) {
            SpscLane<?> lane = (SpscLane<?>) SLOTS.getAcquire(lanes, i);
            if (lane != null) {
                published += lane.published();
            }
        }
        return published;
    }

    /** Any thread. @return how many events the receiver took from all lanes so far */
    long consumed() {
        long consumed = 0;
        for (int i = 0; i < lanes.length; i++) {
            SpscLane<?> lane = (SpscLane<?>) SLOTS.getAcquire(lanes, i);
            if (lane != null) {
                consumed += lane.consumed();
            }
        }
        return consumed;
    }
}
