package io.quarkiverse.reactors.runtime.internal.events;

import io.quarkiverse.reactors.runtime.internal.reactor.ReactorImpl;

/**
 * An event the reactor itself creates (a two-argument send, a call, a reply), as opposed to a plain
 * user {@code Runnable} which is queued as it is, without a wrapper.
 * <p>
 * Not thread-safe: executed by the reactor that dequeued it.
 */
public abstract class ReactorEvent {

    /**
     * Runs the event on {@code reactor}, its owning thread.
     *
     * @return {@code false} when user code threw (the failure was already logged or delivered)
     */
    public abstract boolean execute(ReactorImpl reactor);

    /**
     * Called instead of {@link #execute} when the event can never run because its reactor's event loop
     * has terminated; delivers that to whoever waits for the event.
     *
     * @return {@code true} when someone was told (a pending call failed), {@code false} when nobody waits
     */
    public boolean abandon(ReactorImpl reactor) {
        return false;
    }
}
