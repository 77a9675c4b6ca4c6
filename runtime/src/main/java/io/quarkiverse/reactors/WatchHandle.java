package io.quarkiverse.reactors;

import java.nio.channels.SelectableChannel;

/**
 * A channel watched by a reactor, returned by {@link Reactor#watch}. Thread-safe: called from another
 * thread, {@link #update} and {@link #cancel} hop to the watching reactor, in order with the caller's
 * other events.
 */
public interface WatchHandle {

    /** @return the watched channel */
    SelectableChannel channel();

    /** @return the reactor the handler runs on */
    Reactor reactor();

    /** @return what the watch waits for now ({@link Interest#NONE} while suspended) */
    Interest interest();

    /**
     * Replaces what the watch waits for; {@link Interest#NONE} suspends delivery until the next update.
     * {@link Interest#ERROR} and {@link Interest#HANG_UP} are reported anyway and are ignored here.
     *
     * @return {@code false} when the watch has already ended (cancelled, channel closed), {@code true} otherwise
     * @throws IllegalArgumentException when the channel does not support the interest
     * @throws IllegalStateException when another watch of the same channel already waits for part of it
     */
    boolean update(Interest interest);

    /** Ends the watch: its handler is not called again. Idempotent; the channel is left open. */
    void cancel();

    /** @return {@code false} once the watch was cancelled or ended with {@link Interest#HANG_UP}/{@link Interest#ERROR} */
    boolean isActive();
}
