package io.quarkiverse.reactors.runtime.internal.events;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The receiving side of the lanes into one reactor: one {@link SpscLane} per sending reactor, made by that sender on
 * its first event to this reactor (pairs that never talk cost nothing). Foreign threads do not use lanes: they keep
 * the reactor's bounded MPSC queue.
 * <p>
 * Threading: {@link #laneFrom(int)} only from sending reactor {@code sender}'s thread (so each slot has one writer);
 * {@link #drain} only from the receiving reactor's thread (or, once its loop terminated for good, from the one
 * thread that abandons what is left); {@link #isEmpty()}, {@link #depth()} and {@link #published()} from any
 * thread.
 */
final class LaneInbox {

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(SpscLane[].class);

    /** Index: the sending reactor's id. A slot is written once, by its sender, with a release store. */
    private final SpscLane<?>[] lanes;
    private final int capacity;
    /** Where the next drain starts, so that no lane is always served first (receiver only). */
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
            // Released: the receiver, reading the slot with an acquire load, sees the lane fully constructed.
            SLOTS.setRelease(lanes, sender, lane);
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
        SpscLane<?>[] all = lanes;
        int n = all.length;
        int first = start;
        start = first + 1 == n ? 0 : first + 1;
        int ran = 0;
        for (int k = 0, i = first; k < n && ran < budget; k++, i = i + 1 == n ? 0 : i + 1) {
            SpscLane<Object> lane = (SpscLane<Object>) SLOTS.getAcquire(all, i);
            if (lane != null) {
                int took = lane.drain(sink, Math.min(quota, budget - ran));
                if (took > 0) {
                    ran += took;
                    int depth = took + lane.backlog();
                    if (depth > deepest) {
                        deepest = depth;
                    }
                }
            }
        }
        return ran;
    }

    /** Receiver only. @return the deepest lane seen by the drains since the last call (0: none), then forgets it */
    int takeDeepest() {
        int d = deepest;
        deepest = 0;
        return d;
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
