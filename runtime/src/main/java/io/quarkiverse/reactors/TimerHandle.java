package io.quarkiverse.reactors;

import java.time.Duration;

/**
 * A one-shot or periodic timer on a reactor, created by {@link Reactor#timer} or {@link Reactor#periodic}.
 * Its callback runs on that reactor.
 * <p>
 * Thread-safe: every method may be called from any thread, including from inside the callback. Called
 * from another thread, a change hops to the reactor and takes effect there, in order with the
 * caller's other events.
 */
public interface TimerHandle {

    /**
     * Re-arms the timer, following libvirt's {@code virEventUpdateTimeout}:
     * <ul>
     * <li>a positive delay: the timer fires that long after the update, whether it was pending, disabled or
     * had fired (a periodic timer then keeps that period; a one-shot fires once);</li>
     * <li>zero: the timer fires on every iteration of the reactor until updated again;</li>
     * <li>negative: the timer is disabled until updated again.</li>
     * </ul>
     *
     * @throws IllegalStateException when the timer was cancelled
     */
    void update(Duration delay);

    /** Cancels the timer: its callback does not run again. Harmless if repeated or after a one-shot fired. */
    void cancel();

    /** @return {@code true} once cancelled */
    boolean cancelled();

    /** @return the id of the reactor the timer runs on */
    int reactor();
}
