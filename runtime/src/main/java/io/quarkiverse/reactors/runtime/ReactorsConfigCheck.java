package io.quarkiverse.reactors.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import io.quarkiverse.reactors.runtime.internal.placement.Placement;

/**
 * Checks every {@code quarkus.reactors.*} value for range at startup, before the reactors or Vert.x use any of
 * them, and reports all problems in one message that names each key, its value and the allowed range, so that a
 * user fixes them in one pass (as the build-time validation of annotations does).
 * <p>
 * Stateless; called once, on the startup thread.
 */
final class ReactorsConfigCheck {

    private final List<String> problems = new ArrayList<>();

    private ReactorsConfigCheck() {
    }

    /**
     * @param allowed the CPUs this process may run on
     * @param availableProcessors the default reactor count
     * @return where the reactors run, when every value is valid
     * @throws IllegalArgumentException listing every invalid value, one per line
     */
    static Placement check(ReactorsConfig cfg, BitSet allowed, int availableProcessors) {
        ReactorsConfigCheck check = new ReactorsConfigCheck();
        cfg.count().ifPresent(count -> check.atLeast("quarkus.reactors.count", count, 1));
        check.atLeast("quarkus.reactors.queue-capacity", cfg.queueCapacity(), 2);
        check.atLeast("quarkus.reactors.batch-size", cfg.batchSize(), 1);
        check.notNegative("quarkus.reactors.shutdown-timeout", cfg.shutdownTimeout());
        check.atLeast("quarkus.reactors.backoff.spins", cfg.backoff().spins(), 0);
        check.atLeast("quarkus.reactors.backoff.yields", cfg.backoff().yields(), 0);
        check.positive("quarkus.reactors.backoff.min-park", cfg.backoff().minPark());
        if (cfg.backoff().maxPark().compareTo(cfg.backoff().minPark()) < 0) {
            check.problems.add("quarkus.reactors.backoff.max-park = " + cfg.backoff().maxPark()
                    + " must not be shorter than quarkus.reactors.backoff.min-park = " + cfg.backoff().minPark());
        }
        check.positive("quarkus.reactors.idle-poll-interval", cfg.idlePollInterval());
        check.positive("quarkus.reactors.timer-tick", cfg.timerTick());
        check.notNegative("quarkus.reactors.park-spin", cfg.parkSpin());
        check.notNegative("quarkus.reactors.max-run-time", cfg.maxRunTime());
        check.positive("quarkus.reactors.stall-threshold", cfg.stallThreshold());
        check.atLeast("quarkus.reactors.offload.max-pending", cfg.offload().maxPending(), 1);
        check.atLeast("quarkus.reactors.offload.pool-size", cfg.offload().poolSize(), 1);
        check.atLeast("quarkus.reactors.offload.queue-size", cfg.offload().queueSize(), 1);
        cfg.mainCore().ifPresent(core -> check.atLeast("quarkus.reactors.main-core", core, 0));
        Placement placement = null;
        if (cfg.count().orElse(1) >= 1 && cfg.mainCore().orElse(0) >= 0) { // else reported above already
            try {
                placement = Placement.resolve(cfg.cores(), cfg.mainCore(), cfg.count(), allowed, availableProcessors);
            } catch (IllegalArgumentException e) {
                check.problems.add(e.getMessage());
            }
        }
        if (!check.problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid reactors configuration (" + check.problems.size() + " problem"
                    + (check.problems.size() == 1 ? "" : "s") + "), fix each in application.properties or its"
                    + " environment variable:\n\t- " + String.join("\n\t- ", check.problems));
        }
        return placement;
    }

    private void atLeast(String key, int value, int min) {
        if (value < min) {
            problems.add(key + " = " + value + " must be at least " + min);
        }
    }

    private void positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            problems.add(key + " = " + value + " must be positive");
        }
    }

    private void notNegative(String key, Duration value) {
        if (value.isNegative()) {
            problems.add(key + " = " + value + " must not be negative" + (key.endsWith("max-run-time")
                    ? " (0 turns the warning off)"
                    : ""));
        }
    }
}
