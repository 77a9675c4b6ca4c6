package io.quarkiverse.reactors.runtime.internal.reactor;

import java.util.function.LongSupplier;

/**
 * {@link io.quarkiverse.reactors.IdleStrategy#PARK}: keeps iterating for {@code spinNanos} after the reactor last
 * ran events, then parks until an event, a timer deadline or a wake-up. Events tend to come in bursts: a reply or
 * the next event of a chain usually arrives within microseconds, and catching it awake saves a selector wake-up (a
 * system call on each side). A timer or periodic poller alone does not start the spin: nothing follows it sooner
 * than its next period, and an idle reactor that spun after each of them iterated hundreds of times a second for
 * nothing. Within the window the loop iterates inside its slice ({@link #spinsInSlice}): a Netty turn between idle
 * iterations (a {@code selectNow} system call) would delay the reply it waits for by about a microsecond.
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

    /** Within {@code spinNanos} after events: the reply or the next event of a chain is caught within an iteration. */
    @Override
    public boolean spinsInSlice(long lastEventsNanos, long now) {
        return now - lastEventsNanos < spinNanos;
    }

    @Override
    public void workDone() {
    }

    @Override
    public Decision idle(long lastEventsNanos) {
        return clock.getAsLong() - lastEventsNanos < spinNanos ? Decision.ITERATE : Decision.PARK;
    }

    @Override
    public long parkNanos() {
        return Long.MAX_VALUE;
    }
}
