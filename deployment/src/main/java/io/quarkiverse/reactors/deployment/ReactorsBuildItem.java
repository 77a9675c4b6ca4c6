package io.quarkiverse.reactors.deployment;

import io.quarkiverse.reactors.Reactors;
import io.quarkus.builder.item.SimpleBuildItem;
import io.quarkus.runtime.RuntimeValue;

/** The started reactors, for build steps that record work on them at runtime init. */
public final class ReactorsBuildItem extends SimpleBuildItem {

    private final RuntimeValue<Reactors> reactors;

    ReactorsBuildItem(RuntimeValue<Reactors> reactors) {
        this.reactors = reactors;
    }

    public RuntimeValue<Reactors> reactors() {
        return reactors;
    }
}
