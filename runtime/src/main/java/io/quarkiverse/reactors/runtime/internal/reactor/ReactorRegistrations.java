package io.quarkiverse.reactors.runtime.internal.reactor;

import java.nio.channels.SelectableChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.function.IntSupplier;

import io.quarkiverse.reactors.Interest;
import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.TimerHandle;
import io.quarkiverse.reactors.WatchHandle;
import io.quarkiverse.reactors.WatchHandler;
import io.quarkiverse.reactors.runtime.internal.events.EventMailbox;
import io.quarkiverse.reactors.runtime.internal.events.InternalTask;
import io.quarkiverse.reactors.runtime.internal.pollers.PollerImpl;
import io.quarkiverse.reactors.runtime.internal.pollers.ReactorPollers;
import io.quarkiverse.reactors.runtime.internal.timers.ReactorTimers;
import io.quarkiverse.reactors.runtime.internal.timers.TimerImpl;
import io.quarkiverse.reactors.runtime.internal.watch.ReactorWatches;
import io.quarkiverse.reactors.runtime.internal.watch.WatchClaims;
import io.quarkiverse.reactors.runtime.internal.watch.WatchImpl;

/**
 * What one reactor runs on its own schedule, put on it: pollers, timers and watches. Checks the arguments on the
 * caller's thread, then registers on the reactor: at once when called there, else as an event that may be refused
 * (the queue full, or the reactor stopped), so that the caller hears about it.
 * <p>
 * Thread-safe: {@link ReactorImpl} calls it from any thread; the registrations themselves run on the reactor.
 * {@link #internalPeriodic} is for the reactor's own thread only.
 */
final class ReactorRegistrations {

    private final ReactorImpl reactor;
    private final EventMailbox mailbox;
    private final ReactorPollers pollers;
    private final ReactorTimers timers;
    private final ReactorWatches watches;
    /** Which watch waits for what on which channel, shared by all reactors. */
    private final WatchClaims watchClaims;
    private final ReactorTeardown teardown;

    ReactorRegistrations(ReactorImpl reactor, EventMailbox mailbox, ReactorPollers pollers, ReactorTimers timers,
            ReactorWatches watches, WatchClaims watchClaims, ReactorTeardown teardown) {
        this.reactor = reactor;
        this.mailbox = mailbox;
        this.pollers = pollers;
        this.timers = timers;
        this.watches = watches;
        this.watchClaims = watchClaims;
        this.teardown = teardown;
    }

    /**
     * {@code Reactor.poller}, and {@code @Poller(delayed)}: a periodic poller first runs after {@code firstRunNanos}
     * when it is positive, instead of after one period.
     */
    PollerHandle poller(String name, IntSupplier poll, Duration period, long firstRunNanos) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(period, "period");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A poller needs a name, to find it in stats and logs");
        }
        if (period.isNegative()) {
            throw new IllegalArgumentException("Poller '" + name + "': the period must be zero (every iteration) or"
                    + " positive, was " + period);
        }
        PollerImpl poller = new PollerImpl(name, reactor, poll, ReactorTimers.toNanos(period));
        long now = System.nanoTime();
        registerOnOwner(() -> {
            if (!poller.cancelled() && !teardown.tornDown()) {
                pollers.register(poller, now, firstRunNanos);
            }
        });
        return poller;
    }

    TimerHandle timer(Duration delay, Runnable task) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("A timer's delay must not be negative, was " + delay);
        }
        return startTimer(new TimerImpl(reactor, task, false, ReactorTimers.toNanos(delay), true),
                ReactorTimers.toNanos(delay));
    }

    TimerHandle periodic(Duration period, Runnable task) {
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A periodic timer's period must be positive, was " + period
                    + " (for every iteration, use a poller or update(Duration.ZERO))");
        }
        return startTimer(new TimerImpl(reactor, task, true, ReactorTimers.toNanos(period), true),
                ReactorTimers.toNanos(period));
    }

    private TimerHandle startTimer(TimerImpl timer, long delayNanos) {
        long deadline = System.nanoTime() + delayNanos;
        if (reactor.isCurrent()) {
            // the common case, kept free of allocations beyond the timer itself
            if (mailbox.closed()) {
                throw mailbox.refuseClosed();
            }
            timer.apply(1);
            timers.schedule(timer, deadline);
        } else {
            mailbox.send(new InternalTask(() -> {
                // skipped if an operation called after the start overtook it (sent beside a full queue)
                if (!timer.cancelled() && timer.apply(1)) {
                    timers.schedule(timer, deadline);
                }
            }));
        }
        return timer;
    }

    /** On the reactor: a periodic timer for the extension's own housekeeping, not counted in stats. */
    TimerImpl internalPeriodic(long periodNanos, Runnable task) {
        TimerImpl timer = new TimerImpl(reactor, task, true, periodNanos, false);
        timer.apply(1);
        timers.schedule(timer, System.nanoTime() + periodNanos);
        return timer;
    }

    WatchHandle watch(SelectableChannel channel, Interest interest, WatchHandler handler) {
        Objects.requireNonNull(handler, "handler");
        WatchImpl.validate(channel, interest);
        Interest wanted = interest.without(Interest.ERROR).without(Interest.HANG_UP);
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("A watch of " + channel + " needs READ, WRITE or both, was " + interest
                    + " (ERROR and HANG_UP are always reported)");
        }
        if (mailbox.closed()) {
            throw mailbox.refuseClosed();
        }
        WatchImpl watch = new WatchImpl(reactor, channel, handler, watchClaims);
        watchClaims.claim(watch, wanted);
        try {
            registerOnOwner(() -> watches.add(watch));
        } catch (RuntimeException e) {
            watchClaims.release(watch);
            throw e;
        }
        return watch;
    }

    /**
     * A registration: runs now on the reactor, else travels as an event that may be refused (the queue full, or
     * the reactor stopped), unlike {@link ReactorImpl#runOnOwner}, whose event cannot be refused.
     */
    private void registerOnOwner(Runnable registration) {
        if (reactor.isCurrent()) {
            if (mailbox.closed()) {
                throw mailbox.refuseClosed();
            }
            registration.run();
        } else {
            mailbox.send(new InternalTask(registration));
        }
    }
}
