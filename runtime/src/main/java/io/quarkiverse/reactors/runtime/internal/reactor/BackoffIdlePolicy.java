package io.quarkiverse.reactors.runtime.internal.reactor;

/**
 * {@link io.quarkiverse.reactors.IdleStrategy#BACKOFF}: after work, {@code spins} idle iterations iterate again at
 * once, the next {@code yields} yield the CPU first, and after them the reactor parks for a period that starts at
 * {@code minParkNanos} and doubles with each idle park up to {@code maxParkNanos} (Agrona's
 * {@code BackoffIdleStrategy}). Any slice that does work starts the spell over.
 * <p>
 * Not thread-safe: owned by one reactor's thread.
 */
final class BackoffIdlePolicy implements IdlePolicy {

    private final int spins;
    private final int yields;
    private final long minParkNanos;
    private final long maxParkNanos;
    /** Idle iterations since the last work. */
    private int idleIterations;
    /** The period of the next park. */
    private long nextParkNanos;
    /** The period of the park last decided, for {@link #parkNanos()}. */
    private long parkNanos;

    BackoffIdlePolicy(int spins, int yields, long minParkNanos, long maxParkNanos) {
        this.spins = spins;
        this.yields = yields;
        this.minParkNanos = minParkNanos;
        this.maxParkNanos = maxParkNanos;
        this.nextParkNanos = minParkNanos;
    }

    @Override
    public boolean keepsIterating() {
        return false;
    }

    @Override
    public boolean spinsInSlice(long lastEventsNanos, long now) {
        return false; // each of its spins is a slice of its own: Netty serves its I/O between them
    }

    @Override
    public void workDone() {
        idleIterations = 0;
        nextParkNanos = minParkNanos;
    }

    @Override
    public Decision idle(long lastEventsNanos) {
        int idle = ++idleIterations;
        if (idle <= spins) {
            return Decision.ITERATE;
        }
        if (idle <= spins + yields) {
            return Decision.YIELD;
        }
        // stays past spins + yields without overflowing: parking is the last phase of the spell
        idleIterations = spins + yields;
        parkNanos = nextParkNanos;
        nextParkNanos = Math.min(nextParkNanos * 2, maxParkNanos);
        return Decision.PARK;
    }

    @Override
    public long parkNanos() {
        return parkNanos;
    }
}
