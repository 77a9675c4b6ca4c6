package io.quarkiverse.reactors.deployment;

import org.jboss.jandex.MethodInfo;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * A {@code @Partitioned} method that passed validation, with its channel: only these reach invoker generation
 * and recording. Produced once per method, sorted by the consumer.
 */
public final class PartitionedMethodBuildItem extends MultiBuildItem {

    private final MethodInfo method;
    private final String beanId;
    private final String channel;

    PartitionedMethodBuildItem(MethodInfo method, String beanId, String channel) {
        this.method = method;
        this.beanId = beanId;
        this.channel = channel;
    }

    MethodInfo method() {
        return method;
    }

    String beanId() {
        return beanId;
    }

    String channel() {
        return channel;
    }
}
