package io.quarkiverse.reactors.deployment;

import io.quarkiverse.reactors.runtime.internal.ingress.ShardIngress;
import io.quarkus.builder.item.SimpleBuildItem;
import io.quarkus.runtime.RuntimeValue;

/** The application's shard-aware ingress (key map and shard ports), created at runtime init, not yet listening. */
final class ShardIngressBuildItem extends SimpleBuildItem {

    private final RuntimeValue<ShardIngress> ingress;

    ShardIngressBuildItem(RuntimeValue<ShardIngress> ingress) {
        this.ingress = ingress;
    }

    RuntimeValue<ShardIngress> ingress() {
        return ingress;
    }
}
