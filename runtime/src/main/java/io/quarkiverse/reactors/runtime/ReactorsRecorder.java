package io.quarkiverse.reactors.runtime;

import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.runtime.internal.ReactorGroup;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;
import io.vertx.core.Vertx;

/**
 * Starts the reactors at runtime init, before any {@code StartupEvent} observer runs, and stops them
 * at shutdown, before Vert.x closes. Thin on purpose: the behaviour lives in {@link ReactorGroup}.
 */
@Recorder
public class ReactorsRecorder {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.reactors");

    private final RuntimeValue<ReactorsConfig> config;

    public ReactorsRecorder(RuntimeValue<ReactorsConfig> config) {
        this.config = config;
    }

    public RuntimeValue<Reactors> start(Supplier<Vertx> vertx, ShutdownContext shutdown) {
        ReactorsConfig cfg = config.getValue();
        int count = cfg.count().orElse(Runtime.getRuntime().availableProcessors());
        require(count >= 1, "quarkus.reactors.count must be at least 1, was " + count);
        require(cfg.queueCapacity() >= 2,
                "quarkus.reactors.queue-capacity must be at least 2, was " + cfg.queueCapacity());
        require(cfg.batchSize() >= 1, "quarkus.reactors.batch-size must be at least 1, was " + cfg.batchSize());
        require(!cfg.shutdownTimeout().isNegative(),
                "quarkus.reactors.shutdown-timeout must not be negative, was " + cfg.shutdownTimeout());

        ReactorGroup group = ReactorGroup.start(vertx.get(), count, cfg.queueCapacity(), cfg.batchSize());
        // A normal (not "last") shutdown task: it runs before Vert.x closes, while the loops still drain.
        shutdown.addShutdownTask(() -> group.stop(cfg.shutdownTimeout()));
        LOG.infof("Started %d reactors on Vert.x event loops %s (queue capacity %d)", count,
                group.describeThreads(), group.reactor(0).stats().queueCapacity());
        return new RuntimeValue<>(group);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
