package io.quarkiverse.reactors.runtime.internal.reactor;

import io.quarkiverse.reactors.runtime.internal.events.EventMailbox;
import io.quarkiverse.reactors.runtime.internal.timers.WheelEntry;

/**
 * What one reactor is doing, as the watchdog and the pollers see it: whether it made progress, whether work waits,
 * which phase of its loop (and which callback) it runs now, and how many iterations it ran. It only reads and
 * writes what the loop publishes in {@link ReactorCounters} and {@link LoopPhase}, and the mailbox's indices.
 * <p>
 * {@link #entering} and {@link #enterPhase} are called only on the reactor's thread; the other methods from any
 * thread (opaque reads).
 */
public final class ReactorActivity {

    private final ReactorCounters counters;
    private final LoopPhase phase;
    private final EventMailbox mailbox;

    ReactorActivity(ReactorCounters counters, LoopPhase phase, EventMailbox mailbox) {
        this.counters = counters;
        this.phase = phase;
        this.mailbox = mailbox;
    }

    /** On the reactor: a timer or periodic poller is about to run. */
    public void entering(WheelEntry entry) {
        counters.entering(entry);
    }

    /**
     * On the reactor: enters {@code next}, for work run outside the iteration (watch readiness).
     *
     * @return the phase to restore afterwards
     */
    public int enterPhase(int next) {
        int previous = phase.current();
        phase.enter(next);
        return previous;
    }

    /** @return iterations so far; any thread (opaque read) */
    public long iterationCount() {
        return counters.iterations();
    }

    /** @return a number that changes whenever the reactor begins an event, a callback or an iteration */
    public long progress() {
        return counters.iterationsAndCallbacks() + mailbox.consumed();
    }

    /** @return whether the reactor has something to do: an iteration queued or running, or events waiting */
    public boolean hasWork() {
        return mailbox.hasWork();
    }

    /** @return what the reactor runs now, by the phase its loop published; any thread */
    public String runningWhat() {
        return LoopPhase.describe(phase.current(), counters.running());
    }
}
