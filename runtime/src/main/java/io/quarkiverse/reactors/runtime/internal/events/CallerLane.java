package io.quarkiverse.reactors.runtime.internal.events;

/**
 * One sending reactor's way into one receiver: its lane into that receiver, with the sender's thread and
 * {@link LaneOutbox}. It is the entry of the receiver's {@link CallerLanes}, so that a send that found its entry
 * there reaches the lane with one load, not through the outbox and the outbox's lanes (see {@link CallerLanes} for
 * what that chain of loads costs). A record beside the lane rather than a subclass of it: with {@link SpscLane} no
 * longer final, B2's spinning round trip was slower in eight alternating pairs of JVMs out of eight (JMH mean 1.02-1.22
 * µs against 0.82-1.01), for no cause found in the lane's layout.
 * <p>
 * Made once per (sender, receiver) pair, on the sender's thread ({@link LaneOutbox#laneTo}); its final fields make it
 * safe to read from other threads through the racy table. Only the owner offers into the lane.
 *
 * @param owner the sending reactor's thread; null for an outbox that no thread owns (never found in the table)
 * @param outbox the sending reactor's outbox, which publishes the lane
 * @param lane the lane from that reactor into the receiver
 */
record CallerLane(Thread owner, LaneOutbox outbox, SpscLane<Object> lane) {
}
