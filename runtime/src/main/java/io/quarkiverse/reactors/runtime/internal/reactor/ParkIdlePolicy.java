package io.quarkiverse.reactors.runtime.internal.reactor;

import java.util.function.LongSupplier;

/**
 * {@link io.quarkiverse.reactors.IdleStrategy#PARK}: keeps iterating for {@code spinNanos} after the reactor's last
 * work, then parks until an event, a timer deadline or a wake-up. Work tends to come in bursts: a reply or the next
 * event of a chain usually arrives within microseconds, and catching it awake saves a selector wake-up (a system
 * call on each side).
 * <p>
 * Not thread-safe: owned by one reactor's thread.
 */
final class ParkIdlePolicy implements IdlePolicy {

    private final long spinNanos;
    private final LongSupplier clock;

    ParkIdlePolicy(long spinNanos, LongSupplier clock) {
        this.spinNanos = spinNanos;
        this.clock = clock;
    }

    @Override
    public boolean keepsIterating() {
        return false;
    }

    @Override
    public void workDone() {
    }

    @Override
    public Decision idle(long lastWorkNanos) {
        return clock.getAsLong() - lastWorkNanos < spinNanos ? Decision.ITERATE : Decision.PARK;
    }

    @Override
    public long parkNanos() {
        return Long.MAX_VALUE;
    }
}
