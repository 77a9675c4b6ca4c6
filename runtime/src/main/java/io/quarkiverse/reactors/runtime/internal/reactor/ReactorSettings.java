package io.quarkiverse.reactors.runtime.internal.reactor;

import io.quarkiverse.reactors.IdleStrategy;

/**
 * The tunables every reactor of a group shares, resolved from {@code quarkus.reactors.*}.
 *
 * @param queueCapacity capacity of each event queue (rounded up to a power of two)
 * @param batchSize events run per iteration at most
 * @param idleStrategy what an idle reactor does
 * @param backoffSpins idle iterations spent spinning before yielding ({@link IdleStrategy#BACKOFF})
 * @param backoffYields idle iterations spent yielding before parking ({@link IdleStrategy#BACKOFF})
 * @param backoffMinParkNanos first park period ({@link IdleStrategy#BACKOFF})
 * @param backoffMaxParkNanos longest park period ({@link IdleStrategy#BACKOFF})
 * @param idlePollIntervalNanos with {@link IdleStrategy#PARK}, how often idle every-iteration pollers are polled
 * @param parkSpinNanos with {@link IdleStrategy#PARK}, how long after its last work a reactor keeps iterating
 *        before it parks
 * @param timerTickNanos resolution of the timer wheel
 * @param timerSlots slots of the timer wheel (a power of two)
 * @param maxPendingOffloads offloaded tasks that may be pending per reactor
 */
public record ReactorSettings(
        int queueCapacity,
        int batchSize,
        IdleStrategy idleStrategy,
        int backoffSpins,
        int backoffYields,
        long backoffMinParkNanos,
        long backoffMaxParkNanos,
        long idlePollIntervalNanos,
        long parkSpinNanos,
        long timerTickNanos,
        int timerSlots,
        int maxPendingOffloads) {

    /** Defaults matching the documented configuration defaults; used by tests and benchmarks. */
    public static ReactorSettings defaults() {
        return new ReactorSettings(65536, 1024, IdleStrategy.PARK, 100, 10, 1_000, 1_000_000, 1_000_000, 20_000, 100_000,
                4096, 4096);
    }

    public ReactorSettings withIdleStrategy(IdleStrategy strategy) {
        return new ReactorSettings(queueCapacity, batchSize, strategy, backoffSpins, backoffYields, backoffMinParkNanos,
                backoffMaxParkNanos, idlePollIntervalNanos, parkSpinNanos, timerTickNanos, timerSlots, maxPendingOffloads);
    }
}
