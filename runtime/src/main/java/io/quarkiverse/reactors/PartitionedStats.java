package io.quarkiverse.reactors;

import java.util.List;

/**
 * A snapshot of one {@link Partitioned} channel's counters on this instance. Immutable; any thread.
 *
 * @param channel the {@code @Incoming} channel
 * @param method the consuming method, {@code Class#method}
 * @param dispatched records handed to a reactor
 * @param completed records whose method completed (acked)
 * @param failed records whose method threw or whose result failed (nacked)
 * @param pauses how many times dispatch stopped because a reactor had {@code max-in-flight} records or a full
 *        queue (the connector's demand stops until it drains)
 * @param pausedNanos total time dispatch was stopped
 * @param paused whether dispatch is stopped now
 * @param inFlight per reactor, records dispatched to it and not yet completed
 * @param partitions per reactor, the partitions ({@code topic-partition}) whose records ran on it on this instance,
 *        sorted; a partition revoked by a rebalance stays listed
 */
public record PartitionedStats(String channel, String method, long dispatched, long completed, long failed, long pauses,
        long pausedNanos, boolean paused, List<Integer> inFlight, List<List<String>> partitions) {
}
