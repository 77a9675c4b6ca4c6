package io.quarkiverse.reactors.runtime;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.runtime.internal.ops.ReactorWatchdog;

/**
 * Readiness: DOWN while a reactor that has work has begun no event and completed no loop iteration for longer
 * than {@code quarkus.reactors.stall-threshold}. Registered only when {@code quarkus-smallrye-health} is present
 * (and {@code quarkus.reactors.health.enabled} is not false). Reads what the watchdog thread saw: it never
 * sends anything to a reactor, so it answers even when every reactor is stuck.
 */
@Readiness
@ApplicationScoped
public class ReactorsHealthCheck implements HealthCheck {

    @Inject
    Reactors reactors;

    @Inject
    ReactorWatchdog monitor;

    @Override
    public HealthCheckResponse call() {
        List<ReactorWatchdog.Stall> stalls = monitor.stalls();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Reactors").status(stalls.isEmpty())
                .withData("reactors", reactors.count());
        for (ReactorWatchdog.Stall stall : stalls) {
            response.withData("reactor " + stall.reactor(), "stalled: " + stall.thread() + " has made no progress for "
                    + TimeUnit.NANOSECONDS.toMillis(stall.stuckNanos()) + " ms, stuck in " + stall.where());
        }
        return response.build();
    }
}
