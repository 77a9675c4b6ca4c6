package io.quarkiverse.reactors.runtime.internal.reactor;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.netty.channel.EventLoop;
import io.quarkiverse.reactors.runtime.internal.events.EventMailbox;
import io.quarkiverse.reactors.runtime.internal.events.LaneOutbox;
import io.quarkiverse.reactors.runtime.internal.events.ReactorEvent;
import io.quarkiverse.reactors.runtime.internal.pollers.PollerSet;
import io.quarkiverse.reactors.runtime.internal.timers.ReactorTimers;
import io.vertx.core.impl.ContextInternal;

/** What the loop writes on every iteration, between the paddings; owned by the reactor's thread. */
abstract class LoopState extends PaddedBefore {
    /** Set while {@code iterateOnce} runs: an entry armed then needs no wake-up. */
    boolean inIteration;
    /** Whether any iteration of the current slice did work (resets the backoff). */
    boolean sliceDidWork;
    /** Events run by the last batch. */
    int lastBatch;
    /** Events of the batch running now that failed; counted by {@code runEvent}, published by {@code runBatch}. */
    long batchFailures;
    /** When the reactor last did work (for park's short spin); {@code NO_CLOCK_READ} until an idle iteration reads it. */
    long lastWorkNanos;
}

/** Cache-line padding after the loop's own state; see {@link PaddedBefore}. */
@SuppressWarnings("unused")
abstract class LoopPadAfter extends LoopState {
    private long q00, q01, q02, q03, q04, q05, q06, q07;
    private long q08, q09, q10, q11, q12, q13, q14, q15;
}

/**
 * A reactor's loop: one Netty task per <em>slice</em>, which iterates for up to {@value #ITERATION_SLICE_NANOS} ns
 * and then gives Netty its turn for I/O and other tasks. One iteration, in SPDK's order: a batch of events from the
 * {@link EventMailbox}, then the every-iteration pollers, then the timer wheel and the every-iteration timers. When
 * an iteration finds no work, the {@link IdlePolicy} decides: iterate again, yield, or park until the next deadline
 * or a wake-up.
 * <p>
 * Owned by the reactor's thread: every method runs there, except that the mailbox posts {@link #iterate} to the
 * event loop from senders' threads. Runs inside the reactor's Vert.x context, so Vert.x APIs work in events and
 * callbacks, and each slice is a separate Netty task, so Vert.x's blocked-thread checker measures one slice, never
 * the whole spin.
 */
final class ReactorLoop extends LoopPadAfter implements EventMailbox.Consumer {

    /** How long a busy or spinning reactor iterates before giving Netty a turn for I/O. */
    static final long ITERATION_SLICE_NANOS = 50_000;
    private static final long NO_CLOCK_READ = Long.MIN_VALUE;
    /** A batch of fewer events than this, with none left after it, means the reactor caught up with its senders. */
    private static final int CHASE_THRESHOLD = 16;

    private final ReactorImpl reactor;
    private final ContextInternal context;
    private final EventLoop eventLoop;
    private final EventMailbox mailbox;
    private final int batchSize;
    private final long idlePollIntervalNanos;
    /** What an idle iteration leads to: spin, back off or park. */
    private final IdlePolicy idlePolicy;
    /** Which part of the loop runs, published for the watchdog. */
    private final LoopPhase phase;
    private final PollerSet pollers;
    private final ReactorTimers timers;
    private final ReactorCounters counters;
    private final FailureLog failureLog;
    /** This reactor's sends to the other reactors of its group: written into their lanes, published per iteration. */
    private final LaneOutbox outbox;
    private final Runnable wakeTask = this::wakeAtDeadline;
    private ScheduledFuture<?> wake;
    private long wakeAt = Long.MAX_VALUE;

    /**
     * @param reactors how many reactors the group has (the mailbox's lanes are indexed by the sender's id)
     * @param callerLanes any thread: the calling thread's outbox when it is another reactor of the group, else null
     */
    ReactorLoop(ReactorImpl reactor, int reactors, Supplier<LaneOutbox> callerLanes, ContextInternal context,
            ReactorSettings settings, LoopPhase phase, PollerSet pollers, ReactorTimers timers, ReactorCounters counters,
            FailureLog failureLog) {
        this.reactor = reactor;
        this.context = context;
        this.eventLoop = context.nettyEventLoop();
        this.outbox = new LaneOutbox(reactor.id(), reactors);
        this.mailbox = new EventMailbox(reactor.id(), settings.queueCapacity(), reactors, callerLanes, eventLoop,
                this::iterate, this);
        this.batchSize = settings.batchSize();
        this.idlePollIntervalNanos = settings.idlePollIntervalNanos();
        this.idlePolicy = IdlePolicy.of(settings, System::nanoTime);
        this.phase = phase;
        this.pollers = pollers;
        this.timers = timers;
        this.counters = counters;
        this.failureLog = failureLog;
    }

    EventMailbox mailbox() {
        return mailbox;
    }

    /** The reactor's sends to other reactors of its group; only for the reactor's own thread. */
    LaneOutbox outbox() {
        return outbox;
    }

    /**
     * Makes sure the reactor iterates soon: new work that no event announces (a poller resumed, an entry armed from
     * a Vert.x callback between iterations, which changes the park deadline). Any thread; nothing to do on the
     * reactor's own thread while it iterates.
     */
    void wakeUp() {
        if (!inIteration || !reactor.isCurrent()) {
            mailbox.scheduleIteration();
        }
    }

    // ---------------------------------------------------------------- the slice

    /**
     * The reactor's Netty task: iterations for one slice, then either another turn right after Netty's I/O, or the
     * idle policy.
     */
    void iterate() {
        boolean again;
        sliceDidWork = false;
        long start = System.nanoTime();
        ContextInternal previous = context.beginDispatch();
        try {
            again = iterateWithinSlice(start);
        } catch (Throwable t) {
            // Never let a failure end the loop: the flag would stay set and no iteration would run again.
            failureLog.failed("iteration", reactor, t);
            again = true;
        } finally {
            phase.enter(LoopPhase.OUTSIDE);
            context.endDispatch(previous);
        }
        if (sliceDidWork) {
            idlePolicy.workDone();
        }
        if (again) {
            mailbox.postIteration();
        } else {
            idle();
        }
    }

    /**
     * Iterates while there is work (or, with {@code spin}, always) for up to {@value #ITERATION_SLICE_NANOS} ns,
     * then returns to Netty so that it serves the loop's I/O and other tasks. Staying for a slice spares a busy or
     * spinning reactor a Netty loop turn (a {@code selectNow} system call) per iteration; the clock is read every 16
     * iterations only. A slice that did work adds its time to the busy time, taken from the clock reads the slice
     * makes anyway where it can.
     *
     * @param start when the slice began
     * @return whether to iterate again right after Netty's turn; {@code false} when the last iteration was idle
     */
    private boolean iterateWithinSlice(long start) {
        boolean spin = idlePolicy.keepsIterating();
        long sliceEnd = start + ITERATION_SLICE_NANOS;
        for (int n = 1;; n++) {
            int work = iterateOnce();
            if (work > 0) {
                sliceDidWork = true;
                lastWorkNanos = NO_CLOCK_READ; // read lazily: only an idle iteration needs the time of the last work
            }
            boolean pending = mailbox.hasQueued();
            boolean again = work > 0 || pending || (spin && !mailbox.closed());
            if (!again) {
                if (lastWorkNanos == NO_CLOCK_READ) {
                    lastWorkNanos = System.nanoTime();
                }
                if (sliceDidWork) {
                    counters.busy(lastWorkNanos - start);
                }
                return false;
            }
            if (!pending && lastBatch > 0 && lastBatch < CHASE_THRESHOLD) {
                // Caught up with the senders: rather than chase them event by event (each element's cache line
                // bouncing between the cores), let Netty take its turn while they get ahead.
                counters.busy(System.nanoTime() - start);
                return true;
            }
            if ((n & 15) == 0) {
                long now = System.nanoTime();
                if (now >= sliceEnd) {
                    if (sliceDidWork) {
                        counters.busy(now - start);
                    }
                    return true;
                }
            }
        }
    }

    /** One iteration, in SPDK's order. */
    private int iterateOnce() {
        int work;
        inIteration = true;
        outbox.holdPublication();
        try {
            phase.enter(LoopPhase.EVENTS);
            work = runBatch();
            if (!pollers.isEmpty()) {
                phase.enter(LoopPhase.POLLERS);
                work += pollers.run(counters.iterationsOnOwner());
            }
            if (!timers.isEmpty()) {
                phase.enter(LoopPhase.TIMERS);
                work += timers.run(System.nanoTime());
            }
        } finally {
            // The end of the iteration is the publication point of this reactor's sends to other reactors.
            outbox.flush();
            inIteration = false;
        }
        counters.iterationDone(timers.userTimers());
        return work;
    }

    // ---------------------------------------------------------------- events

    /**
     * Counters are published once per batch, not per event, so that the reactor does not write a cache line that
     * stats readers share on every event.
     */
    private int runBatch() {
        batchFailures = 0;
        int ran = mailbox.drain(batchSize);
        long bad = batchFailures;
        counters.eventsRan(ran - bad, bad);
        lastBatch = ran;
        return ran;
    }

    /** Runs one event from the mailbox's drain; a failure is counted for the batch. */
    @Override
    public void runEvent(Object event) {
        if (!run(event)) {
            batchFailures++;
        }
    }

    private boolean run(Object event) {
        if (event instanceof ReactorEvent reactorEvent) {
            try {
                return reactorEvent.execute(reactor);
            } catch (Throwable t) {
                reactor.logFailure("event", event, t); // e.g. a subscriber of a call's Uni that threw on completion
                return false;
            }
        }
        Runnable task = (Runnable) event;
        try {
            task.run();
            return true;
        } catch (Throwable t) {
            reactor.logFailure("event", task, t);
            return false;
        }
    }

    /** An event the full queue could not take, run as a Netty task of its own. */
    @Override
    public void runBesideQueue(ReactorEvent event) {
        ContextInternal previous = context.beginDispatch();
        phase.enter(LoopPhase.EVENTS);
        try {
            if (run(event)) {
                counters.eventsRan(1, 0);
            } else {
                counters.eventsRan(0, 1);
            }
        } finally {
            phase.enter(LoopPhase.OUTSIDE);
            context.endDispatch(previous);
        }
    }

    /** After the event loop terminated: tells whoever waits for {@code event} (a pending call fails). */
    @Override
    public boolean abandon(Object event) {
        return event instanceof ReactorEvent reactorEvent && reactorEvent.abandon(reactor);
    }

    // ---------------------------------------------------------------- idling

    /** An iteration found nothing to do: spin, back off or park, as the idle policy decides. */
    private void idle() {
        if (mailbox.closed()) {
            // after shutdown began, never keep a loop busy, but keep firing timers and pollers until they are
            // cancelled: replies to pending calls may depend on them
            park(nextDeadline(System.nanoTime()));
            return;
        }
        switch (idlePolicy.idle(lastWorkNanos)) {
            case ITERATE:
                mailbox.postIteration();
                return;
            case YIELD:
                Thread.yield();
                mailbox.postIteration();
                return;
            default:
                long now = System.nanoTime();
                long most = idlePolicy.parkNanos();
                long deadline = nextDeadline(now);
                park(most == Long.MAX_VALUE ? deadline : Math.min(now + most, deadline));
        }
    }

    /**
     * @return when the reactor must run again even if nothing wakes it: the next timer or periodic poller, and,
     *         while every-iteration pollers are active, the idle poll interval
     */
    private long nextDeadline(long now) {
        long at = timers.nextWakeUp();
        if (pollers.hasActive()) {
            at = Math.min(at, now + idlePollIntervalNanos);
        }
        return at;
    }

    /** Stops iterating until {@code deadline} ({@code Long.MAX_VALUE}: until woken) or an event arrives. */
    private void park(long deadline) {
        if (!mailbox.releaseIteration()) {
            return; // an event arrived meanwhile: the next iteration is posted already
        }
        if (deadline == Long.MAX_VALUE) {
            return;
        }
        ScheduledFuture<?> pending = wake;
        if (pending != null && !pending.isDone()) {
            if (wakeAt <= deadline) {
                return;
            }
            pending.cancel(false);
        }
        wakeAt = deadline;
        wake = eventLoop.schedule(wakeTask, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** The scheduled wake-up at a deadline: iterate, unless an iteration is already on its way. */
    private void wakeAtDeadline() {
        wake = null;
        wakeAt = Long.MAX_VALUE;
        if (mailbox.tryAcquireIteration()) {
            iterate();
        }
    }
}
