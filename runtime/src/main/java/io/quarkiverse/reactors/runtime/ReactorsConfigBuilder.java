package io.quarkiverse.reactors.runtime;

import io.quarkiverse.reactors.runtime.internal.placement.EventLoopPoolSizeSource;
import io.quarkus.runtime.configuration.ConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Adds the config source that makes the Vert.x event-loop pool as large as the reactor count, unless
 * the user configured the pool size. Registered at build time for the runtime configuration.
 */
public class ReactorsConfigBuilder implements ConfigBuilder {

    @Override
    public SmallRyeConfigBuilder configBuilder(SmallRyeConfigBuilder builder) {
        return builder.withSources(new EventLoopPoolSizeSource());
    }
}
