/**
 * {@code @Partitioned} Kafka channels: records dispatched to the reactor owning their partition, acked after
 * processing, drained before a rebalance or shutdown takes their partitions away. Loaded only when the
 * application has {@code quarkus-messaging-kafka}; the deployment processor checks before wiring anything here.
 */
package io.quarkiverse.reactors.runtime.internal.kafka;
