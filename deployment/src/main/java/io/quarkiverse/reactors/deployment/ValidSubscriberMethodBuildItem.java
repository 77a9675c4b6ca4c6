package io.quarkiverse.reactors.deployment;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * A subscriber method that passed validation: only these get an invoker, so that a bad method is
 * reported as a validation problem rather than failing bytecode generation.
 */
public final class ValidSubscriberMethodBuildItem extends MultiBuildItem {

    private final SubscriberMethodBuildItem method;
    private final boolean skipPredicateIsBean;

    ValidSubscriberMethodBuildItem(SubscriberMethodBuildItem method, boolean skipPredicateIsBean) {
        this.method = method;
        this.skipPredicateIsBean = skipPredicateIsBean;
    }

    /** Whether the {@code @Poller(skipExecutionIf)} class is a bean, looked up in the container rather than created. */
    public boolean skipPredicateIsBean() {
        return skipPredicateIsBean;
    }

    public SubscriberMethodBuildItem method() {
        return method;
    }
}
