package io.quarkiverse.reactors.runtime.internal.placement;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Supplies {@code quarkus.vertx.event-loops-pool-size = quarkus.reactors.count} (or the number of CPUs in
 * {@code quarkus.reactors.cores}, or the number of available processors) as a low-ordinal default, so
 * that reactor {@code i} exists for every event loop {@code i} while a value the user set anywhere
 * (properties, environment, system properties) wins.
 */
public final class EventLoopPoolSizeSource implements ConfigSourceFactory {

    static final String EVENT_LOOPS_POOL_SIZE = "quarkus.vertx.event-loops-pool-size";
    static final String REACTORS_COUNT = "quarkus.reactors.count";
    /** Above the built-in defaults, below every source a user writes to (application.properties is 250). */
    static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue count = context.getValue(REACTORS_COUNT);
        ConfigValue cores = context.getValue(Placement.CORES);
        String size;
        if ((count == null || count.getValue() == null) && cores != null && cores.getValue() != null) {
            try {
                // One reactor per listed CPU; the startup checks of the list report a bad one.
                size = String.valueOf(CpuList.parse(Placement.CORES, cores.getValue()).length);
            } catch (IllegalArgumentException e) {
                return List.of();
            }
        } else if (count == null || count.getValue() == null) {
            size = String.valueOf(Runtime.getRuntime().availableProcessors());
        } else {
            try {
                int reactors = Integer.parseInt(count.getValue().trim());
                if (reactors < 1) {
                    // Vert.x would refuse the pool size first, naming its own setting; the extension's startup
                    // check reports quarkus.reactors.count, with every other problem.
                    return List.of();
                }
                size = String.valueOf(reactors);
            } catch (NumberFormatException e) {
                // The reactors config mapping reports the bad value, naming quarkus.reactors.count.
                return List.of();
            }
        }
        return List.of(new MapBackedConfigSource("quarkus-reactors: one Vert.x event loop per reactor",
                Map.of(EVENT_LOOPS_POOL_SIZE, size), ORDINAL) {
            private static final long serialVersionUID = 1L;
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
