package io.quarkiverse.reactors.runtime.internal.reactor;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import io.quarkiverse.reactors.runtime.internal.events.EventMailbox;
import io.quarkiverse.reactors.runtime.internal.events.LaneOutbox;
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
    /** When the reactor last did work (for the busy time); {@code NO_CLOCK_READ} until an idle iteration reads it. */
    long lastWorkNanos;
    /**
     * When the reactor last ran events (for park's short spin); {@code NO_CLOCK_READ} until an idle iteration reads
     * it. Only events start the spin: a reply or the next event of a chain follows an event within microseconds, but
     * nothing follows a timer or a periodic poller sooner than its next period.
     */
    long lastEventsNanos;
    /** Set when the reactor parks, cleared when it next runs: the next slice is a wake-up. */
    boolean parked;
    /**
     * Set when something an iteration ran needs another iteration that no deadline or queued event brings: a poller
     * resumed on the reactor's own thread, where {@code wakeUp} posts nothing.
     */
    boolean iterateAgain;
    /** With spin: iterations in a row that found nothing to do. */
    int emptySpins;
    /** When an idle iteration may next ask whether other tasks wait on the event loop. */
    long nextTaskLook;
    /** The part of the last iteration's work that the wheel's timers and periodic pollers did. */
    int wheelWork;
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
final class ReactorLoop extends LoopPadAfter {

    /** How long a busy or spinning reactor iterates before giving Netty a turn for I/O. */
    static final long ITERATION_SLICE_NANOS = 50_000;
    private static final long NO_CLOCK_READ = Long.MIN_VALUE;
    /** A batch of fewer events than this, with none left after it, means the reactor caught up with its senders. */
    private static final int CHASE_THRESHOLD = 16;
    /**
     * A spinning reactor that finds nothing yields its core ({@link Thread#yield()}) once every this many empty
     * iterations, and pauses ({@link Thread#onSpinWait()}) on the others: a few microseconds of spinning at most
     * between yields. A power of two.
     */
    private static final int SPIN_YIELD_EVERY = 64;
    /** How often, at most, an idle spin asks whether other tasks wait on the event loop ({@link #loopHasTasks}). */
    private static final long TASK_LOOK_NANOS = 1_000;

    private final ReactorImpl reactor;
    private final ContextInternal context;
    private final EventLoop eventLoop;
    /** The event loop's task queue owner, to see whether other tasks wait (null for a loop that has none). */
    private final SingleThreadEventExecutor tasks;
    private final EventMailbox mailbox;
    /** Runs the batches of events this loop drains. */
    private final EventRunner events;
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
     * @param callerOutbox any thread: the calling thread's outbox when it is another reactor of the group, else null
     */
    ReactorLoop(ReactorImpl reactor, int reactors, Supplier<LaneOutbox> callerOutbox, ContextInternal context,
            ReactorSettings settings, LoopPhase phase, PollerSet pollers, ReactorTimers timers, ReactorCounters counters,
            FailureLog failureLog) {
        this.reactor = reactor;
        this.context = context;
        this.eventLoop = context.nettyEventLoop();
        this.tasks = eventLoop instanceof SingleThreadEventExecutor executor ? executor : null;
        this.outbox = new LaneOutbox(reactor.id(), reactors);
        this.events = new EventRunner(reactor, context, phase, counters);
        this.mailbox = new EventMailbox(reactor.id(), settings.queueCapacity(), reactors, callerOutbox, eventLoop,
                this::iterate, events);
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
     * Makes sure the reactor iterates soon: new work that no event announces (a poller resumed). Any thread; on the
     * reactor's own thread while it iterates, the slice goes on with another iteration.
     */
    void wakeUp() {
        if (!inIteration || !reactor.isCurrent()) {
            mailbox.scheduleIteration();
        } else {
            iterateAgain = true;
        }
    }

    /**
     * On the reactor: a timer or periodic poller was armed. From a Vert.x callback between iterations the park
     * deadline changes, so the loop runs; during an iteration nothing is needed: {@link #park} reads the deadline
     * (a periodic poller re-armed by its own run must not cost another iteration).
     */
    void entryArmed() {
        if (!inIteration) {
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
        boolean wokeUp = parked;
        parked = false;
        long start = System.nanoTime();
        ContextInternal previous = context.beginDispatch();
        try {
            again = iterateWithinSlice(start, wokeUp);
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
     * Iterates while there is work, or while the idle policy spins ({@link IdlePolicy#spinsInSlice}), for up to
     * {@value #ITERATION_SLICE_NANOS} ns, then returns to Netty so that it serves the loop's I/O and other tasks.
     * Staying for a slice spares a busy or spinning reactor a Netty loop turn (a {@code selectNow} system call) per
     * iteration; the clock is read every 16 iterations only. A slice that did work adds its time to the busy time,
     * taken from the clock reads the slice makes anyway where it can.
     *
     * @param start when the slice began
     * @param wokeUp whether the reactor was parked before this slice: a first iteration without work is then an
     *        idle wake-up
     * @return whether to iterate again right after Netty's turn; {@code false} when the last iteration was idle
     */
    private boolean iterateWithinSlice(long start, boolean wokeUp) {
        boolean spin = idlePolicy.keepsIterating();
        long sliceEnd = start + ITERATION_SLICE_NANOS;
        long now = start;
        for (int n = 1;; n++) {
            int work = iterateOnce();
            // Events, every-iteration pollers and every-iteration timers that did work may have more; the wheel's
            // timers and periodic pollers are done until their next deadline, which park() waits for. Work that a
            // callback made shows as a queued event, as iterateAgain (a poller resumed), as an every-iteration
            // timer, or as the wheel's next deadline.
            boolean continuing = work > wheelWork || iterateAgain || timers.hasEveryIteration();
            if (work > 0) {
                sliceDidWork = true;
                lastWorkNanos = NO_CLOCK_READ; // read lazily: only an idle iteration needs the time of the last work
                if (lastBatch > 0) {
                    lastEventsNanos = NO_CLOCK_READ;
                }
            } else if (n == 1 && wokeUp) {
                counters.idleWakeUp();
            }
            // A reactor that spins without end looks at its mailbox on its next iteration anyway: no look here.
            boolean pending = !spin && mailbox.hasQueued();
            if (continuing || pending) {
                if (emptySpins != 0) {
                    emptySpins = 0;
                }
                if (!spin && !pending && lastBatch > 0 && lastBatch < CHASE_THRESHOLD) {
                    // Caught up with the senders: rather than chase them event by event (each element's cache line
                    // bouncing between the cores), let Netty take its turn while they get ahead. A spinning reactor
                    // stays: it has the core to itself, and a Netty turn (a selectNow system call) for every few
                    // events would cost it more than it saves.
                    counters.busy(System.nanoTime() - start);
                    return true;
                }
            } else if (mailbox.closed() || !spinsOn(spin, now)) {
                if (lastWorkNanos == NO_CLOCK_READ) {
                    lastWorkNanos = System.nanoTime();
                }
                if (lastEventsNanos == NO_CLOCK_READ) {
                    lastEventsNanos = lastWorkNanos;
                }
                if (sliceDidWork) {
                    counters.busy(lastWorkNanos - start);
                }
                return false;
            }
            if ((n & 15) == 0) {
                now = System.nanoTime();
                if (now >= sliceEnd || (work == 0 && now >= nextTaskLook && loopHasTasks(now))) {
                    if (sliceDidWork) {
                        counters.busy(now - start);
                    }
                    return true;
                }
            }
        }
    }

    /**
     * Whether other tasks wait on the reactor's event loop: a Vert.x {@code runOnContext} of a Kafka connector or
     * any other code on this loop. A reactor that spins with nothing to do ends its slice for them rather than make
     * them wait for the end of its spin (B10: a connector whose context shares the loop dispatched its records
     * behind each 20 µs park spin). Netty's transports all have a task queue to ask; any other loop reads as empty.
     * Asked at most once every {@value #TASK_LOOK_NANOS} ns: a loop of fast idle pollers reads the clock every 16
     * iterations of about 10 ns, and asking that often looked costly in quick B3 runs (noisy, but all one way).
     *
     * @param now the clock read that led here
     */
    private boolean loopHasTasks(long now) {
        nextTaskLook = now + TASK_LOOK_NANOS;
        return tasks != null && tasks.pendingTasks() > 0;
    }

    /**
     * An iteration found nothing to do and no event waits: asks the idle policy whether to iterate again at once,
     * and pauses the core briefly when it does.
     *
     * @param spin whether the policy spins without end (it is not asked then)
     * @param now the slice's last clock read (at most 16 iterations old)
     * @return whether to iterate again inside the slice
     */
    private boolean spinsOn(boolean spin, long now) {
        if (!spin) {
            if (lastEventsNanos == NO_CLOCK_READ) {
                // the first empty iteration after events: their time is about now
                now = lastEventsNanos = System.nanoTime();
            }
            if (!idlePolicy.spinsInSlice(lastEventsNanos, now)) {
                return false;
            }
        }
        if (pollers.hasActive()) {
            // Every-iteration pollers poll their own sources as fast as the loop turns: no pause between them (B3
            // measures that turn against Agrona's composite agent).
            if (emptySpins != 0) {
                emptySpins = 0;
            }
        } else if ((++emptySpins & (SPIN_YIELD_EVERY - 1)) != 0) {
            // Nothing arrived: tell the core this is a spin loop (x86 PAUSE), which yields the pipeline to a sibling
            // hyper-thread and spares the memory-order flush when the awaited store lands.
            Thread.onSpinWait();
        } else {
            // Still nothing: what this reactor waits for may be a thread that has no core now (the sender, or the
            // next reactor of a ring, on a machine with more runnable threads than cores). Spinning on would burn the
            // rest of this thread's time slice while that thread waits for it; a yield lets it run, and returns at
            // once when no other thread wants the core. Only now and then: on a crowded machine each yield can cost
            // a time slice of another thread.
            Thread.yield();
        }
        return true;
    }

    /** One iteration, in SPDK's order. */
    private int iterateOnce() {
        int work;
        inIteration = true;
        if (iterateAgain) {
            iterateAgain = false;
        }
        outbox.holdPublication();
        try {
            if (mailbox.hasQueued()) {
                phase.enter(LoopPhase.EVENTS);
                work = lastBatch = events.runBatch(mailbox, batchSize);
            } else {
                // Nothing published: one look instead of a drain of each source (B3's loop of pollers iterates
                // tens of millions of times a second with an empty mailbox). An event still being published is
                // found by the next iteration, as the drain would find it.
                work = lastBatch = 0;
            }
            if (!pollers.isEmpty()) {
                phase.enter(LoopPhase.POLLERS);
                work += pollers.run(counters.iterationsOnOwner());
            }
            if (!timers.isEmpty()) {
                phase.enter(LoopPhase.TIMERS);
                work += timers.run(System.nanoTime());
                wheelWork = timers.lastWheelWork();
            } else if (wheelWork != 0) {
                wheelWork = 0;
            }
        } finally {
            // The end of the iteration is the publication point of this reactor's sends to other reactors.
            outbox.flush();
            inIteration = false;
        }
        counters.iterationDone(timers.userTimers());
        return work;
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
        switch (idlePolicy.idle(lastEventsNanos)) {
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
        parked = true;
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
