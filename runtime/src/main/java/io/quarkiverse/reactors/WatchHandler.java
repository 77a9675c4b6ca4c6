package io.quarkiverse.reactors;

/**
 * Reacts to a watched channel's readiness, on the reactor that watches it.
 * <p>
 * Readiness is level-triggered, as with {@code poll}: while the channel stays readable (writable) and the
 * watch asks for {@link Interest#READ} ({@link Interest#WRITE}), the handler is called again on each loop
 * turn, so it should read (write) until the channel would block, or {@link WatchHandle#update update} the
 * watch. The handler may update or cancel its own watch while it runs. It must not block.
 */
@FunctionalInterface
public interface WatchHandler {

    /**
     * @param ready what is ready: a subset of the watch's interest, or {@link Interest#HANG_UP} /
     *        {@link Interest#ERROR} when the watch ends
     * @param handle the watch, to update or cancel it
     * @throws Exception a handler that throws is logged (rate-limited) and its watch is cancelled, so that a
     *         failing level-triggered handler cannot spin the reactor; the channel is left open
     */
    void ready(Interest ready, WatchHandle handle) throws Exception;
}
