package io.quarkiverse.reactors.runtime.internal.kafka;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/**
 * Pauses and resumes, at the Kafka consumers of one channel, the partitions that one reactor owns, so that a full
 * reactor stops its own partitions' fetching and leaves the other reactors' partitions flowing.
 * <p>
 * Threads: {@link #pause} and {@link #resume} are called on the channel's dispatching context; the Kafka calls run
 * later on each consumer's polling thread ({@code runOnPollingThread}), never on a reactor. {@link #paused} is read
 * from any thread.
 */
final class PartitionPauser {

    private static final Logger LOG = Logger.getLogger(PartitionPauser.class);

    private final String channel;
    private final IntUnaryOperator ownerOf;
    /** 1 while reactor i's partitions are paused (asked to be); read by stats. */
    private final AtomicIntegerArray paused;
    // Written on the dispatching context only (single writer), read by stats.
    private volatile long pauses;

    PartitionPauser(String channel, int reactors, IntUnaryOperator ownerOf) {
        this.channel = channel;
        this.ownerOf = ownerOf;
        this.paused = new AtomicIntegerArray(reactors);
    }

    /** Pauses the assigned partitions owned by {@code reactor}, unless they are paused already. */
    void pause(int reactor) {
        if (paused.get(reactor) == 1) {
            return;
        }
        paused.set(reactor, 1);
        pauses++;
        for (KafkaConsumer<Object, Object> consumer : consumers()) {
            consumer.runOnPollingThread(kafka -> {
                kafka.pause(owned(kafka.assignment(), reactor));
            }).subscribe().with(ignored -> {
            }, failure -> LOG.warnf(failure, "Pausing the partitions of reactor %d on channel %s failed", reactor,
                    channel));
        }
    }

    /** Resumes the partitions owned by {@code reactor} that are paused. */
    void resume(int reactor) {
        if (paused.get(reactor) == 0) {
            return;
        }
        paused.set(reactor, 0);
        for (KafkaConsumer<Object, Object> consumer : consumers()) {
            consumer.runOnPollingThread(kafka -> {
                kafka.resume(owned(kafka.paused(), reactor));
            }).subscribe().with(ignored -> {
            }, failure -> LOG.warnf(failure, "Resuming the partitions of reactor %d on channel %s failed", reactor,
                    channel));
        }
    }

    boolean isPaused(int reactor) {
        return paused.get(reactor) == 1;
    }

    long pauses() {
        return pauses;
    }

    private Set<TopicPartition> owned(Set<TopicPartition> partitions, int reactor) {
        return partitions.stream().filter(p -> ownerOf.applyAsInt(p.partition()) == reactor).collect(Collectors.toSet());
    }

    private List<KafkaConsumer<Object, Object>> consumers() {
        return Arc.container().instance(KafkaClientService.class).get().getConsumers(channel);
    }
}
