package io.quarkiverse.reactors.deployment;

import io.quarkiverse.reactors.runtime.internal.ops.ReactorWatchdog;
import io.quarkus.builder.item.SimpleBuildItem;
import io.quarkus.runtime.RuntimeValue;

/** The started watchdog thread, for the steps that read what it saw. */
public final class MonitorBuildItem extends SimpleBuildItem {

    private final RuntimeValue<ReactorWatchdog> monitor;

    MonitorBuildItem(RuntimeValue<ReactorWatchdog> monitor) {
        this.monitor = monitor;
    }

    public RuntimeValue<ReactorWatchdog> monitor() {
        return monitor;
    }
}
