package io.quarkiverse.reactors.runtime.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.IntSupplier;

import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.PollerStats;

/**
 * A poller on one reactor: called on every iteration (period 0) or each time its period is due.
 * <p>
 * {@code pause}, {@code resume} and {@code cancel} only flip volatile flags that the reactor reads
 * before each call, so they never hop. The counters are written by the reactor alone (opaque stores)
 * and read by {@link #stats()} from any thread.
 */
final class PollerImpl extends WheelEntry implements PollerHandle {

    private static final VarHandle RUNS;
    private static final VarHandle ACTIVE_SINCE;
    private static final VarHandle BUSY_RUNS;
    private static final VarHandle FAILURES;
    private static final VarHandle TOTAL_NANOS;
    private static final VarHandle MAX_NANOS;
    private static final VarHandle INACTIVE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            RUNS = lookup.findVarHandle(PollerImpl.class, "runs", long.class);
            ACTIVE_SINCE = lookup.findVarHandle(PollerImpl.class, "activeSince", long.class);
            BUSY_RUNS = lookup.findVarHandle(PollerImpl.class, "busyRuns", long.class);
            FAILURES = lookup.findVarHandle(PollerImpl.class, "failures", long.class);
            TOTAL_NANOS = lookup.findVarHandle(PollerImpl.class, "totalNanos", long.class);
            MAX_NANOS = lookup.findVarHandle(PollerImpl.class, "maxNanos", long.class);
            INACTIVE = lookup.findVarHandle(PollerImpl.class, "inactive", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    private final ReactorImpl reactor;
    private final IntSupplier poll;
    private final long period;
    private volatile boolean paused;
    private volatile boolean cancelled;
    /**
     * {@code paused || cancelled}, read by the reactor before each call with one opaque load (a plain load
     * that the JIT may not hoist out of the loop): cheaper than two volatile reads, and a change made
     * elsewhere is still seen by the next iteration's pass.
     */
    @SuppressWarnings("unused")
    private boolean inactive;

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

    PollerImpl(String name, ReactorImpl reactor, IntSupplier poll, long periodNanos) {
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

    long period() {
        return period;
    }

    @Override
    public void pause() {
        if (!paused) {
            paused = true;
            INACTIVE.setVolatile(this, true);
            stateChanged();
        }
    }

    private void stateChanged() {
        if (period == 0) {
            reactor.pollerStateChanged();
        }
    }

    @Override
    public void resume() {
        if (paused) {
            paused = false;
            INACTIVE.setVolatile(this, cancelled);
            stateChanged();
            reactor.wakeUp(); // a parked reactor should poll it again without waiting for other work
        }
    }

    @Override
    public boolean paused() {
        return paused;
    }

    @Override
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            INACTIVE.setVolatile(this, true);
            if (period > 0) {
                reactor.runOnOwner(() -> reactor.unschedule(this));
            } else {
                stateChanged();
            }
        }
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    boolean active() {
        return !(boolean) INACTIVE.getOpaque(this);
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
        reactor.callbackFailed("poller '" + name + "'", poll, t);
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
    int expire(long now) {
        if (cancelled) {
            reactor.unschedule(this);
            return 0;
        }
        reactor.schedule(this, Math.max(deadline + period, now));
        if (paused) {
            return 0;
        }
        reactor.entering(this);
        runTimed(System.nanoTime(), 1); // periodic calls are rare enough to time each one
        RUNS.setOpaque(this, runs + 1);
        return lastWork > 0 ? lastWork : 0;
    }

    @Override
    public PollerStats stats() {
        long since = (long) ACTIVE_SINCE.getOpaque(this);
        long spell = since < 0 ? 0 : Math.max(0, reactor.iterationCount() - since);
        return new PollerStats(name, reactor.id(), period, paused,
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
