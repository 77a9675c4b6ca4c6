package io.quarkiverse.reactors.deployment;

import java.util.Optional;

import jakarta.inject.Singleton;

import io.quarkiverse.reactors.runtime.ReactorsBuildTimeConfig;
import io.quarkiverse.reactors.runtime.ReactorsEndpointRecorder;
import io.quarkiverse.reactors.runtime.ReactorsHealthCheck;
import io.quarkiverse.reactors.runtime.ReactorsRecorder;
import io.quarkiverse.reactors.runtime.internal.ops.ReactorWatchdog;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.ShutdownContextBuildItem;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.deployment.metrics.MetricsFactoryConsumerBuildItem;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.metrics.MetricsFactory;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;
import io.quarkus.vertx.http.deployment.spi.RouteBuildItem;

/**
 * What operators see: the watchdog thread, the JSON endpoint, the readiness check and the meters. The
 * readiness check and the meters are wired only when their extensions are present; this extension depends on
 * neither.
 */
class OperationsProcessor {

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    MonitorBuildItem monitor(ReactorsRecorder recorder, ReactorsBuildItem reactors, ShutdownContextBuildItem shutdown,
            BuildProducer<SyntheticBeanBuildItem> beans) {
        RuntimeValue<ReactorWatchdog> monitor = recorder.monitor(reactors.reactors(), shutdown);
        beans.produce(SyntheticBeanBuildItem.configure(ReactorWatchdog.class)
                .scope(Singleton.class)
                .unremovable()
                .setRuntimeInit()
                .runtimeValue(monitor)
                .done());
        return new MonitorBuildItem(monitor);
    }

    /**
     * {@code GET /q/reactors} and {@code GET /q/reactors/pollers}, on the management interface when enabled, else
     * under the non-application root. Through the HTTP SPI: without an HTTP server nobody consumes the routes.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void endpoint(ReactorsBuildTimeConfig config, Capabilities capabilities, ReactorsEndpointRecorder recorder,
            ReactorsBuildItem reactors, MonitorBuildItem monitor, BuildProducer<RouteBuildItem> routes) {
        if (!config.endpoint().enabled() || !capabilities.isPresent(Capability.VERTX_HTTP)) {
            return;
        }
        routes.produce(RouteBuildItem.newManagementRoute("reactors")
                .withRouteCustomizer(recorder.getOnly())
                .withRequestHandler(recorder.reactorsHandler(reactors.reactors(), monitor.monitor()))
                .displayOnNotFoundPage("Reactors")
                .build());
        routes.produce(RouteBuildItem.newManagementRoute("reactors/pollers")
                .withRouteCustomizer(recorder.getOnly())
                .withRequestHandler(recorder.pollersHandler(reactors.reactors()))
                .displayOnNotFoundPage("Reactor pollers")
                .build());
    }

    @BuildStep
    HealthBuildItem readiness(ReactorsBuildTimeConfig config) {
        return new HealthBuildItem(ReactorsHealthCheck.class.getName(), config.health().enabled());
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void meters(ReactorsBuildTimeConfig config, Capabilities capabilities, Optional<MetricsCapabilityBuildItem> metrics,
            ReactorsRecorder recorder, ReactorsBuildItem reactors, MonitorBuildItem monitor,
            BuildProducer<MetricsFactoryConsumerBuildItem> consumers) {
        if (micrometerOn(config, capabilities, metrics)) {
            consumers.produce(new MetricsFactoryConsumerBuildItem(recorder.meters(reactors.reactors(), monitor.monitor())));
        }
    }

    /** Whether the reactors publish meters: {@code quarkus.reactors.metrics.enabled} and Micrometer present. */
    static boolean micrometerOn(ReactorsBuildTimeConfig config, Capabilities capabilities,
            Optional<MetricsCapabilityBuildItem> metrics) {
        return config.metrics().enabled() && capabilities.isPresent(Capability.METRICS) && metrics.isPresent()
                && metrics.get().metricsSupported(MetricsFactory.MICROMETER);
    }
}
