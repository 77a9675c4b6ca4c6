package io.quarkiverse.reactors.runtime.internal.kafka;

import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * One record on its way to, or running on, the reactor that owns its partition. Immutable; created on the
 * connector's thread and handed to the reactor through its event queue.
 */
record PartitionedRecord(Message<?> message, TopicPartition partition, int reactor) {
}
