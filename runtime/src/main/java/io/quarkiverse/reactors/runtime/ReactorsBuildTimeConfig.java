package io.quarkiverse.reactors.runtime;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Quarkus Reactors: what the build wires in for operations.
 */
@ConfigMapping(prefix = "quarkus.reactors")
@ConfigRoot(phase = ConfigPhase.BUILD_AND_RUN_TIME_FIXED)
public interface ReactorsBuildTimeConfig {

    /**
     * The read-only JSON endpoint {@code /q/reactors}.
     */
    Endpoint endpoint();

    /**
     * The readiness check.
     */
    Health health();

    /**
     * The meters.
     */
    Metrics metrics();

    /** The JSON endpoint. */
    interface Endpoint {

        /**
         * Whether to serve the reactors' and pollers' stats as JSON at {@code /q/reactors} and
         * {@code /q/reactors/pollers} (on the management interface when it is enabled, else on the main HTTP
         * server under the non-application root). GET only.
         */
        @WithDefault("true")
        boolean enabled();
    }

    /** The readiness check. */
    interface Health {

        /**
         * Whether to add a readiness check, when {@code quarkus-smallrye-health} is present, that is DOWN while
         * a reactor is stalled longer than {@code quarkus.reactors.stall-threshold}.
         */
        @WithDefault("true")
        boolean enabled();
    }

    /** The meters. */
    interface Metrics {

        /**
         * Whether to publish per-reactor and per-poller meters, when {@code quarkus-micrometer} is present.
         */
        @WithDefault("true")
        boolean enabled();
    }
}
