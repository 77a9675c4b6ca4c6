package io.quarkiverse.reactors.runtime.internal.reactor;

import org.jboss.logging.Logger;

/**
 * Logs failures of user code on one reactor, at most {@value #PER_SECOND} a second, and says how many it
 * left out, so that a task failing in a tight loop cannot flood the log.
 * <p>
 * Not thread-safe: owned by the reactor's thread.
 */
final class FailureLog {

    static final int PER_SECOND = 10;
    private static final Logger LOG = Logger.getLogger("io.quarkiverse.reactors");

    private final int reactor;
    private long windowStart;
    private int inWindow;
    private long suppressed;

    FailureLog(int reactor) {
        this.reactor = reactor;
    }

    void failed(String what, Object task, Throwable failure) {
        long now = System.nanoTime();
        if (now - windowStart >= 1_000_000_000L) {
            if (suppressed > 0) {
                LOG.errorf("Reactor %d: %d more failures were not logged in the last second", reactor, suppressed);
            }
            windowStart = now;
            inWindow = 0;
            suppressed = 0;
        }
        if (inWindow++ < PER_SECOND) {
            LOG.errorf(failure, "Reactor %d: %s %s threw", reactor, what, task);
        } else {
            suppressed++;
        }
    }
}
