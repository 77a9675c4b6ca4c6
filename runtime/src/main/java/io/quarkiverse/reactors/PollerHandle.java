package io.quarkiverse.reactors;

/**
 * A poller registered on a reactor with {@link Reactor#poller}. The reactor calls it on every
 * iteration (period zero) or when its period is due, until it is cancelled.
 * <p>
 * Thread-safe: every method may be called from any thread, including from inside the poller.
 */
public interface PollerHandle {

    /** @return the poller's name, as given at registration */
    String name();

    /** @return the id of the reactor the poller runs on */
    int reactor();

    /** Stops calling the poller until {@link #resume()}; it stays registered. Takes effect from the next iteration. */
    void pause();

    /** Calls the poller again after {@link #pause()}. */
    void resume();

    /** @return {@code true} while paused */
    boolean paused();

    /** Unregisters the poller; it is not called again after the iteration in progress. Harmless if repeated. */
    void cancel();

    /** @return {@code true} once cancelled */
    boolean cancelled();

    /** @return a snapshot of the poller's counters */
    PollerStats stats();
}
