package io.quarkiverse.reactors;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs each record of a Kafka {@code @Incoming} channel on the reactor that owns its partition: partition
 * {@code p} of the channel belongs to reactor {@code p mod count}. Records of one partition run one at a time
 * in offset order (a {@code Uni} or {@code CompletionStage} result finishes before the next record of that
 * partition starts); records of different partitions of one reactor interleave in arrival order, and
 * different reactors run in parallel.
 *
 * <pre>
 * &#64;Incoming("orders")
 * &#64;Partitioned
 * void apply(Order order) {
 *     shard.apply(order);
 * } // on the reactor owning the record's partition
 * </pre>
 *
 * The record is acked when the method completes and nacked when it throws or its result fails, so the
 * connector's commit strategy commits processed offsets only (at-least-once) and its failure strategy
 * decides what a failure does. The method takes the payload, the {@code Message}, or the Kafka
 * {@code ConsumerRecord}, and returns {@code void}, {@code Uni} or {@code CompletionStage}; it must not
 * block. Needs {@code quarkus-messaging-kafka}; see the "Beyond one machine" guide.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Partitioned {
}
