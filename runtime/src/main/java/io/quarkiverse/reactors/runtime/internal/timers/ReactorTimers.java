package io.quarkiverse.reactors.runtime.internal.timers;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A reactor's timers: the {@link TimerWheel} (timers and the ticks of periodic pollers) and the timers that fire on
 * every iteration ({@code update(Duration.ZERO)}).
 * <p>
 * Not thread-safe: owned by one reactor's thread; other threads reach it through events to that reactor.
 */
public final class ReactorTimers {

    private static final TimerImpl[] NONE = new TimerImpl[0];

    private final TimerWheel wheel;
    /** Told when an entry is armed, so that a parked loop recomputes its deadline. */
    private final Runnable armed;
    /** Set at shutdown, once the timers were torn down: nothing may be armed any more. */
    private boolean closed;
    /**
     * Timers that fire on every iteration: replaced, never changed in place, so that {@link #run} walks it without
     * a copy while callbacks add or cancel timers.
     */
    private TimerImpl[] everyIteration = NONE;

    /**
     * @param tickNanos the wheel's tick (rounded up to a power of two)
     * @param slots the wheel's slots
     * @param now the current time, in {@link System#nanoTime()} units
     * @param armed told when an entry is armed (the loop wakes up unless it is iterating)
     */
    public ReactorTimers(long tickNanos, int slots, long now, Runnable armed) {
        this.wheel = new TimerWheel(tickNanos, slots, now);
        this.armed = armed;
    }

    /** Durations beyond about 146 years are capped, so that deadlines never overflow. */
    public static long toNanos(Duration duration) {
        try {
            return Math.min(duration.toNanos(), Long.MAX_VALUE / 4);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }

    /** @return whether nothing is armed: the loop skips the timers phase */
    public boolean isEmpty() {
        return wheel.size() == 0 && everyIteration.length == 0;
    }

    /**
     * Links {@code entry} into the wheel to fire once {@code deadline} passed (a past deadline: next expiry); after
     * {@link #close}, does nothing (a registration queued before shutdown and run after it).
     */
    public void schedule(WheelEntry entry, long deadline) {
        if (closed) {
            return;
        }
        wheel.schedule(entry, deadline);
        armed.run();
    }

    /** Takes {@code entry} off the wheel (a cancelled periodic poller); nothing if it is not linked. */
    public void unschedule(WheelEntry entry) {
        wheel.cancel(entry);
    }

    /** Takes a timer off the wheel and off the every-iteration timers. */
    public void detach(TimerImpl timer) {
        wheel.cancel(timer);
        if (timer.everyIteration) {
            timer.everyIteration = false;
            everyIteration = without(everyIteration, timer);
        }
    }

    /** Makes a timer fire on every iteration until it is updated or cancelled; after {@link #close}, nothing. */
    public void fireEveryIteration(TimerImpl timer) {
        if (closed) {
            // an update(ZERO) that arrived after shutdown tore the timers down (found by SoakTest): arming it would
            // keep the loop iterating for ever, and Vert.x's close waiting for it
            return;
        }
        timer.everyIteration = true;
        everyIteration = Arrays.copyOf(everyIteration, everyIteration.length + 1);
        everyIteration[everyIteration.length - 1] = timer;
        armed.run();
    }

    private static TimerImpl[] without(TimerImpl[] timers, TimerImpl timer) {
        TimerImpl[] kept = new TimerImpl[timers.length - 1];
        int n = 0;
        for (TimerImpl t : timers) {
            if (t != timer) {
                kept[n++] = t;
            }
        }
        return kept;
    }

    /**
     * Expires the wheel up to {@code now}, then fires the every-iteration timers.
     *
     * @return the work done, for the idle policy
     */
    public int run(long now) {
        int work = wheel.expire(now);
        // A callback that updates or cancels a timer replaces the array: this walk goes on over the one it began,
        // with no copy per iteration. A timer cancelled meanwhile does not fire (fire() checks).
        for (TimerImpl timer : everyIteration) {
            work += timer.fire();
        }
        return work;
    }

    /** @return the user's timers armed: on the wheel (not pollers, not housekeeping) and every iteration */
    public int userTimers() {
        return wheel.userTimers() + everyIteration.length;
    }

    /** @return the earliest deadline on the wheel, or {@code Long.MAX_VALUE} */
    public long nextWakeUp() {
        return wheel.nextWakeUp();
    }

    /** At shutdown, before anything is cancelled: from now on nothing can be armed. */
    public void close() {
        closed = true;
    }

    /**
     * At shutdown: cancels the every-iteration timers and hands every entry on the wheel to {@code onRemoved}
     * (which cancels it), then empties the wheel. Nothing can be armed afterwards.
     */
    public void cancelAll(Consumer<WheelEntry> onRemoved) {
        closed = true;
        for (TimerImpl timer : everyIteration) {
            timer.cancel();
        }
        wheel.clear(onRemoved);
    }
}
