package io.quarkiverse.reactors.runtime;

import java.util.function.Consumer;
import java.util.function.Function;

import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.runtime.internal.kafka.PartitionedJson;
import io.quarkiverse.reactors.runtime.internal.ops.ReactorWatchdog;
import io.quarkiverse.reactors.runtime.internal.ops.StatsJson;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

/**
 * The read-only JSON endpoint: {@code GET /q/reactors} (with a {@code partitioned} section when the application has
 * {@code @Partitioned} Kafka channels) and {@code GET /q/reactors/pollers}. It only reads
 * stats snapshots; nothing it serves sends an event to a reactor, so it answers even when a reactor is stuck.
 */
@Recorder
public class ReactorsEndpointRecorder {

    /** Read-only: the route answers GET alone, so other methods get 405. */
    public Consumer<Route> getOnly() {
        return route -> route.method(HttpMethod.GET);
    }

    public Handler<RoutingContext> reactorsHandler(RuntimeValue<Reactors> reactors, RuntimeValue<ReactorWatchdog> monitor) {
        return json(r -> PartitionedJson.addTo(StatsJson.reactors(r, monitor.getValue())), reactors);
    }

    public Handler<RoutingContext> pollersHandler(RuntimeValue<Reactors> reactors) {
        return json(StatsJson::pollers, reactors);
    }

    private static Handler<RoutingContext> json(Function<Reactors, JsonObject> body, RuntimeValue<Reactors> reactors) {
        return ctx -> ctx.response()
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(body.apply(reactors.getValue()).encodePrettily());
    }
}
