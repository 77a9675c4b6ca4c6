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
 * @param pauses how many times the whole channel stopped (the connector's demand) because {@code 4 × max-in-flight}
 *        records waited for one full reactor; normally 0, since a full reactor first pauses only its partitions
 * @param pausedNanos total time the channel was stopped
 * @param paused whether the channel is stopped now
 * @param inFlight per reactor, records dispatched to it and not yet completed
 * @param partitions per reactor, the partitions ({@code topic-partition}) whose records ran on it on this instance,
 *        sorted; a partition revoked by a rebalance stays listed
 * @param partitionPauses how many times a full reactor ({@code max-in-flight} records, or a full queue) had its
 *        partitions paused at Kafka
 * @param partitionsPaused per reactor, whether its partitions are paused now
 * @param waiting per reactor, records fetched before its partitions paused, waiting for it to drain
 */
public record PartitionedStats(String channel, String method, long dispatched, long completed, long failed, long pauses,
        long pausedNanos, boolean paused, List<Integer> inFlight, List<List<String>> partitions, long partitionPauses,
        List<Boolean> partitionsPaused, List<Integer> waiting) {
}
