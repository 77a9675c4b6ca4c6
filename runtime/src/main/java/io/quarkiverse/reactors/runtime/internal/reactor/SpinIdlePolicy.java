package io.quarkiverse.reactors.runtime.internal.reactor;

/**
 * {@link io.quarkiverse.reactors.IdleStrategy#SPIN}: never idles. The loop iterates without a break inside each
 * slice (pausing the core on empty iterations, and yielding it now and then, see {@code ReactorLoop}), and between
 * slices only lets Netty serve its I/O. Stateless.
 * <p>
 * Owned by one reactor's thread.
 */
final class SpinIdlePolicy implements IdlePolicy {

    @Override
    public boolean keepsIterating() {
        return true;
    }

    @Override
    public boolean spinsInSlice(long lastEventsNanos, long now) {
        return true;
    }

    @Override
    public void workDone() {
    }

    @Override
    public Decision idle(long lastEventsNanos) {
        return Decision.ITERATE;
    }

    @Override
    public long parkNanos() {
        return Long.MAX_VALUE;
    }
}
