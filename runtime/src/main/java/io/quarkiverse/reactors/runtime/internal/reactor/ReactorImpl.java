package io.quarkiverse.reactors.runtime.internal.reactor;

import io.quarkiverse.reactors.runtime.internal.events.BiEvent;
import io.quarkiverse.reactors.runtime.internal.events.CallCompletion;
import io.quarkiverse.reactors.runtime.internal.events.CallEvent;
import io.quarkiverse.reactors.runtime.internal.events.DeliveryEvent;
import io.quarkiverse.reactors.runtime.internal.events.EventDispatcher;
import io.quarkiverse.reactors.runtime.internal.events.EventSubscriber;
import io.quarkiverse.reactors.runtime.internal.events.FireEvent;
import io.quarkiverse.reactors.runtime.internal.events.InternalTask;
import io.quarkiverse.reactors.runtime.internal.events.ReactorEvent;
import io.quarkiverse.reactors.runtime.internal.offload.OffloadPool;
import io.quarkiverse.reactors.runtime.internal.offload.PendingOffload;
import io.quarkiverse.reactors.runtime.internal.ops.ReactorWatchdog;
import io.quarkiverse.reactors.runtime.internal.percore.PerCoreInstances;
import io.quarkiverse.reactors.runtime.internal.pollers.PollerImpl;
import io.quarkiverse.reactors.runtime.internal.pollers.PollerSet;
import io.quarkiverse.reactors.runtime.internal.timers.TimerImpl;
import io.quarkiverse.reactors.runtime.internal.timers.TimerWheel;
import io.quarkiverse.reactors.runtime.internal.timers.WheelEntry;
import io.quarkiverse.reactors.runtime.internal.watch.LoopSelectorRoute;
import io.quarkiverse.reactors.runtime.internal.watch.ReactorWatches;
import io.quarkiverse.reactors.runtime.internal.watch.WatchClaims;
import io.quarkiverse.reactors.runtime.internal.watch.WatchImpl;
import io.quarkiverse.reactors.runtime.internal.watch.WatchSelector;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.channels.SelectableChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.jboss.logging.Logger;
import org.jctools.queues.MpscArrayQueue;

import io.netty.channel.EventLoop;
import io.netty.channel.nio.NioEventLoop;
import io.quarkiverse.reactors.IdleStrategy;
import io.quarkiverse.reactors.Interest;
import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.ReactorOverloadedException;
import io.quarkiverse.reactors.ReactorStats;
import io.quarkiverse.reactors.ReactorStoppedException;
import io.quarkiverse.reactors.TimerHandle;
import io.quarkiverse.reactors.WatchHandle;
import io.quarkiverse.reactors.WatchHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.impl.ContextInternal;

/**
 * One reactor: a bounded multi-producer single-consumer event queue, one lane per other reactor, pollers and a
 * timer wheel, run by
 * an iteration task on one Netty event loop, inside one Vert.x event-loop context.
 * <p>
 * One iteration, in SPDK's order: a batch of queued events, then the every-iteration pollers, then the
 * due periodic pollers and timers. After it, the reactor iterates again at once while anything reported
 * work; otherwise its {@link IdleStrategy} decides: keep iterating, back off, or park in the selector
 * until an event, a timer deadline or a wake-up. Between two iterations Netty serves the loop's I/O and
 * other tasks, so neither events nor pollers starve the HTTP server on that loop.
 * <p>
 * Submitting is safe from any thread; draining happens only on the event loop. Another reactor of the group
 * sends through its own lane ({@link SpscLane}, in {@link LaneInbox}): plain stores, published with one ordered
 * store at the end of its iteration or every {@link LaneOutbox#PUBLISH_EVERY} events. Any other thread uses
 * the bounded MPSC queue: one CAS on its producer index. Either way the publisher then reads
 * {@link #iterationScheduled}; only the one that finds no iteration pending pays for
 * {@code EventLoop.execute} (a Netty task and, from another thread, a selector wake-up). So a burst of
 * events costs one wake-up, not one per event.
 */
public final class ReactorImpl implements Reactor, LaneOutbox.Receiver {

    private static final Logger LOG = Logger.getLogger(ReactorImpl.class);

    private static final long NO_CLOCK_READ = Long.MIN_VALUE;
    /** A batch of fewer events than this, with none left after it, means the reactor caught up with its senders. */
    private static final int CHASE_THRESHOLD = 16;

    /** How long a busy or spinning reactor iterates before giving Netty a turn for I/O. */
    static final long ITERATION_SLICE_NANOS = 50_000;

    private static final VarHandle ITERATION_SCHEDULED;
    private static final VarHandle EXECUTED;
    private static final VarHandle FAILED;
    private static final VarHandle HIGH_WATER_MARK;
    private static final VarHandle ITERATIONS;
    private static final VarHandle TIMERS;
    private static final VarHandle DISPATCHED;
    private static final VarHandle RUNNING;
    private static final VarHandle BUSY_NANOS;
    private static final VarHandle POLLER_REGISTRATIONS;
    private static final VarHandle CALLBACK_FAILURES;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ITERATION_SCHEDULED = lookup.findVarHandle(ReactorImpl.class, "iterationScheduled", int.class);
            EXECUTED = lookup.findVarHandle(ReactorImpl.class, "executed", long.class);
            FAILED = lookup.findVarHandle(ReactorImpl.class, "failed", long.class);
            HIGH_WATER_MARK = lookup.findVarHandle(ReactorImpl.class, "highWaterMark", int.class);
            ITERATIONS = lookup.findVarHandle(ReactorImpl.class, "iterations", long.class);
            TIMERS = lookup.findVarHandle(ReactorImpl.class, "timers", int.class);
            DISPATCHED = lookup.findVarHandle(ReactorImpl.class, "dispatched", long.class);
            RUNNING = lookup.findVarHandle(ReactorImpl.class, "running", Object.class);
            BUSY_NANOS = lookup.findVarHandle(ReactorImpl.class, "busyNanos", long.class);
            POLLER_REGISTRATIONS = lookup.findVarHandle(ReactorImpl.class, "pollerRegistrations", int.class);
            CALLBACK_FAILURES = lookup.findVarHandle(ReactorImpl.class, "callbackFailures", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int id;
    private final ContextInternal context;
    private final EventLoop eventLoop;
    private final MpscArrayQueue<Object> queue;
    /** The group's reactors: a sender uses lanes only into reactors of its own group (ids index the lanes). */
    private final ReactorImpl[] peers;
    /** Events from the other reactors of the group, one lane per sender; foreign threads use {@link #queue}. */
    private final LaneInbox inbox;
    /** This reactor's sends to the other reactors, written into their lanes and published in batches. */
    private final LaneOutbox outbox;
    /** Runs one event taken from a lane, counted into the current batch. */
    private final Consumer<Object> laneSink = this::runLaneEvent;
    /** Events run and failed by the current batch (reactor thread). */
    private long batchOk;
    private long batchBad;
    private final int batchSize;
    private final ReactorSettings settings;
    private final Runnable iterateTask = this::iterate;
    private final Runnable wakeTask = this::wake;
    private final FailureLog failureLog;
    private final EventDispatcher dispatcher;
    private final PerCoreInstances perCore = new PerCoreInstances();
    /** Which part of the loop runs, published for the watchdog. */
    private final LoopPhase phase = new LoopPhase();

    // Owned by the reactor thread.
    /** Every registered poller, both kinds: written by the reactor, read by {@link #pollers()} from any thread. */
    private final CopyOnWriteArrayList<PollerHandle> registry = new CopyOnWriteArrayList<>();
    /** The every-iteration pollers; a cancelled one leaves the registry when the set drops it. */
    private final PollerSet pollers = new PollerSet(registry::remove);
    /** Timers that fire on every iteration (update(Duration.ZERO)); replaced, never changed in place, so the loop walks it without a copy. */
    private TimerImpl[] everyIterationTimers = new TimerImpl[0];
    private final TimerWheel wheel;
    private boolean inIteration;
    /** What an idle iteration leads to: spin, back off or park. */
    private final IdlePolicy idlePolicy;
    private ScheduledFuture<?> wake;
    private long wakeAt = Long.MAX_VALUE;
    private long iterations;
    /** Events run by the last batch. */
    private int lastBatch;
    /** Set on the reactor when its pollers, timers and per-core beans were torn down at shutdown. */
    private boolean shutDown;
    /** Whether any iteration of the current slice did work (resets the backoff). */
    private boolean sliceDidWork;
    /** When the reactor last did work (for park's short spin); {@link #NO_CLOCK_READ} until an idle iteration reads it. */
    private long lastWorkNanos;
    /** The user's timers armed (on the wheel or every iteration), published after each iteration for stats(). */
    private int timers;

    /** Set once shutdown began: new submissions are refused, queued ones still run. */
    private volatile boolean stopped;
    /** 1 while an iteration is queued on the event loop or running; producers only wake the loop on 0 -> 1. */
    private volatile int iterationScheduled;
    private volatile Thread thread;
    /** The Netty transport of the event loop, for stats(). */
    private String transport = Transports.NIO;

    // Written only by the reactor thread (opaque stores, once per batch); read by stats() from any thread.
    private long executed;
    private long failed;
    /** Timer callbacks and watch handlers that threw. */
    private long callbackFailures;
    /** Raised by the reactor when it samples the depth, and by a producer that finds the queue full. */
    private int highWaterMark;

    // Operations, written only by the reactor thread (opaque stores) and read by ReactorWatchdog and stats().
    /**
     * Timer and periodic-poller callbacks begun so far: with {@link #iterations} and the queue's consumer index
     * (which the reactor advances for every event it takes, so events cost nothing more) it tells the monitor
     * whether the reactor moved on since its last look. Every-iteration pollers are not counted one by one
     * (a store per call would cost B3 a tenth of its time); a poller that never returns stops the iterations.
     */
    private long dispatched;
    /** The timer or periodic poller last begun: names what a stalled reactor is stuck in. Never cleared. */
    @SuppressWarnings("unused")
    private Object running;
    /** Time spent in slices that did work; the clock reads are per slice (a Netty task), never per event. */
    private long busyNanos;
    /** Bumped when a poller joins the registry, so that the monitor registers meters for new pollers. */
    private int pollerRegistrations;
    private final long startedNanos = System.nanoTime();

    // Written by submitting threads, only on the rare paths.
    private final AtomicLong rejected = new AtomicLong();
    /** Replies accepted beside the queue because it was full; they count as accepted events. */
    private final AtomicLong overflowReplies = new AtomicLong();
    /** The dedicated offload pool, or null for the Vert.x worker pool. */
    private volatile OffloadPool offloadPool;
    /** Offloaded tasks accepted and not settled: the bound's count ({@link #offloads} is the list). */
    private final java.util.concurrent.atomic.AtomicInteger pendingOffloads = new java.util.concurrent.atomic.AtomicInteger();
    /** Offloaded tasks accepted and not settled, for the shutdown to fail those that outlive its timeout. */
    private final java.util.Set<PendingOffload<?>> offloads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Events that could never run because the event loop had terminated; they count as failed. */
    private final AtomicLong abandoned = new AtomicLong();

    /** Which watch waits for what on which channel, shared by all reactors. */
    private final WatchClaims watchClaims;
    private final ReactorWatches watches;

    ReactorImpl(int id, ReactorImpl[] peers, ContextInternal context, ReactorSettings settings, EventDispatcher dispatcher,
            WatchClaims watchClaims, WatchSelector watchSelector) {
        this.id = id;
        this.dispatcher = dispatcher;
        this.context = context;
        this.eventLoop = context.nettyEventLoop();
        this.queue = new MpscArrayQueue<>(settings.queueCapacity());
        this.peers = peers;
        this.inbox = new LaneInbox(peers.length, queue.capacity());
        this.outbox = new LaneOutbox(id, peers.length);
        this.batchSize = settings.batchSize();
        this.settings = settings;
        this.failureLog = new FailureLog(id);
        this.wheel = new TimerWheel(settings.timerTickNanos(), settings.timerSlots(), System.nanoTime());
        this.idlePolicy = IdlePolicy.of(settings, System::nanoTime);
        this.watchClaims = watchClaims;
        this.watches = new ReactorWatches(this, eventLoop instanceof NioEventLoop
                ? new LoopSelectorRoute((NioEventLoop) eventLoop)
                : watchSelector);
        // Whatever is still queued when the event loop is gone can never run: report it, never drop it silently.
        eventLoop.terminationFuture().addListener(f -> abandonQueued());
    }

    /** Records the Netty transport for stats(); called once, before the reactor is published. */
    void transport(String transport) {
        this.transport = transport;
    }

    /** Records the event-loop thread; called once, on that thread, before the reactor is published. */
    void bindThread(Thread thread) {
        this.thread = thread;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public Context context() {
        return context;
    }

    @Override
    public boolean isCurrent() {
        return Thread.currentThread() == thread;
    }

    public Thread thread() {
        return thread;
    }

    EventLoop eventLoop() {
        return eventLoop;
    }

    public ContextInternal contextInternal() {
        return context;
    }

    public ReactorWatches watches() {
        return watches;
    }

    // ---------------------------------------------------------------- submission (any thread)

    @Override
    public void send(Runnable task) {
        Objects.requireNonNull(task, "task");
        enqueueOrThrow(task);
    }

    @Override
    public <A, B> void send(BiConsumer<A, B> task, A a, B b) {
        Objects.requireNonNull(task, "task");
        enqueueOrThrow(new BiEvent<>(task, a, b));
    }

    @Override
    public boolean trySend(Runnable task) {
        Objects.requireNonNull(task, "task");
        return tryEnqueue(task);
    }

    @Override
    public <A, B> boolean trySend(BiConsumer<A, B> task, A a, B b) {
        Objects.requireNonNull(task, "task");
        return tryEnqueue(new BiEvent<>(task, a, b));
    }

    private boolean tryEnqueue(Object event) {
        if (stopped) {
            throw stoppedException();
        }
        ReactorImpl sender = laneSender();
        if (sender != null) {
            if (!sender.outbox.offer(this, event, sender.inIteration)) {
                rejected.incrementAndGet();
                raiseHighWaterMark(inbox.capacity());
                return false;
            }
            return true;
        }
        if (!queue.offer(event)) {
            rejectedFull();
            return false;
        }
        signal();
        return true;
    }

    @Override
    public <T> Uni<T> call(Supplier<T> task) {
        Objects.requireNonNull(task, "task");
        if (stopped) {
            return stoppedUni();
        }
        return Uni.createFrom().emitter(emitter -> submitCall(task, CallCompletion.of(emitter)));
    }

    /**
     * A Uni already failed with {@link ReactorStoppedException}. Made without a callback: Mutiny hands the callback
     * of a new emitter Uni to the context propagation of the application, which fails with a
     * NullPointerException once the application has stopped.
     */
    private <T> Uni<T> stoppedUni() {
        return Uni.createFrom().failure(stoppedException());
    }

    @Override
    public <T> CompletionStage<T> callAsync(Supplier<T> task) {
        Objects.requireNonNull(task, "task");
        CompletableFuture<T> future = new ReactorFuture<>();
        submitCall(task, CallCompletion.of(future));
        return future;
    }

    @Override
    public void fire(Object event) {
        enqueueOrThrow(new FireEvent(dispatcher.subscribersOf(event), event));
    }

    /** Queues already-resolved subscribers: {@code Reactors.fire} looks them up once for all reactors. */
    void fire(EventSubscriber[] subscribers, Object event) {
        enqueueOrThrow(new FireEvent(subscribers, event));
    }

    @Override
    public Uni<Void> deliver(Object event) {
        return deliver(dispatcher.subscribersOf(event), null, event);
    }

    @Override
    public <R> Uni<R> request(Object event) {
        EventSubscriber[] subscribers = dispatcher.subscribersOf(event);
        return deliver(subscribers, EventDispatcher.replierOf(subscribers, event), event);
    }

    /**
     * Delivers already-resolved subscribers, with the value of {@code replier} (null: none) as the reply.
     * Lazy: each subscription queues the event once; a refusal fails the {@code Uni}.
     */
    <R> Uni<R> deliver(EventSubscriber[] subscribers, EventSubscriber replier, Object event) {
        return Uni.createFrom().emitter(emitter -> {
            ReactorImpl caller = ReactorGroup.currentOrNull();
            try {
                enqueueOrThrow(new DeliveryEvent<R>(subscribers, replier, event, CallCompletion.of(emitter), caller,
                        callerContext(caller)));
            } catch (ReactorOverloadedException | ReactorStoppedException e) {
                emitter.fail(e);
            }
        });
    }

    /** @return this reactor's {@code @PerCore} instances; only for its own thread */
    public PerCoreInstances perCore() {
        return perCore;
    }

    // ---------------------------------------------------------------- pollers and timers (any thread)

    @Override
    public PollerHandle poller(String name, IntSupplier poll, Duration period) {
        return poller(name, poll, period, 0);
    }

    /**
     * {@link #poller(String, IntSupplier, Duration)} for {@code @Poller(delayed)}: a periodic poller first runs
     * after {@code firstRunNanos} when it is positive, instead of after one period.
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
        PollerImpl poller = new PollerImpl(name, this, poll, toNanos(period));
        long now = System.nanoTime();
        onOwner(() -> {
            if (poller.cancelled() || shutDown) {
                return;
            }
            registry.add(poller);
            POLLER_REGISTRATIONS.setOpaque(this, pollerRegistrations + 1);
            if (poller.period() == 0) {
                pollers.add(poller, iterations);
            } else {
                schedule(poller, now + (firstRunNanos > 0 ? firstRunNanos : poller.period()));
            }
        });
        return poller;
    }

    @Override
    public TimerHandle timer(Duration delay, Runnable task) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("A timer's delay must not be negative, was " + delay);
        }
        return startTimer(new TimerImpl(this, task, false, toNanos(delay), true), toNanos(delay));
    }

    @Override
    public TimerHandle periodic(Duration period, Runnable task) {
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A periodic timer's period must be positive, was " + period
                    + " (for every iteration, use a poller or update(Duration.ZERO))");
        }
        return startTimer(new TimerImpl(this, task, true, toNanos(period), true), toNanos(period));
    }

    private TimerHandle startTimer(TimerImpl timer, long delayNanos) {
        long deadline = System.nanoTime() + delayNanos;
        if (isCurrent()) {
            // the common case, kept free of allocations beyond the timer itself
            if (stopped) {
                throw stoppedException();
            }
            timer.apply(1);
            schedule(timer, deadline);
        } else {
            enqueueOrThrow(new InternalTask(() -> {
                // skipped if an operation called after the start overtook it (sent beside a full queue)
                if (!timer.cancelled() && timer.apply(1)) {
                    schedule(timer, deadline);
                }
            }));
        }
        return timer;
    }

    /** Registration: runs now on this reactor, else travels as an event (refused when full or stopped). */
    private void onOwner(Runnable registration) {
        if (isCurrent()) {
            if (stopped) {
                throw stoppedException();
            }
            registration.run();
        } else {
            enqueueOrThrow(new InternalTask(registration));
        }
    }

    /** On this reactor: links an entry into the timer wheel, and wakes the loop if it is parked. */
    public void schedule(WheelEntry entry, long deadline) {
        if (shutDown) {
            return; // a registration queued before shutdown, run after it: nothing may be armed any more
        }
        wheel.schedule(entry, deadline);
        if (!inIteration) {
            signal(); // armed from a Vert.x callback between iterations: recompute the park deadline
        }
    }

    /** On this reactor: takes a timer off the wheel and off the every-iteration list. */
    public void detach(TimerImpl timer) {
        wheel.cancel(timer);
        if (timer.everyIteration) {
            timer.everyIteration = false;
            everyIterationTimers = without(everyIterationTimers, timer);
        }
    }

    /** On this reactor: makes a timer fire on every iteration until updated or cancelled. */
    public void fireEveryIteration(TimerImpl timer) {
        if (shutDown) {
            // an update(ZERO) that arrived after shutdown tore the timers down (found by SoakTest): arming it would
            // keep the loop iterating for ever, and Vert.x's close waiting for it
            return;
        }
        timer.everyIteration = true;
        everyIterationTimers = java.util.Arrays.copyOf(everyIterationTimers, everyIterationTimers.length + 1);
        everyIterationTimers[everyIterationTimers.length - 1] = timer;
        if (!inIteration) {
            signal();
        }
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

    /** On this reactor: a periodic poller was cancelled; unlink it now rather than at its next tick. */
    public void unschedule(PollerImpl poller) {
        wheel.cancel(poller);
        registry.remove(poller);
    }

    /** Durations beyond about 146 years are capped, so that deadlines never overflow. */
    public static long toNanos(Duration duration) {
        try {
            return Math.min(duration.toNanos(), Long.MAX_VALUE / 4);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }

    // ---------------------------------------------------------------- watches (any thread)

    @Override
    public WatchHandle watch(SelectableChannel channel, Interest interest, WatchHandler handler) {
        Objects.requireNonNull(handler, "handler");
        WatchImpl.validate(channel, interest);
        Interest wanted = interest.without(Interest.ERROR).without(Interest.HANG_UP);
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("A watch of " + channel + " needs READ, WRITE or both, was " + interest
                    + " (ERROR and HANG_UP are always reported)");
        }
        if (stopped) {
            throw stoppedException();
        }
        WatchImpl watch = new WatchImpl(this, channel, handler, watchClaims);
        watchClaims.claim(watch, wanted);
        try {
            onOwner(() -> watches.add(watch));
        } catch (RuntimeException e) {
            watchClaims.release(watch);
            throw e;
        }
        return watch;
    }

    /** On this reactor: a periodic timer for the extension's own housekeeping, not counted in stats. */
    public TimerImpl internalPeriodic(long periodNanos, Runnable task) {
        TimerImpl timer = new TimerImpl(this, task, true, periodNanos, false);
        timer.apply(1);
        schedule(timer, System.nanoTime() + periodNanos);
        return timer;
    }

    // ---------------------------------------------------------------- offload (any thread)

    @Override
    public <T> Uni<T> offload(Callable<T> task, boolean ordered) {
        Objects.requireNonNull(task, "task");
        if (stopped) {
            return stoppedUni();
        }
        return Uni.createFrom().emitter(emitter -> {
            if (stopped) {
                emitter.fail(stoppedException());
                return;
            }
            if (pendingOffloads.incrementAndGet() > settings.maxPendingOffloads()) {
                pendingOffloads.decrementAndGet();
                rejected.incrementAndGet();
                emitter.fail(new ReactorOverloadedException(id, settings.maxPendingOffloads(), "Reactor " + id
                        + " refused to offload a task: " + settings.maxPendingOffloads() + " offloaded tasks are"
                        + " already pending. Slow down, or raise quarkus.reactors.offload.max-pending"));
                return;
            }
            PendingOffload<T> pending = new PendingOffload<>(emitter);
            // Listed before stopped is read again, and the shutdown sets stopped before it fails what is listed:
            // either this call sees the stop, or the shutdown sees this offload.
            offloads.add(pending);
            if (stopped) {
                pending.settle(this, null, stoppedException());
                return;
            }
            OffloadPool pool = offloadPool;
            if (pool != null) {
                pool.execute(this, task, ordered, pending);
                return;
            }
            // The worker queues the outcome to this reactor itself, rather than through the Future that
            // executeBlocking returns: Vert.x drops a completion that finds the event loop terminated, ours is
            // then failed with ReactorStoppedException. Ordered tasks queue their outcomes in order.
            context.executeBlocking(() -> {
                pending.run(this, task);
                return null;
            }, ordered);
        });
    }

    /** Any thread: an offload's {@code Uni} was settled. */
    public void offloadSettled(PendingOffload<?> pending) {
        if (offloads.remove(pending)) {
            pendingOffloads.decrementAndGet();
        }
    }

    /** @return offloaded tasks accepted and not yet settled */
    int pendingOffloads() {
        return pendingOffloads.get();
    }

    /** At shutdown, after the wait for them: every offload not settled yet fails with ReactorStoppedException. */
    private void failPendingOffloads() {
        int failed = 0;
        for (PendingOffload<?> pending : offloads.toArray(new PendingOffload<?>[0])) {
            if (pending.settle(this, null, new ReactorStoppedException(id,
                    "stopped before an offloaded task ended (quarkus.reactors.shutdown-timeout passed)"))) {
                failed++;
            }
        }
        if (failed > 0) {
            LOG.warnf("Reactor %d: %d offloaded tasks were still running when the shutdown timeout passed: their Unis"
                    + " failed with ReactorStoppedException", id, failed);
        }
    }

    /** Sends offloaded tasks to a dedicated pool instead of the Vert.x worker pool; set once, at startup. */
    void offloadTo(OffloadPool pool) {
        this.offloadPool = pool;
    }

    private <T> void submitCall(Supplier<T> task, CallCompletion<T> completion) {
        ReactorImpl caller = ReactorGroup.currentOrNull();
        ContextInternal callerContext = callerContext(caller);
        if (caller == this && !stopped && queue.relaxedPeek() == null) {
            // A call to the caller's own reactor with nothing queued: run it now. No event can be overtaken
            // (the queue is empty), and the hop through the queue would only add a loop turn.
            T result;
            try {
                result = task.get();
            } catch (Throwable t) {
                completion.fail(t);
                return;
            }
            completion.complete(result);
            return;
        }
        try {
            enqueueOrThrow(new CallEvent<>(task, completion, caller, callerContext));
        } catch (ReactorOverloadedException | ReactorStoppedException e) {
            completion.fail(e);
        }
    }

    /**
     * @return the caller's own context (e.g. an HTTP request's duplicated context), kept for the reply when it
     *         belongs to the caller's event loop; null when there is none or the caller is not on a reactor
     */
    private static ContextInternal callerContext(ReactorImpl caller) {
        if (caller == null) {
            return null;
        }
        ContextInternal current = ContextInternal.current();
        return current != null && current.nettyEventLoop() == caller.eventLoop ? current : null;
    }

    private void enqueueOrThrow(Object event) {
        if (!tryEnqueue(event)) {
            ReactorImpl sender = laneSender();
            if (sender == null) {
                throw new ReactorOverloadedException(id, queue.capacity());
            }
            throw new ReactorOverloadedException(id, inbox.capacity(), "Reactor " + id + " rejected an event from reactor "
                    + sender.id + ": the lane from reactor " + sender.id + " is full (capacity " + inbox.capacity()
                    + "). Slow down the sender, use trySend() to react to back-pressure, or raise"
                    + " quarkus.reactors.queue-capacity");
        }
    }

    /**
     * @return the reactor of the calling thread when it is another reactor of this group (its events go into its
     *         lane to this reactor), else null (the thread uses the MPSC queue)
     */
    private ReactorImpl laneSender() {
        ReactorImpl sender = ReactorGroup.currentOrNull();
        return sender != null && sender != this && sender.peers == peers ? sender : null;
    }

    @Override
    public LaneInbox lanes() {
        return inbox;
    }

    @Override
    public void wakeForLane() {
        signal();
    }

    /** The queue was full: count the refusal, and the queue's depth reached its capacity. */
    private void rejectedFull() {
        rejected.incrementAndGet();
        raiseHighWaterMark(queue.capacity());
    }

    private void raiseHighWaterMark(int depth) {
        int seen;
        while (depth > (seen = (int) HIGH_WATER_MARK.getOpaque(this))) {
            if (HIGH_WATER_MARK.compareAndSet(this, seen, depth)) {
                return;
            }
        }
    }

    private ReactorStoppedException stoppedException() {
        rejected.incrementAndGet();
        return new ReactorStoppedException(id, "is stopped: the application is shutting down and accepts no new events");
    }

    /**
     * Queues an event the reactor must not refuse: the reply to a call made from this reactor, or the
     * cancel or update of a timer. Accepted even while stopping and even when the queue is full: replies
     * are bounded by the calls in flight (dropping one would lose a result already computed), and a
     * cancel that could fail would leak the timer.
     */
    public void submitInternal(ReactorEvent event) {
        ReactorImpl sender = laneSender();
        if (sender != null) {
            if (sender.outbox.offer(this, event, sender.inIteration)) {
                return;
            }
        } else if (queue.offer(event)) {
            signal();
            return;
        }
        overflowReplies.incrementAndGet();
        try {
            eventLoop.execute(() -> runOutsideQueue(event));
        } catch (RejectedExecutionException e) {
            abandoned.incrementAndGet();
            event.abandon(this);
        }
    }

    /** Runs {@code task} now if called on this reactor, else queues it as an internal event. */
    public void runOnOwner(Runnable task) {
        if (isCurrent()) {
            task.run();
        } else {
            submitInternal(new InternalTask(task));
        }
    }

    /** Makes sure the reactor iterates soon, from any thread: used when a parked reactor has new work. */
    public void wakeUp() {
        if (!inIteration || !isCurrent()) {
            signal();
        }
    }

    /** Makes sure an iteration will run: only the producer that flips the flag from 0 to 1 posts the task. */
    private void signal() {
        if (iterationScheduled == 0 && ITERATION_SCHEDULED.compareAndSet(this, 0, 1)) {
            post();
        }
    }

    private void post() {
        try {
            eventLoop.execute(iterateTask);
        } catch (RejectedExecutionException e) {
            // The event loop is shutting down: the termination listener (or this call, if it already
            // terminated) reports whatever is left in the queue.
            iterationScheduled = 0;
            if (eventLoop.isTerminated()) {
                abandonQueued();
            }
        }
    }

    // ---------------------------------------------------------------- the loop (reactor thread)

    /**
     * The reactor's Netty task: iterations for one slice, then either another turn right after Netty's I/O,
     * or the idle strategy. Runs inside the reactor's Vert.x context, so Vert.x APIs work in events and
     * callbacks, and each slice is a separate Netty task, so Vert.x's blocked-thread checker measures one
     * slice, never the whole spin.
     */
    private void iterate() {
        boolean again;
        sliceDidWork = false;
        long start = System.nanoTime();
        ContextInternal previous = context.beginDispatch();
        try {
            again = iterateWithinSlice(start);
        } catch (Throwable t) {
            // Never let a failure end the loop: the flag would stay set and no iteration would run again.
            failureLog.failed("iteration", this, t);
            again = true;
        } finally {
            phase.enter(LoopPhase.OUTSIDE);
            context.endDispatch(previous);
        }
        if (sliceDidWork) {
            idlePolicy.workDone();
        }
        if (again) {
            post();
        } else {
            idle();
        }
    }

    /**
     * Iterates while there is work (or, with {@code spin}, always) for up to {@value #ITERATION_SLICE_NANOS}
     * ns, then returns to Netty so that it serves the loop's I/O and other tasks. Staying for a slice spares
     * a busy or spinning reactor a Netty loop turn (a {@code selectNow} system call) per iteration; the
     * clock is read every 16 iterations only. A slice that did work adds its time to the busy time, taken
     * from the clock reads the slice makes anyway where it can.
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
            boolean pending = queue.relaxedPeek() != null || !inbox.isEmpty();
            boolean again = work > 0 || pending || (spin && !stopped);
            if (!again) {
                if (lastWorkNanos == NO_CLOCK_READ) {
                    lastWorkNanos = System.nanoTime();
                }
                if (sliceDidWork) {
                    addBusy(lastWorkNanos - start);
                }
                return false;
            }
            if (!pending && lastBatch > 0 && lastBatch < CHASE_THRESHOLD) {
                // Caught up with the senders: rather than chase them event by event (each element's cache line
                // bouncing between the cores), let Netty take its turn while they get ahead.
                addBusy(System.nanoTime() - start);
                return true;
            }
            if ((n & 15) == 0) {
                long now = System.nanoTime();
                if (now >= sliceEnd) {
                    if (sliceDidWork) {
                        addBusy(now - start);
                    }
                    return true;
                }
            }
        }
    }

    private void addBusy(long nanos) {
        BUSY_NANOS.setOpaque(this, busyNanos + nanos);
    }

    /** One iteration, in SPDK's order. */
    private int iterateOnce() {
        int work;
        inIteration = true;
        try {
            phase.enter(LoopPhase.EVENTS);
            work = runBatch();
            if (!pollers.isEmpty()) {
                phase.enter(LoopPhase.POLLERS);
                work += pollers.run(iterations);
            }
            if (wheel.size() > 0 || everyIterationTimers.length != 0) {
                phase.enter(LoopPhase.TIMERS);
                work += runTimers();
            }
        } finally {
            // The end of the iteration is the publication point of this reactor's sends to other reactors.
            outbox.flush();
            inIteration = false;
        }
        ITERATIONS.setOpaque(this, iterations + 1);
        TIMERS.setOpaque(this, wheel.userTimers() + everyIterationTimers.length);
        return work;
    }

    /** An iteration found nothing to do: spin, back off or park, as configured. */
    private void idle() {
        if (stopped) {
            // after shutdown began, never keep a loop busy, but keep firing timers and pollers until they are
            // cancelled: replies to pending calls may depend on them
            park(nextDeadline(System.nanoTime()));
            return;
        }
        switch (idlePolicy.idle(lastWorkNanos)) {
            case ITERATE:
                post();
                return;
            case YIELD:
                Thread.yield();
                post();
                return;
            default:
                long now = System.nanoTime();
                long most = idlePolicy.parkNanos();
                long deadline = nextDeadline(now);
                park(most == Long.MAX_VALUE ? deadline : Math.min(now + most, deadline));
        }
    }

    /**
     * @return when the reactor must run again even if nothing wakes it: the next timer or periodic poller,
     *         and, while every-iteration pollers are active, the idle poll interval
     */
    private long nextDeadline(long now) {
        long at = wheel.nextWakeUp();
        if (pollers.hasActive()) {
            at = Math.min(at, now + settings.idlePollIntervalNanos());
        }
        return at;
    }

    /** Stops iterating until {@code deadline} ({@code Long.MAX_VALUE}: until woken) or an event arrives. */
    private void park(long deadline) {
        iterationScheduled = 0;
        // A producer may have offered after the last isEmpty() and seen iterationScheduled == 1: look again.
        // (volatile store then volatile load: the producer's offer and flag read are ordered the same way.)
        if ((!queue.isEmpty() || !inbox.isEmpty()) && ITERATION_SCHEDULED.compareAndSet(this, 0, 1)) {
            post();
            return;
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

    /** The scheduled wake-up: iterate, unless an iteration is already on its way. */
    private void wake() {
        wake = null;
        wakeAt = Long.MAX_VALUE;
        if (iterationScheduled == 0 && ITERATION_SCHEDULED.compareAndSet(this, 0, 1)) {
            iterate();
        }
    }

    /** On this reactor: recomputes the active every-iteration pollers after a registration, pause, resume or cancel. */
    void rebuildActivePollers() {
        pollers.rebuild(iterations);
    }

    /** Any thread: a poller was paused, resumed or cancelled. */
    public void pollerStateChanged() {
        runOnOwner(this::rebuildActivePollers);
        wakeUp();
    }

    private int runTimers() {
        int work = wheel.expire(System.nanoTime());
        // A callback that updates or cancels a timer replaces the array: this walk goes on over the one it began,
        // with no copy per iteration. A timer cancelled meanwhile does not fire (fire() checks).
        for (TimerImpl timer : everyIterationTimers) {
            work += timer.fire();
        }
        return work;
    }

    /**
     * Runs one batch of at most {@code batchSize} events, shared fairly between the MPSC queue and the lanes from
     * the other reactors: each source gets a quota of {@code batchSize / sources} first, then whatever budget is
     * left goes round again, so a flooding sender neither starves the others nor wastes the batch when alone.
     * Counters are published once per batch, not per event, so that the reactor does not write a cache
     * line that stats readers share on every event; the queue depth is sampled every 64 events, the lanes' on
     * every drain.
     */
    private int runBatch() {
        batchOk = 0;
        batchBad = 0;
        int quota = Math.max(1, batchSize / peers.length);
        int ran = runQueued(quota);
        ran += inbox.drain(laneSink, quota, batchSize - ran);
        if (ran >= quota && ran < batchSize) {
            // some source may have had more than its quota: share the rest of the budget
            ran += runQueued(batchSize - ran);
            ran += inbox.drain(laneSink, batchSize, batchSize - ran);
        }
        int deepestLane = inbox.takeDeepest();
        if (deepestLane > (int) HIGH_WATER_MARK.getOpaque(this)) {
            raiseHighWaterMark(deepestLane);
        }
        if (batchOk != 0) {
            EXECUTED.setOpaque(this, executed + batchOk);
        }
        if (batchBad != 0) {
            FAILED.setOpaque(this, failed + batchBad);
        }
        lastBatch = ran;
        return ran;
    }

    /** Runs up to {@code limit} events from the MPSC queue. */
    private int runQueued(int limit) {
        MpscArrayQueue<Object> q = queue;
        int ran = 0;
        Object event;
        while (ran < limit) {
            // relaxedPoll reads only the next slot, not the producers' index: a reactor that looks at an
            // empty queue (while it spins or drains faster than its senders) does not steal the cache line
            // that every sender's CAS needs. An event still being published is picked up next iteration.
            if ((event = q.relaxedPoll()) == null) {
                break;
            }
            if ((ran & 63) == 0) {
                sampleDepth(q);
            }
            ran++;
            runLaneEvent(event);
        }
        return ran;
    }

    /** Runs one event and counts it into the current batch. */
    private void runLaneEvent(Object event) {
        if (runEvent(event)) {
            batchOk++;
        } else {
            batchBad++;
        }
    }

    private void sampleDepth(MpscArrayQueue<Object> q) {
        long consumed = q.currentConsumerIndex();
        int depth = (int) (q.currentProducerIndex() - consumed);
        if (depth > (int) HIGH_WATER_MARK.getOpaque(this)) {
            raiseHighWaterMark(depth);
        }
    }

    private boolean runEvent(Object event) {
        if (event instanceof ReactorEvent) {
            try {
                return ((ReactorEvent) event).execute(this);
            } catch (Throwable t) {
                taskFailed(event, t); // e.g. a subscriber of a call's Uni that threw on completion
                return false;
            }
        }
        Runnable task = (Runnable) event;
        try {
            task.run();
            return true;
        } catch (Throwable t) {
            taskFailed(task, t);
            return false;
        }
    }

    private void runOutsideQueue(ReactorEvent reply) {
        ContextInternal previous = context.beginDispatch();
        phase.enter(LoopPhase.EVENTS);
        try {
            if (runEvent(reply)) {
                EXECUTED.setOpaque(this, executed + 1);
            } else {
                FAILED.setOpaque(this, failed + 1);
            }
        } finally {
            phase.enter(LoopPhase.OUTSIDE);
            context.endDispatch(previous);
        }
    }

    public void taskFailed(Object task, Throwable failure) {
        failureLog.failed("event", task, failure);
    }

    public void callbackFailed(String what, Object callback, Throwable failure) {
        failureLog.failed(what, callback, failure);
    }

    /** On this reactor: a timer callback or a watch handler threw; counted in {@code callbackFailures}, and logged. */
    public void callbackThrew(String what, Object callback, Throwable failure) {
        CALLBACK_FAILURES.setOpaque(this, callbackFailures + 1);
        failureLog.failed(what, callback, failure);
    }

    // ---------------------------------------------------------------- lifecycle

    /** Refuses new submissions from now on; queued events and replies to pending calls still run. */
    void stop() {
        stopped = true;
    }


    /**
     * On this reactor, at shutdown: cancels pollers and timers, fails the offloads still pending, then destroys the
     * {@code @PerCore} instances.
     */
    void shutdownOnLoop() {
        shutDown = true;
        watches.cancelAll();
        cancelPollersAndTimers();
        failPendingOffloads();
        perCore.close();
    }

    /** On this reactor, at shutdown: cancels every poller and timer. */
    private void cancelPollersAndTimers() {
        pollers.cancelAll();
        for (TimerImpl timer : everyIterationTimers) {
            timer.cancel();
        }
        wheel.clear(entry -> {
            if (entry instanceof TimerImpl t) {
                t.cancel();
            } else if (entry instanceof PollerImpl p) {
                p.cancel();
            }
        });
        registry.clear();
    }

    /** @return iterations so far; any thread (opaque read) */
    public long iterationCount() {
        return (long) ITERATIONS.getOpaque(this);
    }

    @Override
    public List<PollerHandle> pollers() {
        return List.copyOf(registry);
    }

    boolean isIdle() {
        return queue.isEmpty() && inbox.isEmpty();
    }

    /**
     * Reports every event left in the queue once the event loop can no longer run them: pending calls
     * fail with {@link ReactorStoppedException}, other events are counted as failed and logged.
     * Runs only after the loop terminated, so this thread is the queue's only consumer; synchronized
     * because the termination listener and a late producer may both get here.
     */
    private synchronized void abandonQueued() {
        long lost = 0;
        long failedCalls = 0;
        Object event;
        List<Object> left = new java.util.ArrayList<>();
        while ((event = queue.poll()) != null) {
            left.add(event);
        }
        // The loop is gone, so this thread is the lanes' only consumer now (the senders may still be publishing).
        while (inbox.drain(left::add, Integer.MAX_VALUE, Integer.MAX_VALUE) > 0) {
            // until every lane is empty
        }
        for (Object e : left) {
            if (e instanceof ReactorEvent && ((ReactorEvent) e).abandon(this)) {
                failedCalls++;
            } else {
                lost++;
            }
            abandoned.incrementAndGet();
        }
        if (lost + failedCalls > 0) {
            LOG.errorf("Reactor %d: %d queued events could not run because its event loop terminated"
                    + " (%d pending calls failed with ReactorStoppedException, %d other events were counted as failed)",
                    id, lost + failedCalls, failedCalls, lost);
        }
    }

    // ---------------------------------------------------------------- stats

    @Override
    public ReactorStats stats() {
        long busy = (long) BUSY_NANOS.getOpaque(this);
        long consumed = queue.currentConsumerIndex();
        long produced = queue.currentProducerIndex();
        Thread t = thread;
        return new ReactorStats(id,
                t == null ? "" : t.getName(),
                queue.capacity(),
                produced + inbox.published() + overflowReplies.get(),
                (long) EXECUTED.getOpaque(this),
                (long) FAILED.getOpaque(this) + abandoned.get(),
                rejected.get(),
                (int) Math.max(0, produced - consumed) + inbox.depth(),
                (int) HIGH_WATER_MARK.getOpaque(this),
                (long) ITERATIONS.getOpaque(this),
                registry.size(),
                (int) TIMERS.getOpaque(this),
                busy,
                Math.max(0, System.nanoTime() - startedNanos - busy),
                transport,
                (long) CALLBACK_FAILURES.getOpaque(this));
    }

    // ---------------------------------------------------------------- monitoring (any thread)

    /** On this reactor: a timer or periodic poller is about to run. */
    public void entering(WheelEntry entry) {
        RUNNING.setOpaque(this, entry);
        DISPATCHED.setOpaque(this, dispatched + 1);
    }

    /** @return a number that changes whenever the reactor begins an event, a callback or an iteration */
    public long progress() {
        return (long) ITERATIONS.getOpaque(this) + (long) DISPATCHED.getOpaque(this) + queue.currentConsumerIndex()
                + inbox.consumed();
    }

    /** @return whether the reactor has something to do: an iteration queued or running, or events waiting */
    public boolean hasWork() {
        return iterationScheduled != 0 || !queue.isEmpty() || !inbox.isEmpty();
    }

    /** @return what the reactor runs now, by the phase its loop published; any thread */
    public String runningWhat() {
        return LoopPhase.describe(phase.current(), RUNNING.getOpaque(this));
    }

    /**
     * On this reactor: enters {@code next}, for work run outside the iteration (watch readiness).
     *
     * @return the phase to restore afterwards
     */
    public int enterPhase(int next) {
        int previous = phase.current();
        phase.enter(next);
        return previous;
    }

    /** @return how many pollers were registered so far, cancelled ones included */
    public int pollerRegistrations() {
        return (int) POLLER_REGISTRATIONS.getOpaque(this);
    }

    @Override
    public String toString() {
        Thread t = thread;
        return "Reactor[" + id + (t == null ? "" : ", " + t.getName()) + "]";
    }
}
