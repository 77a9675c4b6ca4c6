package io.quarkiverse.reactors.runtime.internal.kafka;

import java.util.ArrayDeque;

/**
 * The records of one partition waiting on their reactor, so that a record whose method returned a pending
 * {@code Uni} or {@code CompletionStage} finishes before the next record of the partition starts.
 * <p>
 * Not thread-safe: owned by the reactor that owns the partition, and touched only on its thread.
 */
final class PartitionLane {

    private final ArrayDeque<PartitionedRecord> waiting = new ArrayDeque<>();
    /** A record of this lane is running or waiting for its asynchronous result. */
    boolean busy;

    void offer(PartitionedRecord record) {
        waiting.addLast(record);
    }

    PartitionedRecord poll() {
        return waiting.pollFirst();
    }
}
