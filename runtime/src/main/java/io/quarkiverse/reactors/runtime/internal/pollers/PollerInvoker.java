package io.quarkiverse.reactors.runtime.internal.pollers;

import io.quarkiverse.reactors.Poller;
import io.quarkiverse.reactors.Reactor;

/**
 * Calls one {@code @Poller} method. A subclass is generated at build time for each method, so the call
 * is a plain virtual call, with no reflection; the result is converted to the work done.
 * <p>
 * Stateless; called on reactor threads.
 */
public abstract class PollerInvoker {

    /**
     * @param bean the bean instance (a client proxy for normal-scoped beans)
     * @param reactor the reactor the poller runs on
     * @return the work done, zero when idle
     */
    public abstract int poll(Object bean, Reactor reactor);

    /**
     * Called once, at startup, on the startup thread. Generated for methods with {@code skipExecutionIf}: the
     * predicate's bean, or a new instance made with its constructor (a plain {@code new}, no reflection).
     *
     * @return the method's {@code skipExecutionIf} predicate, or null when it has none
     */
    public Poller.SkipPredicate skipPredicate() {
        return null;
    }

    /** {@code boolean} pollers: busy or not. */
    public static int work(boolean busy) {
        return busy ? 1 : 0;
    }

    /** {@code long} pollers: the work done, saturated to an int. */
    public static int work(long done) {
        return done <= 0 ? 0 : (int) Math.min(done, Integer.MAX_VALUE);
    }
}
