package io.quarkiverse.reactors.runtime.internal.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Calls one {@code @Partitioned} method. A subclass is generated at build time for each method: a plain virtual
 * call with the payload, the message or the consumer record, so dispatch needs no reflection.
 * <p>
 * Stateless; called on reactor threads.
 */
public abstract class PartitionedInvoker {

    /**
     * @return what the method returned: {@code null} for {@code void}, else a {@code Uni} or a {@code CompletionStage}
     */
    public abstract Object invoke(Object bean, Message<?> message);

    /** The Kafka record of a message, for methods that take a {@code ConsumerRecord}. */
    public static ConsumerRecord<?, ?> record(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getRecord)
                .orElseThrow(() -> new IllegalStateException("The message has no Kafka record metadata"));
    }
}
