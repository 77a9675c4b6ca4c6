package io.quarkiverse.reactors.runtime.internal.reactor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import io.quarkiverse.reactors.ReactorStats;
import io.quarkiverse.reactors.runtime.internal.events.EventMailbox;

/** The counters themselves, between the two paddings (superclass fields are laid out first). */
abstract class CountersFields extends PaddedBefore {
    long iterations;
    long executed;
    long failed;
    /** Timer callbacks and watch handlers that threw. */
    long callbackFailures;
    /**
     * Timer and periodic-poller callbacks begun so far: with {@link #iterations} and the queue's consumer index
     * (which the reactor advances for every event it takes, so events cost nothing more) it tells the watchdog
     * whether the reactor moved on since its last look. Every-iteration pollers are not counted one by one (a
     * store per call would cost B3 a tenth of its time); a poller that never returns stops the iterations.
     */
    long dispatched;
    /** Time spent in slices that did work; the clock reads are per slice (a Netty task), never per event. */
    long busyNanos;
    /** Wake-ups from a park whose first iteration did no work. */
    long idleWakeUps;
    /** The user's timers armed (on the wheel or every iteration), published after each iteration. */
    int timers;
    /** The timer or periodic poller last begun: names what a stalled reactor is stuck in. Never cleared. */
    Object running;
}

/** Cache-line padding after the counters; see {@link PaddedBefore}. */
@SuppressWarnings("unused")
abstract class CountersPadAfter extends CountersFields {
    private long q00, q01, q02, q03, q04, q05, q06, q07;
    private long q08, q09, q10, q11, q12, q13, q14, q15;
}

/**
 * A reactor's counters, and its {@link ReactorStats} snapshot.
 * <p>
 * Written only by the reactor's thread, with opaque stores (a plain {@code mov} on x86, no fence), once per batch or
 * iteration, never per event; read by any thread (stats, the watchdog, the meters) with opaque loads. Padded on both
 * sides ({@link PaddedBefore}), so that these writes never dirty a cache line that senders read.
 */
final class ReactorCounters extends CountersPadAfter {

    private static final VarHandle ITERATIONS;
    private static final VarHandle EXECUTED;
    private static final VarHandle FAILED;
    private static final VarHandle CALLBACK_FAILURES;
    private static final VarHandle DISPATCHED;
    private static final VarHandle BUSY_NANOS;
    private static final VarHandle TIMERS;
    private static final VarHandle IDLE_WAKE_UPS;
    private static final VarHandle RUNNING;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ITERATIONS = lookup.findVarHandle(CountersFields.class, "iterations", long.class);
            EXECUTED = lookup.findVarHandle(CountersFields.class, "executed", long.class);
            FAILED = lookup.findVarHandle(CountersFields.class, "failed", long.class);
            CALLBACK_FAILURES = lookup.findVarHandle(CountersFields.class, "callbackFailures", long.class);
            DISPATCHED = lookup.findVarHandle(CountersFields.class, "dispatched", long.class);
            BUSY_NANOS = lookup.findVarHandle(CountersFields.class, "busyNanos", long.class);
            TIMERS = lookup.findVarHandle(CountersFields.class, "timers", int.class);
            IDLE_WAKE_UPS = lookup.findVarHandle(CountersFields.class, "idleWakeUps", long.class);
            RUNNING = lookup.findVarHandle(CountersFields.class, "running", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long startedNanos = System.nanoTime();

    // ---------------------------------------------------------------- the reactor's thread

    /** @return iterations so far, as the reactor's thread sees them (a plain read) */
    long iterationsOnOwner() {
        return iterations;
    }

    void iterationDone(int userTimers) {
        ITERATIONS.setOpaque(this, iterations + 1);
        TIMERS.setOpaque(this, userTimers);
    }

    void eventsRan(long ok, long bad) {
        if (ok != 0) {
            EXECUTED.setOpaque(this, executed + ok);
        }
        if (bad != 0) {
            FAILED.setOpaque(this, failed + bad);
        }
    }

    void callbackFailed() {
        CALLBACK_FAILURES.setOpaque(this, callbackFailures + 1);
    }

    /** A timer or periodic poller is about to run. */
    void entering(Object callback) {
        RUNNING.setOpaque(this, callback);
        DISPATCHED.setOpaque(this, dispatched + 1);
    }

    /** The reactor woke from a park, and the first iteration found nothing to do. */
    void idleWakeUp() {
        IDLE_WAKE_UPS.setOpaque(this, idleWakeUps + 1);
    }

    void busy(long nanos) {
        BUSY_NANOS.setOpaque(this, busyNanos + nanos);
    }

    // ---------------------------------------------------------------- any thread

    long iterations() {
        return (long) ITERATIONS.getOpaque(this);
    }

    /** @return a number that changes whenever the reactor begins a callback or an iteration (events: see the mailbox) */
    long iterationsAndCallbacks() {
        return (long) ITERATIONS.getOpaque(this) + (long) DISPATCHED.getOpaque(this);
    }

    /** @return the timer or periodic poller begun last, or null */
    Object running() {
        return RUNNING.getOpaque(this);
    }

    /**
     * @param thread the reactor's thread, or null before it is bound
     * @param pollers pollers registered now
     * @return the reactor's stats: the mailbox's counts and these
     */
    ReactorStats snapshot(int id, Thread thread, EventMailbox mailbox, int pollers, String transport) {
        long busy = (long) BUSY_NANOS.getOpaque(this);
        long consumed = mailbox.consumed();
        long produced = mailbox.produced();
        return new ReactorStats(id,
                thread == null ? "" : thread.getName(),
                mailbox.capacity(),
                produced + mailbox.accounts().acceptedBesideQueue(),
                (long) EXECUTED.getOpaque(this),
                (long) FAILED.getOpaque(this) + mailbox.accounts().abandoned(),
                mailbox.accounts().rejected(),
                (int) Math.max(0, produced - consumed),
                mailbox.accounts().highWaterMark(),
                (long) ITERATIONS.getOpaque(this),
                pollers,
                (int) TIMERS.getOpaque(this),
                busy,
                Math.max(0, System.nanoTime() - startedNanos - busy),
                transport,
                (long) CALLBACK_FAILURES.getOpaque(this),
                (long) IDLE_WAKE_UPS.getOpaque(this));
    }
}
