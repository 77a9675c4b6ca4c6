package io.quarkiverse.reactors.runtime.internal.watch;

/**
 * How a reactor learns that a watched channel is ready: through its own event loop's selector (NIO) or
 * through a selector thread that hands readiness over (native transports). Called on the reactor's thread.
 */
interface WatchRoute {

    /** Starts selecting {@code channel} for its current operations; failures end its watches. */
    void register(WatchedChannel channel);

    /** The channel's operations changed: select it for the new ones. */
    void update(WatchedChannel channel);

    /** Stops selecting the channel (the channel stays open). */
    void deregister(WatchedChannel channel);
}
