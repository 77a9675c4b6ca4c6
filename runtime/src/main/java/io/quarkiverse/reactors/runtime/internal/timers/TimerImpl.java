package io.quarkiverse.reactors.runtime.internal.timers;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;

import io.quarkiverse.reactors.TimerHandle;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorImpl;

/**
 * A one-shot or periodic timer on one reactor. Its state changes only on the reactor's thread; a call
 * from another thread hops there as an internal event (accepted even when the queue is full, so that a
 * cancel is never refused).
 * <p>
 * An event that finds the queue full travels beside it and can overtake the events queued before it, the
 * timer's own start included. So every operation takes a number when it is called (the start is 1), and the
 * reactor applies an operation only if it is newer than the last one it applied: as each operation sets the
 * whole schedule, applying the newest and skipping the older ones that arrive late gives the same timer as
 * applying all of them in call order. A cancel needs no number: it is final, and marked at the call.
 */
public final class TimerImpl extends WheelEntry implements TimerHandle {

    private static final VarHandle CANCELLED;
    private static final VarHandle ISSUED;

    static {
        try {
            CANCELLED = MethodHandles.lookup().findVarHandle(TimerImpl.class, "cancelled", boolean.class);
            ISSUED = MethodHandles.lookup().findVarHandle(TimerImpl.class, "issued", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ReactorImpl reactor;
    private final Runnable task;
    private final boolean periodic;
    /** The period of a periodic timer, in nanoseconds. */
    private long period;
    /** True while the timer fires on every iteration (update(0)). */
    boolean everyIteration;
    /** Release-store / acquire-load: a cancel needs no full fence, only to be seen after what preceded it. */
    @SuppressWarnings("unused")
    private boolean cancelled;
    /** The number of the last operation called, from any thread (atomic increment); the start is operation 1. */
    @SuppressWarnings("unused")
    private long issued = 1;
    /** The number of the last operation applied; owned by the reactor. */
    private long applied;

    /**
     * @param userTimer false for the extension's own housekeeping, which stats do not count
     */
    public TimerImpl(ReactorImpl reactor, Runnable task, boolean periodic, long delayNanos, boolean userTimer) {
        super(userTimer);
        this.reactor = reactor;
        this.task = Objects.requireNonNull(task, "task");
        this.periodic = periodic;
        this.period = delayNanos;
    }

    @Override
    public int reactor() {
        return reactor.id();
    }

    @Override
    public boolean cancelled() {
        return (boolean) CANCELLED.getAcquire(this);
    }

    @Override
    public void update(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (cancelled()) {
            throw new IllegalStateException("Timer on reactor " + reactor.id() + " was cancelled: create a new one");
        }
        long nanos = delay.isNegative() ? -1 : ReactorTimers.toNanos(delay);
        long now = System.nanoTime();
        long operation = (long) ISSUED.getAndAdd(this, 1L) + 1;
        reactor.runOnOwner(() -> arm(nanos, now, operation));
    }

    /**
     * On the reactor: whether {@code operation} is newer than the last one applied; if so it counts as applied.
     * An older one arrived late (it was queued while a newer one travelled beside the full queue) and is skipped.
     */
    public boolean apply(long operation) {
        if (operation <= applied) {
            return false;
        }
        applied = operation;
        return true;
    }

    @Override
    public void cancel() {
        if (cancelled()) {
            return;
        }
        CANCELLED.setRelease(this, true);
        if (reactor.isCurrent()) {
            reactor.timers().detach(this);
        } else {
            reactor.runOnOwner(() -> reactor.timers().detach(this));
        }
    }

    /**
     * On the reactor: (re-)arms the timer, {@code nanos} after {@code from}; 0 = every iteration, -1 = disabled;
     * unless a newer operation was applied already.
     */
    void arm(long nanos, long from, long operation) {
        if (cancelled() || !apply(operation)) {
            return;
        }
        reactor.timers().detach(this);
        if (nanos < 0) {
            return; // disabled until updated again
        }
        if (nanos == 0) {
            reactor.timers().fireEveryIteration(this);
            return;
        }
        if (periodic) {
            period = nanos;
        }
        reactor.timers().schedule(this, from + nanos);
    }

    @Override
    public int expire(long now) {
        if (cancelled()) {
            return 0;
        }
        if (periodic) {
            // fixed rate, but a timer that fell behind does not fire a burst to catch up
            reactor.timers().schedule(this, Math.max(deadline + period, now));
        }
        return fire();
    }

    /** Runs the callback; a throwing callback is logged and counted, and a periodic timer keeps firing. */
    public int fire() {
        if (cancelled()) {
            return 0;
        }
        reactor.activity().entering(this);
        try {
            task.run();
        } catch (Throwable t) {
            reactor.countCallbackFailure("timer", task, t);
        }
        return 1;
    }
}
