package io.quarkiverse.reactors;

import java.util.List;

/**
 * The {@link Partitioned} channels of this instance, for stats. A bean present when the application has
 * {@code quarkus-messaging-kafka}: {@code @Inject Partitions partitions;}. Thread-safe.
 */
public interface Partitions {

    /** @return a snapshot of every {@code @Partitioned} channel's counters, by channel name */
    List<PartitionedStats> stats();
}
