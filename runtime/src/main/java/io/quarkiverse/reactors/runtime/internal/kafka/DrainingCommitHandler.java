package io.quarkiverse.reactors.runtime.internal.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.TopicPartition;

import io.quarkiverse.reactors.runtime.ReactorsConfig;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.commit.ContextHolder;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.vertx.mutiny.core.Context;
import io.vertx.mutiny.core.Vertx;

/**
 * SmallRye's {@code throttled} commit strategy (commit the highest offset below which every record was acked),
 * with one change: before partitions are revoked, and before the channel closes, it waits for the records
 * already dispatched to reactors from those partitions to be acked, so that the commit made then covers them
 * and the next owner starts at the first unprocessed offset. The deployment processor makes it the default
 * {@code commit-strategy} of {@code @Partitioned} channels.
 * <p>
 * Threads: as the wrapped handler. The revocation and termination callbacks run on Kafka's polling thread,
 * which may block; they never run on a reactor.
 */
public final class DrainingCommitHandler extends ContextHolder implements KafkaCommitHandler {

    /** The {@code commit-strategy} name. */
    public static final String STRATEGY = "reactors-drain";

    private final KafkaCommitHandler delegate;
    private final String channel;
    private final Duration timeout;

    DrainingCommitHandler(KafkaCommitHandler delegate, String channel, Duration timeout, Vertx vertx) {
        super(vertx, (int) timeout.toMillis());
        this.delegate = delegate;
        this.channel = channel;
        this.timeout = timeout;
    }

    /** The connector hands its context to handlers that hold one; the wrapped handler needs it. */
    @Override
    public void capture(Context context) {
        super.capture(context);
        if (delegate instanceof ContextHolder holder) {
            holder.capture(context);
        }
    }

    @Override
    public void capture(io.vertx.core.Context context) {
        super.capture(context);
        if (delegate instanceof ContextHolder holder) {
            holder.capture(context);
        }
    }

    @Override
    public <K, V> Multi<IncomingKafkaRecord<K, V>> decorateStream(Multi<IncomingKafkaRecord<K, V>> consumed) {
        return delegate.decorateStream(consumed);
    }

    @Override
    public <K, V> Uni<IncomingKafkaRecord<K, V>> received(IncomingKafkaRecord<K, V> record) {
        return delegate.received(record);
    }

    @Override
    public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
        return delegate.handle(record);
    }

    @Override
    public void partitionsAssigned(Collection<TopicPartition> partitions) {
        delegate.partitionsAssigned(partitions);
    }

    @Override
    public void partitionsRevoked(Collection<TopicPartition> partitions) {
        PartitionedChannel partitioned = PartitionedChannels.get(channel);
        if (partitioned != null) {
            partitioned.awaitAcked(partitions, timeout);
        }
        delegate.partitionsRevoked(partitions);
    }

    @Override
    public void terminate(boolean graceful) {
        PartitionedChannel partitioned = PartitionedChannels.get(channel);
        if (partitioned != null && graceful) {
            partitioned.awaitAcked(partitioned.partitions(), timeout);
        }
        delegate.terminate(graceful);
    }

    /** Creates the handler of a channel around SmallRye's {@code throttled} one. */
    @ApplicationScoped
    @Identifier(STRATEGY)
    public static class Factory implements KafkaCommitHandler.Factory {

        @Inject
        @Identifier(KafkaCommitHandler.Strategy.THROTTLED)
        KafkaCommitHandler.Factory throttled;

        @Inject
        ReactorsConfig config;

        @Override
        public KafkaCommitHandler create(KafkaConnectorIncomingConfiguration configuration, Vertx vertx,
                KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
            return new DrainingCommitHandler(throttled.create(configuration, vertx, consumer, reportFailure),
                    configuration.getChannel(), config.kafka().drainTimeout(), vertx);
        }
    }
}
