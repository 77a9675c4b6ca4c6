package io.quarkiverse.reactors.runtime.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.jboss.logging.Logger;
import org.jctools.queues.MpscArrayQueue;

import io.netty.channel.EventLoop;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.ReactorOverloadedException;
import io.quarkiverse.reactors.ReactorStats;
import io.quarkiverse.reactors.ReactorStoppedException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.impl.ContextInternal;

/**
 * One reactor: a bounded multi-producer single-consumer event queue drained in batches by a task on
 * one Netty event loop, inside one Vert.x event-loop context.
 * <p>
 * Submitting is safe from any thread; draining happens only on the event loop. The cost model: a
 * submission is one CAS on the queue's producer index plus one volatile read of
 * {@link #drainScheduled}; only the submission that finds no drain pending pays for
 * {@code EventLoop.execute} (a Netty task and, from another thread, a selector wake-up). So a burst of
 * events costs one wake-up, not one per event.
 */
public final class ReactorImpl implements Reactor {

    private static final Logger LOG = Logger.getLogger(ReactorImpl.class);

    private static final VarHandle DRAIN_SCHEDULED;
    private static final VarHandle EXECUTED;
    private static final VarHandle FAILED;
    private static final VarHandle HIGH_WATER_MARK;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            DRAIN_SCHEDULED = lookup.findVarHandle(ReactorImpl.class, "drainScheduled", int.class);
            EXECUTED = lookup.findVarHandle(ReactorImpl.class, "executed", long.class);
            FAILED = lookup.findVarHandle(ReactorImpl.class, "failed", long.class);
            HIGH_WATER_MARK = lookup.findVarHandle(ReactorImpl.class, "highWaterMark", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int id;
    private final ContextInternal context;
    private final EventLoop eventLoop;
    private final MpscArrayQueue<Object> queue;
    private final int batchSize;
    private final Runnable drainTask = this::drain;
    private final FailureLog failureLog;

    /** Set once shutdown began: new submissions are refused, queued ones still run. */
    private volatile boolean stopped;
    /** 1 while a drain task is queued on the event loop or running; producers only wake the loop on 0 -> 1. */
    private volatile int drainScheduled;
    private volatile Thread thread;

    // Written only by the reactor thread (opaque stores, once per batch); read by stats() from any thread.
    private long executed;
    private long failed;
    /** Raised by the reactor when it samples the depth, and by a producer that finds the queue full. */
    private int highWaterMark;

    // Written by submitting threads, only on the rare paths.
    private final AtomicLong rejected = new AtomicLong();
    /** Replies accepted beside the queue because it was full; they count as accepted events. */
    private final AtomicLong overflowReplies = new AtomicLong();
    /** Events that could never run because the event loop had terminated; they count as failed. */
    private final AtomicLong abandoned = new AtomicLong();

    ReactorImpl(int id, ContextInternal context, int queueCapacity, int batchSize) {
        this.id = id;
        this.context = context;
        this.eventLoop = context.nettyEventLoop();
        this.queue = new MpscArrayQueue<>(queueCapacity);
        this.batchSize = batchSize;
        this.failureLog = new FailureLog(id);
        // Whatever is still queued when the event loop is gone can never run: report it, never drop it silently.
        eventLoop.terminationFuture().addListener(f -> abandonQueued());
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

    Thread thread() {
        return thread;
    }

    EventLoop eventLoop() {
        return eventLoop;
    }

    int capacity() {
        return queue.capacity();
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
        if (stopped) {
            throw stoppedException();
        }
        if (!queue.offer(task)) {
            rejectedFull();
            return false;
        }
        signal();
        return true;
    }

    @Override
    public <T> Uni<T> call(Supplier<T> task) {
        Objects.requireNonNull(task, "task");
        return Uni.createFrom().emitter(emitter -> submitCall(task, CallCompletion.of(emitter)));
    }

    @Override
    public <T> CompletionStage<T> callAsync(Supplier<T> task) {
        Objects.requireNonNull(task, "task");
        CompletableFuture<T> future = new CompletableFuture<>();
        submitCall(task, CallCompletion.of(future));
        return future;
    }

    private <T> void submitCall(Supplier<T> task, CallCompletion<T> completion) {
        ReactorImpl caller = ReactorGroup.currentOrNull();
        ContextInternal callerContext = null;
        if (caller != null) {
            ContextInternal current = ContextInternal.current();
            // Keep the caller's own context (e.g. an HTTP request's duplicated context) for the reply,
            // if it belongs to the caller's event loop.
            if (current != null && current.nettyEventLoop() == caller.eventLoop) {
                callerContext = current;
            }
        }
        try {
            enqueueOrThrow(new CallEvent<>(task, completion, caller, callerContext));
        } catch (ReactorOverloadedException | ReactorStoppedException e) {
            completion.fail(e);
        }
    }

    private void enqueueOrThrow(Object event) {
        if (stopped) {
            throw stoppedException();
        }
        if (!queue.offer(event)) {
            rejectedFull();
            throw new ReactorOverloadedException(id, queue.capacity());
        }
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
     * Queues the reply of a call made from this reactor. Replies are accepted even while stopping
     * (the call was accepted before) and even when the queue is full: they are bounded by the calls in
     * flight, and dropping one would lose a result the target already computed.
     */
    void reply(ReactorEvent reply) {
        if (queue.offer(reply)) {
            signal();
            return;
        }
        overflowReplies.incrementAndGet();
        try {
            eventLoop.execute(() -> runOutsideQueue(reply));
        } catch (RejectedExecutionException e) {
            abandoned.incrementAndGet();
            reply.abandon(this);
        }
    }

    /** Makes sure a drain will run: only the producer that flips the flag from 0 to 1 posts the task. */
    private void signal() {
        if (drainScheduled == 0 && DRAIN_SCHEDULED.compareAndSet(this, 0, 1)) {
            post();
        }
    }

    private void post() {
        try {
            eventLoop.execute(drainTask);
        } catch (RejectedExecutionException e) {
            // The event loop is shutting down: the termination listener (or this call, if it already
            // terminated) reports whatever is left in the queue.
            drainScheduled = 0;
            if (eventLoop.isTerminated()) {
                abandonQueued();
            }
        }
    }

    // ---------------------------------------------------------------- draining (reactor thread)

    /**
     * Runs one batch of events in the reactor's Vert.x context. If events remain after the batch, the
     * drain task re-queues itself behind the loop's other tasks and I/O instead of looping, so a flood
     * of events cannot starve the event loop.
     */
    private void drain() {
        ContextInternal previous = context.beginDispatch();
        try {
            runBatch();
        } finally {
            context.endDispatch(previous);
        }
        if (!queue.isEmpty()) {
            post();
            return;
        }
        drainScheduled = 0;
        // A producer may have offered after isEmpty() and seen drainScheduled == 1: look again.
        // (volatile store then volatile load: the producer's offer and flag read are ordered the same way.)
        if (!queue.isEmpty() && DRAIN_SCHEDULED.compareAndSet(this, 0, 1)) {
            post();
        }
    }

    /**
     * Counters are published once per batch, not per event, so that the reactor does not write a cache
     * line that stats readers share on every event; the queue depth is sampled every 64 events.
     */
    private void runBatch() {
        MpscArrayQueue<Object> q = queue;
        long ok = 0;
        long bad = 0;
        int ran = 0;
        Object event;
        while (ran < batchSize) {
            if ((ran & 63) == 0) {
                sampleDepth(q);
            }
            if ((event = q.poll()) == null) {
                break;
            }
            ran++;
            if (runEvent(event)) {
                ok++;
            } else {
                bad++;
            }
        }
        if (ok != 0) {
            EXECUTED.setOpaque(this, executed + ok);
        }
        if (bad != 0) {
            FAILED.setOpaque(this, failed + bad);
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
            return ((ReactorEvent) event).execute(this);
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
        try {
            if (runEvent(reply)) {
                EXECUTED.setOpaque(this, executed + 1);
            } else {
                FAILED.setOpaque(this, failed + 1);
            }
        } finally {
            context.endDispatch(previous);
        }
    }

    void taskFailed(Object task, Throwable failure) {
        failureLog.failed("event", task, failure);
    }

    // ---------------------------------------------------------------- lifecycle

    /** Refuses new submissions from now on; queued events and replies to pending calls still run. */
    void stop() {
        stopped = true;
    }

    boolean isStopped() {
        return stopped;
    }

    boolean isIdle() {
        return queue.isEmpty();
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
        while ((event = queue.poll()) != null) {
            if (event instanceof ReactorEvent && ((ReactorEvent) event).abandon(this)) {
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
        long consumed = queue.currentConsumerIndex();
        long produced = queue.currentProducerIndex();
        Thread t = thread;
        return new ReactorStats(id,
                t == null ? "" : t.getName(),
                queue.capacity(),
                produced + overflowReplies.get(),
                (long) EXECUTED.getOpaque(this),
                (long) FAILED.getOpaque(this) + abandoned.get(),
                rejected.get(),
                (int) Math.max(0, produced - consumed),
                (int) HIGH_WATER_MARK.getOpaque(this));
    }

    @Override
    public String toString() {
        Thread t = thread;
        return "Reactor[" + id + (t == null ? "" : ", " + t.getName()) + "]";
    }
}
