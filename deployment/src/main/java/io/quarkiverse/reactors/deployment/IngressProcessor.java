package io.quarkiverse.reactors.deployment;

import io.quarkiverse.reactors.runtime.IngressRecorder;
import io.quarkiverse.reactors.runtime.ReactorsBuildTimeConfig;
import io.quarkiverse.reactors.runtime.ReactorsEndpointRecorder;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.ApplicationStartBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.builditem.ShutdownContextBuildItem;
import io.quarkus.vertx.http.deployment.spi.RouteBuildItem;

/**
 * Zero-hop ingress: the shard ports ({@code quarkus.reactors.http.shard-port-base}) and {@code GET /q/reactors/shards}.
 */
class IngressProcessor {

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    ShardIngressBuildItem ingress(IngressRecorder recorder, ReactorsBuildItem reactors, Capabilities capabilities) {
        return new ShardIngressBuildItem(recorder.ingress(reactors.reactors(), capabilities.isPresent(Capability.VERTX_HTTP)));
    }

    /**
     * Binds the shard ports after every service started ({@link ApplicationStartBuildItem}), when Quarkus' router is
     * final; the shard ports serve through the same root handler as the main port.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void listen(IngressRecorder recorder, ShardIngressBuildItem ingress, ApplicationStartBuildItem started,
            LaunchModeBuildItem launchMode, ShutdownContextBuildItem shutdown, Capabilities capabilities) {
        if (capabilities.isPresent(Capability.VERTX_HTTP)) {
            recorder.listen(ingress.ingress(), launchMode.getLaunchMode(), shutdown);
        }
    }

    /** {@code GET /q/reactors/shards}: next to {@code /q/reactors}, on the management interface when enabled. */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void shardsEndpoint(ReactorsBuildTimeConfig config, Capabilities capabilities, IngressRecorder recorder,
            ReactorsEndpointRecorder endpoint, ShardIngressBuildItem ingress, BuildProducer<RouteBuildItem> routes) {
        if (!config.endpoint().enabled() || !capabilities.isPresent(Capability.VERTX_HTTP)) {
            return;
        }
        routes.produce(RouteBuildItem.newManagementRoute("reactors/shards")
                .withRouteCustomizer(endpoint.getOnly())
                .withRequestHandler(recorder.shardsHandler(ingress.ingress()))
                .displayOnNotFoundPage("Reactor shards and key map")
                .build());
    }
}
