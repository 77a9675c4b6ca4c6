package io.quarkiverse.reactors.runtime.internal.kafka;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkiverse.reactors.PartitionedStats;
import io.quarkiverse.reactors.Partitions;

/**
 * The {@code @Partitioned} channels of the application, by channel name: registered by the recorder at runtime
 * init (before the connector delivers records), then read by the generated {@code @Incoming} methods and the
 * draining commit handler. Static because the generated methods reach it without injection. Thread-safe.
 */
@Singleton
public final class PartitionedChannels implements Partitions {

    private static final Map<String, PartitionedChannel> CHANNELS = new ConcurrentHashMap<>();

    static void register(PartitionedChannel channel) {
        CHANNELS.put(channel.channel(), channel);
    }

    /**
     * Forgets the channels of an earlier start that this start does not have: in dev mode this class outlives a
     * reload, and a channel whose {@code @Partitioned} method was removed would otherwise stay listed with its last
     * counts. Called at runtime init, before this start registers its channels; the earlier start's commit handlers
     * drained through the registry while it stopped, which is over by then.
     */
    static void retainOnly(Collection<String> channels) {
        CHANNELS.keySet().retainAll(channels);
    }

    /** @return the channel, or {@code null} when it is not {@code @Partitioned} */
    static PartitionedChannel get(String channel) {
        return CHANNELS.get(channel);
    }

    /** Called by the generated {@code @Incoming} method of a {@code @Partitioned} channel. */
    public static CompletionStage<Void> dispatch(String channel, Message<?> message) {
        PartitionedChannel partitioned = CHANNELS.get(channel);
        if (partitioned == null) {
            return message.nack(new IllegalStateException("The @Partitioned channel '" + channel
                    + "' received a record before the reactors were ready"));
        }
        return partitioned.dispatch(message);
    }

    @Override
    public List<PartitionedStats> stats() {
        return CHANNELS.values().stream().map(PartitionedChannel::stats)
                .sorted(Comparator.comparing(PartitionedStats::channel)).toList();
    }
}
