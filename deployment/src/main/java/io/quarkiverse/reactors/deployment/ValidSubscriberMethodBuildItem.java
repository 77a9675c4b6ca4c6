package io.quarkiverse.reactors.deployment;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * A subscriber method that passed validation: only these get an invoker, so that a bad method is
 * reported as a validation problem rather than failing bytecode generation.
 */
public final class ValidSubscriberMethodBuildItem extends MultiBuildItem {

    private final SubscriberMethodBuildItem method;

    ValidSubscriberMethodBuildItem(SubscriberMethodBuildItem method) {
        this.method = method;
    }

    public SubscriberMethodBuildItem method() {
        return method;
    }
}
