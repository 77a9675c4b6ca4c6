package io.quarkiverse.reactors.runtime.internal.pollers;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.IntSupplier;

import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.PollerStats;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorImpl;
import io.quarkiverse.reactors.runtime.internal.timers.WheelEntry;

/**
 * A poller on one reactor: called on every iteration (period 0) or each time its period is due.
 * <p>
 * {@code pause}, {@code resume} and {@code cancel} update one state word atomically (so the last call wins,
 * whatever the threads). An every-iteration poller then tells its reactor, which rebuilds its active set from the
 * word as it is then: at once when called on the reactor, else through an event the reactor cannot refuse, so the
 * change takes effect from the iteration that runs it; {@code resume} also wakes a parked reactor. A periodic
 * poller stays on the timer wheel: each tick reads the word and skips the call while paused, and a cancel unlinks
 * it on the reactor. The counters are written by the reactor alone (opaque stores) and read by {@link #stats()}
 * from any thread.
 */
public final class PollerImpl extends WheelEntry implements PollerHandle {

    private static final VarHandle RUNS;
    private static final VarHandle ACTIVE_SINCE;
    private static final VarHandle BUSY_RUNS;
    private static final VarHandle FAILURES;
    private static final VarHandle TOTAL_NANOS;
    private static final VarHandle MAX_NANOS;
    private static final VarHandle STATE;
    private static final int PAUSED = 1;
    private static final int CANCELLED = 2;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            RUNS = lookup.findVarHandle(PollerImpl.class, "runs", long.class);
            ACTIVE_SINCE = lookup.findVarHandle(PollerImpl.class, "activeSince", long.class);
            BUSY_RUNS = lookup.findVarHandle(PollerImpl.class, "busyRuns", long.class);
            FAILURES = lookup.findVarHandle(PollerImpl.class, "failures", long.class);
            TOTAL_NANOS = lookup.findVarHandle(PollerImpl.class, "totalNanos", long.class);
            MAX_NANOS = lookup.findVarHandle(PollerImpl.class, "maxNanos", long.class);
            STATE = lookup.findVarHandle(PollerImpl.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    private final ReactorImpl reactor;
    private final IntSupplier poll;
    private final long period;
    /**
     * {@link #PAUSED} and {@link #CANCELLED} bits in one word, changed by compare-and-set: with two flags, a
     * pause and a resume racing on two threads could leave the poller marked inactive though not paused, and
     * never called again. Every change is followed by a rebuild on the reactor that reads the word then, so
     * the last rebuild sees the last change.
     */
    private volatile int state;

    /** Calls made before {@link #activeSince}: only periodic calls and closed active spells add here. */
    private long runs;
    /**
     * For an every-iteration poller: the reactor iteration from which it has been called on every
     * iteration, or -1. Its runs are then counted from the iteration counter instead of by a store per
     * call, which would dirty a cache line per poller per iteration.
     */
    private long activeSince = -1;
    private long busyRuns;
    private long failures;
    private long totalNanos;
    private long maxNanos;

    public PollerImpl(String name, ReactorImpl reactor, IntSupplier poll, long periodNanos) {
        super(false);
        this.name = name;
        this.reactor = reactor;
        this.poll = poll;
        this.period = periodNanos;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int reactor() {
        return reactor.id();
    }

    public long period() {
        return period;
    }

    @Override
    public void pause() {
        if (set(PAUSED)) {
            stateChanged();
        }
    }

    /** @return whether this call set {@code bit} */
    private boolean set(int bit) {
        int seen;
        do {
            seen = state;
            if ((seen & bit) != 0) {
                return false;
            }
        } while (!STATE.compareAndSet(this, seen, seen | bit));
        return true;
    }

    private void stateChanged() {
        if (period == 0) {
            reactor.pollerRegistry().stateChanged();
        }
    }

    @Override
    public void resume() {
        int seen;
        do {
            seen = state;
            if ((seen & PAUSED) == 0) {
                return;
            }
        } while (!STATE.compareAndSet(this, seen, seen & ~PAUSED));
        stateChanged();
        reactor.wakeUp(); // a parked reactor should poll it again without waiting for other work
    }

    @Override
    public boolean paused() {
        return (state & PAUSED) != 0;
    }

    @Override
    public void cancel() {
        if (set(CANCELLED)) {
            if (period > 0) {
                reactor.runOnOwner(() -> reactor.pollerRegistry().unschedule(this));
            } else {
                stateChanged();
            }
        }
    }

    @Override
    public boolean cancelled() {
        return (state & CANCELLED) != 0;
    }

    /** On the reactor, when it rebuilds its active pollers: neither paused nor cancelled. */
    boolean active() {
        return state == 0;
    }

    /**
     * Calls the poller once, on the reactor, without reading the clock: the common case, so that a pass
     * over many cheap pollers costs little more than the calls themselves. Writes nothing unless the
     * poller did work or threw.
     *
     * @return the work it reported
     */
    int run() {
        int work;
        try {
            work = poll.getAsInt();
        } catch (Throwable t) {
            return failed(t);
        }
        if (work > 0) {
            BUSY_RUNS.setOpaque(this, busyRuns + 1);
        }
        return work;
    }

    IntSupplier supplier() {
        return poll;
    }

    /** On the reactor: the last call reported work. */
    void busy() {
        BUSY_RUNS.setOpaque(this, busyRuns + 1);
    }

    /** Kept out of the hot path so that it stays small enough to inline. */
    int failed(Throwable t) {
        FAILURES.setOpaque(this, failures + 1);
        reactor.logFailure("poller '" + name + "'", poll, t);
        return 0;
    }

    /** Every-iteration poller, on the reactor: it is being called from {@code iteration} on. */
    void activeFrom(long iteration) {
        if (activeSince < 0) {
            ACTIVE_SINCE.setOpaque(this, iteration);
        }
    }

    /** Every-iteration poller, on the reactor: it was not called in {@code iteration} (paused or cancelled). */
    void inactiveAt(long iteration) {
        if (activeSince >= 0) {
            RUNS.setOpaque(this, runs + (iteration - activeSince));
            ACTIVE_SINCE.setOpaque(this, -1L);
        }
    }

    /**
     * Calls the poller once and times it from {@code start} (the end of the previous timed call, so that a
     * timed pass reads the clock once per poller). The time counts for {@code weight} calls: the calls
     * made untimed since the last timed one.
     *
     * @return the time the call ended; {@link #lastWork} holds what it reported
     */
    long runTimed(long start, int weight) {
        lastWork = run();
        long end = System.nanoTime();
        long took = end - start;
        TOTAL_NANOS.setOpaque(this, totalNanos + took * weight);
        if (took > maxNanos) {
            MAX_NANOS.setOpaque(this, took);
        }
        return end;
    }

    /** What the last call reported; read by the reactor right after {@link #run}. */
    int lastWork;

    /** A periodic poller's tick: call it, then schedule the next one. */
    @Override
    public int expire(long now) {
        int current = state;
        if ((current & CANCELLED) != 0) {
            reactor.pollerRegistry().unschedule(this);
            return 0;
        }
        reactor.timers().schedule(this, Math.max(deadline + period, now));
        if ((current & PAUSED) != 0) {
            return 0;
        }
        reactor.activity().entering(this);
        runTimed(System.nanoTime(), 1); // periodic calls are rare enough to time each one
        RUNS.setOpaque(this, runs + 1);
        return lastWork > 0 ? lastWork : 0;
    }

    @Override
    public PollerStats stats() {
        long since = (long) ACTIVE_SINCE.getOpaque(this);
        long spell = since < 0 ? 0 : Math.max(0, reactor.activity().iterationCount() - since);
        return new PollerStats(name, reactor.id(), period, paused(),
                (long) RUNS.getOpaque(this) + spell,
                (long) BUSY_RUNS.getOpaque(this),
                (long) FAILURES.getOpaque(this),
                (long) TOTAL_NANOS.getOpaque(this),
                (long) MAX_NANOS.getOpaque(this));
    }

    @Override
    public String toString() {
        return "Poller[" + name + " on reactor " + reactor.id() + "]";
    }
}
