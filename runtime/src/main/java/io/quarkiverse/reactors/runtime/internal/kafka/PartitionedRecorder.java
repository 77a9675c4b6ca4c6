package io.quarkiverse.reactors.runtime.internal.kafka;

import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.runtime.ReactorsConfig;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InjectableBean;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Registers the {@code @Partitioned} channels at runtime init. Called once per channel on the startup thread. The
 * registration is not removed at shutdown: the connector's commit handler drains through it while ArC shuts
 * down, and a restart (dev mode) registers each channel again under its name.
 */
@Recorder
public class PartitionedRecorder {

    private final RuntimeValue<ReactorsConfig> config;

    public PartitionedRecorder(RuntimeValue<ReactorsConfig> config) {
        this.config = config;
    }

    public void register(RuntimeValue<Reactors> reactors, RuntimeValue<PartitionedInvoker> invoker, String beanId,
            String channel, String description) {
        ArcContainer container = Arc.container();
        InjectableBean<?> bean = container.bean(beanId);
        PartitionedChannels.register(new PartitionedChannel(channel, description, reactors.getValue(),
                invoker.getValue(), container.instance(bean).get(), config.getValue().kafka().maxInFlight()));
    }
}
