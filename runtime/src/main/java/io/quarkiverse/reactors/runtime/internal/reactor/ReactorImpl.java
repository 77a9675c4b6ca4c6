package io.quarkiverse.reactors.runtime.internal.reactor;

import java.nio.channels.SelectableChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import io.netty.channel.EventLoop;
import io.netty.channel.nio.NioEventLoop;
import io.quarkiverse.reactors.Interest;
import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.ReactorStats;
import io.quarkiverse.reactors.TimerHandle;
import io.quarkiverse.reactors.WatchHandle;
import io.quarkiverse.reactors.WatchHandler;
import io.quarkiverse.reactors.runtime.internal.events.EventDispatcher;
import io.quarkiverse.reactors.runtime.internal.events.EventMailbox;
import io.quarkiverse.reactors.runtime.internal.events.InternalTask;
import io.quarkiverse.reactors.runtime.internal.events.LaneOutbox;
import io.quarkiverse.reactors.runtime.internal.events.ReactorCalls;
import io.quarkiverse.reactors.runtime.internal.events.ReactorEvent;
import io.quarkiverse.reactors.runtime.internal.offload.OffloadPool;
import io.quarkiverse.reactors.runtime.internal.offload.ReactorOffloads;
import io.quarkiverse.reactors.runtime.internal.percore.PerCoreInstances;
import io.quarkiverse.reactors.runtime.internal.pollers.PollerSet;
import io.quarkiverse.reactors.runtime.internal.pollers.ReactorPollers;
import io.quarkiverse.reactors.runtime.internal.timers.ReactorTimers;
import io.quarkiverse.reactors.runtime.internal.timers.TimerImpl;
import io.quarkiverse.reactors.runtime.internal.watch.LoopSelectorRoute;
import io.quarkiverse.reactors.runtime.internal.watch.ReactorWatches;
import io.quarkiverse.reactors.runtime.internal.watch.WatchClaims;
import io.quarkiverse.reactors.runtime.internal.watch.WatchSelector;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.impl.ContextInternal;

/**
 * One reactor, the {@link Reactor} of one core: checks arguments and routes each request to the part that owns it.
 * Sends go to the {@link EventMailbox} (the lanes from the other reactors, the queue, and the wake-up handshake);
 * the {@link ReactorLoop} drains it on the reactor's Netty event loop, runs the pollers ({@link PollerSet}) and the
 * timers ({@link ReactorTimers}); {@link ReactorCounters} holds what stats() reports; {@link ReactorWatches} and
 * {@link ReactorOffloads} own watches and offloaded tasks. A change of state asked from another thread travels to
 * the reactor as an event ({@link #runOnOwner}).
 * <p>
 * Thread-safe: the {@code Reactor} methods may be called from any thread. Methods documented "on this reactor" run
 * only on its thread.
 */
public final class ReactorImpl implements Reactor {

    private final int id;
    private final ContextInternal context;
    private final EventLoop eventLoop;
    /** Allocated first, right after this object: its padding keeps the loop's writes off this object's lines. */
    private final ReactorCounters counters = new ReactorCounters();
    private final EventMailbox mailbox;
    /** The group's reactors: a sender uses lanes only into reactors of its own group (ids index the lanes). */
    private final ReactorImpl[] peers;
    private final ReactorLoop loop;
    private final FailureLog failureLog;
    private final ReactorCalls calls;
    private final PerCoreInstances perCore = new PerCoreInstances();
    /** Which part of the loop runs, published for the watchdog. */
    private final LoopPhase phase = new LoopPhase();
    private final ReactorActivity activity;
    private final ReactorPollers pollers = new ReactorPollers(this);
    private final ReactorTimers timers;
    private final ReactorOffloads offloads;
    private final ReactorWatches watches;
    private final ReactorTeardown teardown;
    /** Pollers, timers and watches: argument checks, then registration on this reactor. */
    private final ReactorRegistrations registrations;
    private volatile Thread thread;
    /** The Netty transport of the event loop, for stats(). */
    private String transport = Transports.NIO;

    /**
     * @param peers the group's reactors (filled in after this constructor): a sender uses lanes only into reactors
     *        of its own group, since lanes are indexed by the sender's id
     */
    ReactorImpl(int id, ReactorImpl[] peers, ContextInternal context, ReactorSettings settings, EventDispatcher dispatcher,
            WatchClaims watchClaims, WatchSelector watchSelector) {
        this.id = id;
        this.peers = peers;
        this.context = context;
        this.eventLoop = context.nettyEventLoop();
        this.failureLog = new FailureLog(id);
        this.timers = new ReactorTimers(settings.timerTickNanos(), settings.timerSlots(), System.nanoTime(),
                this::entryArmed);
        this.loop = new ReactorLoop(this, peers.length, this::callerOutbox, context, settings, phase,
                pollers.everyIteration(), timers, counters, failureLog);
        this.mailbox = loop.mailbox();
        this.activity = new ReactorActivity(counters, phase, mailbox);
        this.calls = new ReactorCalls(this, mailbox, dispatcher);
        this.offloads = new ReactorOffloads(this, context, mailbox, settings.maxPendingOffloads());
        this.watches = new ReactorWatches(this, eventLoop instanceof NioEventLoop
                ? new LoopSelectorRoute((NioEventLoop) eventLoop)
                : watchSelector);
        this.teardown = new ReactorTeardown(timers, watches, pollers, offloads, perCore);
        this.registrations = new ReactorRegistrations(this, mailbox, pollers, timers, watches, watchClaims, teardown);
        // Whatever is still queued when the event loop is gone can never run: report it, never drop it silently.
        eventLoop.terminationFuture().addListener(f -> mailbox.abandonQueued());
    }

    /**
     * Any thread: the calling thread's outbox when it is another reactor of this group (its events to this reactor go
     * into its lane), else null (the caller uses the queue).
     */
    private LaneOutbox callerOutbox() {
        ReactorImpl caller = ReactorGroup.currentOrNull();
        return caller != null && caller != this && caller.peers == peers ? caller.loop.outbox() : null;
    }

    /** Records the Netty transport for stats(); called once, before the reactor is published. */
    void transport(String transport) {
        this.transport = transport;
    }

    /** Records the event-loop thread; called once, on that thread, before the reactor is published. */
    void bindThread(Thread thread) {
        this.thread = thread;
        loop.outbox().bindOwner(thread);
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

    /** @return what this reactor is doing, for the watchdog, the pollers and watch readiness */
    public ReactorActivity activity() {
        return activity;
    }

    // ---------------------------------------------------------------- sends (any thread)

    @Override
    public void send(Runnable task) {
        Objects.requireNonNull(task, "task");
        mailbox.send(task);
    }

    @Override
    public <A, B> void send(BiConsumer<A, B> task, A a, B b) {
        Objects.requireNonNull(task, "task");
        mailbox.send(task, a, b);
    }

    @Override
    public boolean trySend(Runnable task) {
        Objects.requireNonNull(task, "task");
        return mailbox.trySend(task);
    }

    @Override
    public <A, B> boolean trySend(BiConsumer<A, B> task, A a, B b) {
        Objects.requireNonNull(task, "task");
        return mailbox.trySend(task, a, b);
    }

    @Override
    public <T> Uni<T> call(Supplier<T> task) {
        Objects.requireNonNull(task, "task");
        return calls.call(task);
    }

    @Override
    public <T> CompletionStage<T> callAsync(Supplier<T> task) {
        Objects.requireNonNull(task, "task");
        return calls.callAsync(task);
    }

    @Override
    public void fire(Object event) {
        calls.fire(event);
    }

    @Override
    public Uni<Void> deliver(Object event) {
        return calls.deliver(event);
    }

    @Override
    public <R> Uni<R> request(Object event) {
        return calls.request(event);
    }

    /** @return the calls, fired and delivered events sent to this reactor */
    ReactorCalls calls() {
        return calls;
    }

    /** @return this reactor's {@code @PerCore} instances; only for its own thread */
    public PerCoreInstances perCore() {
        return perCore;
    }

    // ---------------------------------------------------------------- pollers and timers (any thread)

    @Override
    public PollerHandle poller(String name, IntSupplier poll, Duration period) {
        return registrations.poller(name, poll, period, 0);
    }

    /**
     * {@link #poller(String, IntSupplier, Duration)} for {@code @Poller(delayed)}: a periodic poller first runs
     * after {@code firstRunNanos} when it is positive, instead of after one period.
     */
    PollerHandle poller(String name, IntSupplier poll, Duration period, long firstRunNanos) {
        return registrations.poller(name, poll, period, firstRunNanos);
    }

    @Override
    public TimerHandle timer(Duration delay, Runnable task) {
        return registrations.timer(delay, task);
    }

    @Override
    public TimerHandle periodic(Duration period, Runnable task) {
        return registrations.periodic(period, task);
    }

    /** On this reactor: a periodic timer for the extension's own housekeeping, not counted in stats. */
    public TimerImpl internalPeriodic(long periodNanos, Runnable task) {
        return registrations.internalPeriodic(periodNanos, task);
    }

    /** @return this reactor's timers; only for its own thread */
    public ReactorTimers timers() {
        return timers;
    }

    /** @return this reactor's pollers */
    public ReactorPollers pollerRegistry() {
        return pollers;
    }

    // ---------------------------------------------------------------- watches (any thread)

    @Override
    public WatchHandle watch(SelectableChannel channel, Interest interest, WatchHandler handler) {
        return registrations.watch(channel, interest, handler);
    }

    // ---------------------------------------------------------------- offload (any thread)

    @Override
    public <T> Uni<T> offload(Callable<T> task, boolean ordered) {
        Objects.requireNonNull(task, "task");
        return offloads.offload(task, ordered);
    }

    /** @return this reactor's offloaded tasks */
    public ReactorOffloads offloads() {
        return offloads;
    }

    /** Sends offloaded tasks to a dedicated pool instead of the Vert.x worker pool; set once, at startup. */
    void offloadTo(OffloadPool pool) {
        offloads.offloadTo(pool);
    }

    /**
     * Queues an event the reactor must not refuse (a reply, a timer's cancel or update, an offload's outcome):
     * see {@link EventMailbox#sendAlways}.
     */
    public void sendAlways(ReactorEvent event) {
        mailbox.sendAlways(event);
    }

    /** Runs {@code task} now if called on this reactor, else sends it as an event that cannot be refused. */
    public void runOnOwner(Runnable task) {
        if (isCurrent()) {
            task.run();
        } else {
            sendAlways(new InternalTask(task));
        }
    }

    /** Makes sure the reactor iterates soon, from any thread: used when a parked reactor has new work. */
    public void wakeUp() {
        loop.wakeUp();
    }

    /** On this reactor: a timer or periodic poller was armed (the park deadline may have changed). */
    private void entryArmed() {
        loop.entryArmed();
    }

    /**
     * On this reactor: {@code what} ({@code callback}) threw; logs it, rate-limited. The caller counts the failure
     * where it belongs (an event's batch, a poller's stats), or calls {@link #countCallbackFailure} instead.
     */
    public void logFailure(String what, Object callback, Throwable failure) {
        failureLog.failed(what, callback, failure);
    }

    /** On this reactor: a timer callback or a watch handler threw; counted in {@code callbackFailures}, and logged. */
    public void countCallbackFailure(String what, Object callback, Throwable failure) {
        counters.callbackFailed();
        failureLog.failed(what, callback, failure);
    }

    // ---------------------------------------------------------------- lifecycle

    /** Refuses new sends from now on; queued events and replies to pending calls still run. */
    void refuseNewWork() {
        mailbox.close();
    }

    /** On this reactor, at shutdown: see {@link ReactorTeardown}. */
    void tearDownOnLoop() {
        teardown.run();
    }

    @Override
    public List<PollerHandle> pollers() {
        return pollers.list();
    }

    /** @return whether no event waits in the queue; any thread */
    boolean queueIsEmpty() {
        return mailbox.isEmpty();
    }

    // ---------------------------------------------------------------- stats

    @Override
    public ReactorStats stats() {
        return counters.snapshot(id, thread, mailbox, pollers.size(), transport);
    }

    @Override
    public String toString() {
        Thread t = thread;
        return "Reactor[" + id + (t == null ? "" : ", " + t.getName()) + "]";
    }
}
