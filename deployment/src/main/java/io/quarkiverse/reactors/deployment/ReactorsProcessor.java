package io.quarkiverse.reactors.deployment;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Singleton;

import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.runtime.ReactorsConfigBuilder;
import io.quarkiverse.reactors.runtime.ReactorsRecorder;
import io.quarkiverse.reactors.runtime.internal.placement.ThreadPinning;
import io.quarkiverse.reactors.runtime.internal.reactor.Transports;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.bootstrap.classloading.QuarkusClassLoader;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.RunTimeConfigBuilderBuildItem;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.deployment.builditem.ShutdownContextBuildItem;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.vertx.core.deployment.CoreVertxBuildItem;

/**
 * Wires the reactors into the application: the {@code Reactors} bean is a synthetic singleton whose
 * instance the recorder creates at runtime init, on top of the Vert.x instance.
 */
class ReactorsProcessor {

    static final String FEATURE = "reactors";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** One Vert.x event loop per reactor, unless the user sized the pool. */
    @BuildStep
    RunTimeConfigBuilderBuildItem eventLoopPoolSize() {
        return new RunTimeConfigBuilderBuildItem(ReactorsConfigBuilder.class);
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    ServiceStartBuildItem startReactors(ReactorsRecorder recorder, CoreVertxBuildItem vertx,
            ShutdownContextBuildItem shutdown, BuildProducer<SyntheticBeanBuildItem> beans,
            BuildProducer<ReactorsBuildItem> started) {
        RuntimeValue<Reactors> reactors = recorder.start(vertx.getVertx(), shutdown, optionalClassesPresent());
        beans.produce(SyntheticBeanBuildItem.configure(Reactors.class)
                .scope(Singleton.class)
                .unremovable()
                .setRuntimeInit()
                .runtimeValue(reactors)
                .done());
        started.produce(new ReactorsBuildItem(reactors));
        // Consumed by the step that fires StartupEvent: reactors are usable in its observers.
        return new ServiceStartBuildItem(FEATURE);
    }

    /**
     * The optional libraries the runtime touches only when present: thread pinning and Netty's native
     * transports (for the reason one is unavailable). Found here, at build time, so that the runtime needs no
     * class-loading probes.
     */
    private static Set<String> optionalClassesPresent() {
        Set<String> present = new HashSet<>();
        for (String name : List.of(ThreadPinning.AFFINITY_CLASS, Transports.EPOLL_CLASS, Transports.IO_URING_CLASS,
                Transports.VERTX_IO_URING_CLASS)) {
            if (QuarkusClassLoader.isClassPresentAtRuntime(name)) {
                present.add(name);
            }
        }
        return present;
    }
}
