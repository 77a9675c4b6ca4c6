package io.quarkiverse.reactors.runtime;

import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.runtime.internal.ingress.ShardIngress;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Shard-aware ingress: reads {@code quarkus.reactors.http.shard-port-base}, binds the shard ports once the
 * application has started, and serves {@code GET /q/reactors/shards}.
 */
@Recorder
public class IngressRecorder {

    private final RuntimeValue<ReactorsConfig> config;

    public IngressRecorder(RuntimeValue<ReactorsConfig> config) {
        this.config = config;
    }

    /** Checks the shard port range against the reactor count; binds nothing yet. */
    public RuntimeValue<ShardIngress> ingress(RuntimeValue<Reactors> reactors, boolean httpPresent) {
        return new RuntimeValue<>(
                ShardIngress.create(reactors.getValue(), config.getValue().http().shardPortBase(), httpPresent));
    }

    /** Binds the shard ports (when configured) to the application router; closes them at shutdown. */
    public void listen(RuntimeValue<ShardIngress> ingress, LaunchMode mode, ShutdownContext shutdown) {
        ShardIngress shards = ingress.getValue();
        if (!shards.enabled()) {
            return;
        }
        shutdown.addShutdownTask(shards::close);
        shards.listen(mode);
    }

    /** Read-only: the reactor count, the key map's hash and the shard ports. */
    public Handler<RoutingContext> shardsHandler(RuntimeValue<ShardIngress> ingress) {
        return ctx -> ctx.response()
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(ingress.getValue().describe().encodePrettily());
    }
}
