package io.quarkiverse.reactors.runtime.internal.reactor;

import io.quarkiverse.reactors.runtime.internal.events.BiEvent;
import io.quarkiverse.reactors.runtime.internal.events.CallCompletion;
import io.quarkiverse.reactors.runtime.internal.events.CallEvent;
import io.quarkiverse.reactors.runtime.internal.events.DeliveryEvent;
import io.quarkiverse.reactors.runtime.internal.events.EventDispatcher;
import io.quarkiverse.reactors.runtime.internal.events.EventMailbox;
import io.quarkiverse.reactors.runtime.internal.events.EventSubscriber;
import io.quarkiverse.reactors.runtime.internal.events.FireEvent;
import io.quarkiverse.reactors.runtime.internal.events.InternalTask;
import io.quarkiverse.reactors.runtime.internal.events.LaneOutbox;
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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

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
 * One reactor: a mailbox (one lane per other reactor, and a bounded multi-producer single-consumer queue for
 * every other thread), pollers and a timer wheel, run by an iteration task on one Netty event loop, inside one
 * Vert.x event-loop context.
 * <p>
 * One iteration, in SPDK's order: a batch of queued events, then the every-iteration pollers, then the
 * due periodic pollers and timers. After it, the reactor iterates again at once while anything reported
 * work; otherwise its {@link IdleStrategy} decides: keep iterating, back off, or park in the selector
 * until an event, a timer deadline or a wake-up. Between two iterations Netty serves the loop's I/O and
 * other tasks, so neither events nor pollers starve the HTTP server on that loop.
 * <p>
 * Submitting is safe from any thread; draining happens only on the event loop. The cost model: from another
 * reactor of the group, a submission is a plain store into that pair's lane, published with one ordered store
 * at the end of the sender's iteration (or every {@link LaneOutbox#PUBLISH_EVERY} events); from any other thread
 * it is one CAS on the queue's producer index. The publisher then reads the mailbox's
 * {@code iterationScheduled}; only the one that finds no iteration pending pays for
 * {@code EventLoop.execute} (a Netty task and, from another thread, a selector wake-up). So a burst of
 * events costs one wake-up, not one per event.
 */
public final class ReactorImpl implements Reactor {

    private static final Logger LOG = Logger.getLogger(ReactorImpl.class);

    private static final long NO_CLOCK_READ = Long.MIN_VALUE;
    /** A batch of fewer events than this, with none left after it, means the reactor caught up with its senders. */
    private static final int CHASE_THRESHOLD = 16;

    /** How long a busy or spinning reactor iterates before giving Netty a turn for I/O. */
    static final long ITERATION_SLICE_NANOS = 50_000;

    private static final VarHandle EXECUTED;
    private static final VarHandle FAILED;
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
            EXECUTED = lookup.findVarHandle(ReactorImpl.class, "executed", long.class);
            FAILED = lookup.findVarHandle(ReactorImpl.class, "failed", long.class);
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
    private final EventMailbox mailbox;
    /** The group's reactors: a sender uses lanes only into reactors of its own group (ids index the lanes). */
    private final ReactorImpl[] peers;
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
    /** This reactor's sends to the other reactors of its group: written into their lanes, published per iteration. */
    private final LaneOutbox outbox;
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

    private volatile Thread thread;
    /** The Netty transport of the event loop, for stats(). */
    private String transport = Transports.NIO;

    // Written only by the reactor thread (opaque stores, once per batch); read by stats() from any thread.
    private long executed;
    private long failed;
    /** Timer callbacks and watch handlers that threw. */
    private long callbackFailures;
    /** Events of the batch running now that failed; counted by runEvent, published by runBatch. */
    private long batchFailures;

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

    /** The dedicated offload pool, or null for the Vert.x worker pool. */
    private volatile OffloadPool offloadPool;
    /** Offloaded tasks accepted and not settled: the bound's count ({@link #offloads} is the list). */
    private final java.util.concurrent.atomic.AtomicInteger pendingOffloads = new java.util.concurrent.atomic.AtomicInteger();
    /** Offloaded tasks accepted and not settled, for the shutdown to fail those that outlive its timeout. */
    private final java.util.Set<PendingOffload<?>> offloads = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Which watch waits for what on which channel, shared by all reactors. */
    private final WatchClaims watchClaims;
    private final ReactorWatches watches;

    /**
     * @param peers the group's reactors (filled in after this constructor): a sender uses lanes only into reactors
     *        of its own group, since lanes are indexed by the sender's id
     */
    ReactorImpl(int id, ReactorImpl[] peers, ContextInternal context, ReactorSettings settings, EventDispatcher dispatcher,
            WatchClaims watchClaims, WatchSelector watchSelector) {
        this.id = id;
        this.dispatcher = dispatcher;
        this.context = context;
        this.eventLoop = context.nettyEventLoop();
        this.peers = peers;
        this.outbox = new LaneOutbox(id, peers.length);
        this.mailbox = new EventMailbox(id, settings.queueCapacity(), peers.length, this::callerLanes, eventLoop,
                iterateTask, new MailboxConsumer());
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
        eventLoop.terminationFuture().addListener(f -> mailbox.abandonQueued());
    }

    /**
     * Any thread: the calling thread's outbox when it is another reactor of this group (its events to this reactor go
     * into its lane), else null (the caller uses the queue).
     */
    private LaneOutbox callerLanes() {
        ReactorImpl caller = ReactorGroup.currentOrNull();
        return caller != null && caller != this && caller.peers == peers ? caller.outbox : null;
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
        mailbox.send(task);
    }

    @Override
    public <A, B> void send(BiConsumer<A, B> task, A a, B b) {
        Objects.requireNonNull(task, "task");
        mailbox.send(new BiEvent<>(task, a, b));
    }

    @Override
    public boolean trySend(Runnable task) {
        Objects.requireNonNull(task, "task");
        return mailbox.trySend(task);
    }

    @Override
    public <A, B> boolean trySend(BiConsumer<A, B> task, A a, B b) {
        Objects.requireNonNull(task, "task");
        return mailbox.trySend(new BiEvent<>(task, a, b));
    }

    @Override
    public <T> Uni<T> call(Supplier<T> task) {
        Objects.requireNonNull(task, "task");
        if (mailbox.closed()) {
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
        return Uni.createFrom().failure(mailbox.refuseClosed());
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
        mailbox.send(new FireEvent(dispatcher.subscribersOf(event), event));
    }

    /** Queues already-resolved subscribers: {@code Reactors.fire} looks them up once for all reactors. */
    void fire(EventSubscriber[] subscribers, Object event) {
        mailbox.send(new FireEvent(subscribers, event));
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
                mailbox.send(new DeliveryEvent<R>(subscribers, replier, event, CallCompletion.of(emitter), caller,
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
            if (mailbox.closed()) {
                throw mailbox.refuseClosed();
            }
            timer.apply(1);
            schedule(timer, deadline);
        } else {
            mailbox.send(new InternalTask(() -> {
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
            if (mailbox.closed()) {
                throw mailbox.refuseClosed();
            }
            registration.run();
        } else {
            mailbox.send(new InternalTask(registration));
        }
    }

    /** On this reactor: links an entry into the timer wheel, and wakes the loop if it is parked. */
    public void schedule(WheelEntry entry, long deadline) {
        if (shutDown) {
            return; // a registration queued before shutdown, run after it: nothing may be armed any more
        }
        wheel.schedule(entry, deadline);
        if (!inIteration) {
            mailbox.scheduleIteration(); // armed from a Vert.x callback between iterations: recompute the park deadline
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
            mailbox.scheduleIteration();
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
        if (mailbox.closed()) {
            throw mailbox.refuseClosed();
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
        if (mailbox.closed()) {
            return stoppedUni();
        }
        return Uni.createFrom().emitter(emitter -> {
            if (mailbox.closed()) {
                emitter.fail(mailbox.refuseClosed());
                return;
            }
            if (pendingOffloads.incrementAndGet() > settings.maxPendingOffloads()) {
                pendingOffloads.decrementAndGet();
                mailbox.countRejected();
                emitter.fail(new ReactorOverloadedException(id, settings.maxPendingOffloads(), "Reactor " + id
                        + " refused to offload a task: " + settings.maxPendingOffloads() + " offloaded tasks are"
                        + " already pending. Slow down, or raise quarkus.reactors.offload.max-pending"));
                return;
            }
            PendingOffload<T> pending = new PendingOffload<>(emitter);
            // Listed before the mailbox's closed flag is read again, and the shutdown closes it before it fails what is listed:
            // either this call sees the stop, or the shutdown sees this offload.
            offloads.add(pending);
            if (mailbox.closed()) {
                pending.settle(this, null, mailbox.refuseClosed());
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
        if (caller == this && !mailbox.closed() && !mailbox.hasQueued()) {
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
            mailbox.send(new CallEvent<>(task, completion, caller, callerContext));
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

    /**
     * Queues an event the reactor must not refuse (a reply, a timer's cancel or update, an offload's outcome):
     * see {@link EventMailbox#sendAlways}.
     */
    public void sendAlways(ReactorEvent event) {
        mailbox.sendAlways(event);
    }

    /** Runs {@code task} now if called on this reactor, else queues it as an internal event. */
    public void runOnOwner(Runnable task) {
        if (isCurrent()) {
            task.run();
        } else {
            sendAlways(new InternalTask(task));
        }
    }

    /** Makes sure the reactor iterates soon, from any thread: used when a parked reactor has new work. */
    public void wakeUp() {
        if (!inIteration || !isCurrent()) {
            mailbox.scheduleIteration();
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
            mailbox.postIteration();
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
            boolean pending = mailbox.hasQueued();
            boolean again = work > 0 || pending || (spin && !mailbox.closed());
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
        outbox.holdPublication();
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

    /** The scheduled wake-up: iterate, unless an iteration is already on its way. */
    private void wake() {
        wake = null;
        wakeAt = Long.MAX_VALUE;
        if (mailbox.tryAcquireIteration()) {
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
     * Counters are published once per batch, not per event, so that the reactor does not write a cache
     * line that stats readers share on every event.
     */
    private int runBatch() {
        batchFailures = 0;
        int ran = mailbox.drain(batchSize);
        long bad = batchFailures;
        long ok = ran - bad;
        if (ok != 0) {
            EXECUTED.setOpaque(this, executed + ok);
        }
        if (bad != 0) {
            FAILED.setOpaque(this, failed + bad);
        }
        lastBatch = ran;
        return ran;
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

    /** What the mailbox calls back: on this reactor, except {@code abandon} (after the event loop terminated). */
    private final class MailboxConsumer implements EventMailbox.Consumer {

        @Override
        public void runEvent(Object event) {
            if (!ReactorImpl.this.runEvent(event)) {
                batchFailures++;
            }
        }

        @Override
        public void runBesideQueue(ReactorEvent event) {
            runOutsideQueue(event);
        }

        @Override
        public boolean abandon(Object event) {
            return event instanceof ReactorEvent reactorEvent && reactorEvent.abandon(ReactorImpl.this);
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
        mailbox.close();
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
        return mailbox.isEmpty();
    }

    // ---------------------------------------------------------------- stats

    @Override
    public ReactorStats stats() {
        long busy = (long) BUSY_NANOS.getOpaque(this);
        long consumed = mailbox.consumed();
        long produced = mailbox.produced();
        Thread t = thread;
        return new ReactorStats(id,
                t == null ? "" : t.getName(),
                mailbox.capacity(),
                produced + mailbox.acceptedBesideQueue(),
                (long) EXECUTED.getOpaque(this),
                (long) FAILED.getOpaque(this) + mailbox.abandoned(),
                mailbox.rejected(),
                (int) Math.max(0, produced - consumed),
                mailbox.highWaterMark(),
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
        return (long) ITERATIONS.getOpaque(this) + (long) DISPATCHED.getOpaque(this) + mailbox.consumed();
    }

    /** @return whether the reactor has something to do: an iteration queued or running, or events waiting */
    public boolean hasWork() {
        return mailbox.hasWork();
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
