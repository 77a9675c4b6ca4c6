package io.quarkiverse.reactors.runtime.internal.reactor;

import java.util.function.LongSupplier;

import io.quarkiverse.reactors.IdleStrategy;

/**
 * What a reactor does after an iteration that found nothing to do: one small class per {@link IdleStrategy},
 * each owning its own state, asked by the loop for a {@link Decision} that the loop then carries out (as
 * Netty's {@code SelectStrategy} and Agrona's {@code IdleStrategy} do). The loop keeps the mechanics (posting
 * the next slice, parking in the selector, timer deadlines); a policy only decides.
 * <p>
 * Not thread-safe: each reactor has its own instance, called only on that reactor's thread.
 * A new strategy is one class here, one constant of {@link IdleStrategy} and one unit test.
 */
interface IdlePolicy {

    /** What the loop does next. */
    enum Decision {
        /** Post another slice at once: Netty serves its I/O and tasks in between. */
        ITERATE,
        /** Give the CPU to another thread ({@link Thread#yield()}), then iterate again. */
        YIELD,
        /** Park in the selector until an event, a timer deadline, or {@link IdlePolicy#parkNanos()} passes. */
        PARK
    }

    /**
     * @return whether an iteration that found no work still iterates again inside the slice, instead of asking
     *         {@link #idle(long)} (a spinning reactor never leaves its slice early)
     */
    boolean keepsIterating();

    /**
     * Asked inside a slice when an iteration found nothing to do and no event waits (never asked when
     * {@link #keepsIterating()}): whether to iterate again at once, without leaving the slice, rather than end the
     * slice and ask {@link #idle(long)}. Iterating inside the slice catches the next event within an iteration; a
     * new slice costs a Netty turn (a {@code selectNow} system call) first.
     *
     * @param lastEventsNanos when the reactor last ran events ({@link System#nanoTime()} units)
     * @param now the loop's last clock read, a few iterations old at most
     */
    boolean spinsInSlice(long lastEventsNanos, long now);

    /** A slice did work: the next idle spell starts over. */
    void workDone();

    /**
     * The last iteration found nothing to do.
     *
     * @param lastEventsNanos when the reactor last ran events ({@link System#nanoTime()} units); timers and pollers
     *        do not count: what follows an event within microseconds is a reply or the next event of a chain, while
     *        nothing follows a timer sooner than its next period
     * @return what the loop does next
     */
    Decision idle(long lastEventsNanos);

    /**
     * @return after {@link Decision#PARK}: the longest the park may last even if nothing wakes the reactor,
     *         {@code Long.MAX_VALUE} for as long as it takes
     */
    long parkNanos();

    /**
     * @param clock the time source ({@code System::nanoTime}, a fake clock in tests)
     * @return the policy of {@code settings.idleStrategy()}
     */
    static IdlePolicy of(ReactorSettings settings, LongSupplier clock) {
        switch (settings.idleStrategy()) {
            case SPIN:
                return new SpinIdlePolicy();
            case BACKOFF:
                return new BackoffIdlePolicy(settings.backoffSpins(), settings.backoffYields(),
                        settings.backoffMinParkNanos(), settings.backoffMaxParkNanos());
            case PARK:
                return new ParkIdlePolicy(settings.parkSpinNanos(), clock);
            default:
                throw new IllegalArgumentException("No idle policy for idle strategy " + settings.idleStrategy());
        }
    }
}
