package io.quarkiverse.reactors.runtime.internal.kafka;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.runtime.ReactorsConfig;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InjectableBean;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.metrics.MetricsFactory;

/**
 * Registers the {@code @Partitioned} channels at runtime init. Called once per channel on the startup thread. The
 * registration is not removed at shutdown: the connector's commit handler drains through it while ArC shuts
 * down. A restart (dev mode) first forgets the channels it no longer has ({@link #startRegistrations}), then
 * registers each channel again under its name.
 */
@Recorder
public class PartitionedRecorder {

    private static final String PARTITION_MAP = "quarkus.reactors.kafka.partition-map.";

    private final RuntimeValue<ReactorsConfig> config;

    public PartitionedRecorder(RuntimeValue<ReactorsConfig> config) {
        this.config = config;
    }

    /**
     * Before this start registers its channels: forgets those of an earlier start (dev mode) that it does not have.
     *
     * @param channels this start's {@code @Partitioned} channels, possibly none
     */
    public void startRegistrations(List<String> channels) {
        PartitionedChannels.retainOnly(channels);
    }

    public void register(RuntimeValue<Reactors> reactors, RuntimeValue<PartitionedInvoker> invoker, String beanId,
            String channel, String description) {
        ArcContainer container = Arc.container();
        InjectableBean<?> bean = container.bean(beanId);
        ReactorsConfig.Kafka kafka = config.getValue().kafka();
        String map = kafka.partitionMap().get(channel);
        int count = reactors.getValue().count();
        PartitionMap owners = map == null ? PartitionMap.modulo(count)
                : PartitionMap.parse(PARTITION_MAP + "\"" + channel + "\"", map, count);
        PartitionedChannels.register(new PartitionedChannel(channel, description, reactors.getValue(),
                invoker.getValue(), container.instance(bean).get(), kafka.maxInFlight(), owners));
    }

    /** Publishes the channels' meters through Quarkus' metrics SPI (Micrometer): {@link PartitionedMeters}. */
    public Consumer<MetricsFactory> meters(RuntimeValue<Reactors> reactors, List<String> channels) {
        return factory -> PartitionedMeters.register(factory, channels, reactors.getValue().count());
    }

    /**
     * Fails startup when {@code partition-map} names a channel that has no {@code @Partitioned} method: a typo
     * there would otherwise leave the channel on {@code partition mod count} without a word.
     */
    public void checkPartitionMap(List<String> channels) {
        List<String> unknown = config.getValue().kafka().partitionMap().keySet().stream()
                .filter(channel -> !channels.contains(channel)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(unknown.stream().map(c -> PARTITION_MAP + "\"" + c + "\"")
                    .collect(Collectors.joining(", ")) + " names a channel without a @Partitioned method; the"
                    + " @Partitioned channels are " + channels + ". Fix the channel name or remove the key.");
        }
    }
}
