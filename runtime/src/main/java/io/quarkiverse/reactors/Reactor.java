package io.quarkiverse.reactors;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;

/**
 * One core's reactor: a Vert.x event loop thread that owns an event queue and runs every event
 * submitted to it, one at a time, in the order each sender submitted them.
 * <p>
 * Thread-safe: every method may be called from any thread. Code passed to a reactor runs on the
 * reactor's own thread, inside its Vert.x {@link #context() context}, and must not block.
 */
public interface Reactor {

    /**
     * @return this reactor's id, {@code 0..count-1}; reactor {@code i} runs on Vert.x event loop {@code i}
     */
    int id();

    /**
     * A Vert.x server whose {@code listen} is called inside this context (for example from
     * {@code context().runOnContext(...)}) on a host and port of its own accepts all its connections on this
     * reactor and runs their handlers here: one {@code NetServer} per reactor gives a protocol server shard ports.
     *
     * @return the Vert.x event-loop context events run in; Vert.x APIs used inside an event see it as current
     */
    Context context();

    /**
     * @return {@code true} when the calling thread is this reactor's thread
     */
    boolean isCurrent();

    /**
     * Queues {@code task} to run on this reactor. Fire-and-forget: events from one sender run in the
     * order they were sent. A task that throws is logged with the reactor id and counted as failed;
     * the reactor goes on.
     *
     * @throws ReactorOverloadedException when the event queue is full (the task is not queued)
     * @throws ReactorStoppedException when the application is shutting down (the task is not queued)
     */
    void send(Runnable task);

    /**
     * Queues {@code task.accept(a, b)} to run on this reactor, so that a non-capturing method reference
     * and its two arguments can be sent, for example {@code r.send(Shard::apply, shard, op)}.
     * Same ordering, failure and overload rules as {@link #send(Runnable)}. Sent from another reactor, the task
     * and its arguments are written into that reactor's lane as they are, so the send allocates nothing (from
     * any other thread it allocates one small event object); a capturing lambda would allocate itself.
     */
    <A, B> void send(BiConsumer<A, B> task, A a, B b);

    /**
     * Like {@link #send(Runnable)}, but returns {@code false} instead of throwing when the queue is full.
     *
     * @return {@code true} if the task was queued, {@code false} if the queue was full (the task will not run)
     * @throws ReactorStoppedException when the application is shutting down
     */
    boolean trySend(Runnable task);

    /**
     * Like {@link #send(BiConsumer, Object, Object)}, but returns {@code false} instead of throwing when the
     * queue is full.
     *
     * @throws ReactorStoppedException when the application is shutting down
     */
    <A, B> boolean trySend(BiConsumer<A, B> task, A a, B b);

    /**
     * Runs {@code task} on this reactor and delivers its result as a {@link Uni}.
     * <p>
     * The returned {@code Uni} is lazy, like every Mutiny {@code Uni}: each subscription submits the task
     * once. When the subscriber is on a reactor, the result is sent back to that reactor as an event and
     * the {@code Uni} completes there, on the subscriber's own thread and Vert.x context. When the
     * subscriber is not on a reactor, the {@code Uni} completes on this reactor's thread; use
     * {@code emitOn(...)} to move elsewhere. When the subscriber is on this very reactor and nothing is
     * queued, the task runs at once, in the subscriber's context, without an event (no queued event can be
     * overtaken). A task that throws fails the {@code Uni} with that exception.
     * A full queue fails it with {@link ReactorOverloadedException}, a stopped reactor with
     * {@link ReactorStoppedException}. Cancelling the subscription drops the result: a task already sent
     * still runs, and one cancelled before it was sent (in {@code onSubscribe}) is not sent.
     */
    <T> Uni<T> call(Supplier<T> task);

    /**
     * Eager form of {@link #call(Supplier)}: submits {@code task} now and returns a stage that completes
     * under the same thread rules.
     */
    <T> CompletionStage<T> callAsync(Supplier<T> task);

    /**
     * Registers a poller: {@code poll} runs on this reactor on every iteration ({@code period} zero) or each
     * time {@code period} has passed, until cancelled. It returns the work it did; zero means idle, and
     * when every poller of an iteration is idle the reactor follows its idle strategy. A poller that
     * throws is logged (rate-limited) and counted, and keeps being polled.
     * <p>
     * Called from another thread, the registration hops to this reactor as an event.
     *
     * @param name shown in stats and logs
     * @throws IllegalArgumentException when {@code period} is negative or the name is blank
     * @throws ReactorOverloadedException when called from another thread and the queue is full
     * @throws ReactorStoppedException when the application is shutting down
     */
    PollerHandle poller(String name, IntSupplier poll, Duration period);

    /**
     * Runs {@code task} on this reactor once, after {@code delay} (sub-millisecond delays work; their
     * precision is the timer tick, and a parked reactor wakes with its selector's precision).
     *
     * @throws IllegalArgumentException when {@code delay} is negative
     * @throws ReactorOverloadedException when called from another thread and the queue is full
     * @throws ReactorStoppedException when the application is shutting down
     */
    TimerHandle timer(Duration delay, Runnable task);

    /**
     * Runs {@code task} on this reactor every {@code period}, first after one period. A periodic timer
     * that falls behind fires once late rather than in a burst. A throwing task is logged and counted; the
     * timer keeps firing.
     *
     * @throws IllegalArgumentException when {@code period} is not positive
     * @throws ReactorOverloadedException when called from another thread and the queue is full
     * @throws ReactorStoppedException when the application is shutting down
     */
    TimerHandle periodic(Duration period, Runnable task);

    /**
     * Delivers {@code event} on this reactor to every {@link OnEvent} method whose event type is the event's
     * class or a supertype of it. The delivery is an event: FIFO with the caller's other events, refused
     * when the queue is full. Fire-and-forget: a subscriber's failure is logged and counted; to learn when
     * every subscriber has run use {@link #deliver(Object)}, and for a subscriber's return value
     * {@link #request(Object)}.
     *
     * @throws IllegalArgumentException when no {@code @OnEvent} method accepts the event's type
     * @throws ReactorOverloadedException when the queue is full
     * @throws ReactorStoppedException when the application is shutting down
     */
    void fire(Object event);

    /**
     * Fires {@code event} on this reactor as {@link #fire(Object)} does, and returns a {@code Uni} that completes
     * once every {@code @OnEvent} subscriber of the event has run there, the {@code Uni} or
     * {@code CompletionStage} each returned included. It completes under the thread rules of
     * {@link #call(Supplier)}: on the subscriber's own reactor and Vert.x context when it has one, else on this
     * reactor. A subscriber's {@code Uni} that never completes keeps it pending.
     * <p>
     * Lazy, like every Mutiny {@code Uni}: each subscription fires the event once; nothing is fired until then.
     * A subscriber that fails, by throwing or asynchronously, fails the {@code Uni} after all have run, with
     * that exception (or a {@code CompositeException} of all of them); the failure is counted on the
     * subscriber, not logged, since the caller receives it. A full queue fails the {@code Uni} with
     * {@link ReactorOverloadedException}, a stopped reactor with {@link ReactorStoppedException}. Cancellation
     * works as for {@link #call(Supplier)}.
     * <p>
     * May be called from any thread.
     *
     * @throws IllegalArgumentException at the call, when no {@code @OnEvent} method accepts the event's type
     */
    Uni<Void> deliver(Object event);

    /**
     * Request/reply: fires {@code event} on this reactor as {@link #deliver(Object)} does, and completes the
     * {@code Uni} with the value returned by the one {@code @OnEvent} method of the event's type that returns a
     * value. A {@code Uni} or {@code CompletionStage} it returns is awaited on the reactor and its item becomes
     * the reply; a failure (thrown or asynchronous) fails the {@code Uni}. Every other subscriber of the event
     * runs too, and the reply comes once all have finished. Same laziness, thread and overload rules as
     * {@link #deliver(Object)}; the build rejects two value-returning {@code @OnEvent} methods for one event
     * type.
     * <p>
     * May be called from any thread.
     *
     * @param <R> the reply's type, the replying method's return type (or its {@code Uni}'s item type)
     * @throws IllegalArgumentException at the call, when no {@code @OnEvent} method accepts the event's type, or
     *         none of those that do returns a value (all return {@code void} or {@code Uni<Void>})
     */
    <R> Uni<R> request(Object event);

    /**
     * Watches {@code channel}: {@code handler} runs on this reactor whenever the channel is ready for
     * {@code interest} ({@link Interest#READ}, {@link Interest#WRITE} or both), level-triggered, until the
     * watch is cancelled. When the channel is closed while watched (by the handler, for example on end of
     * stream, or by any thread) the handler is called once more with {@link Interest#HANG_UP} and the watch
     * ends; a registration the event loop refuses ends it with {@link Interest#ERROR}.
     * <p>
     * A channel may have several watches for disjoint interests (one for {@code READ}, another for
     * {@code WRITE}), on one reactor or on different ones. With the NIO transport the channel is registered
     * in the reactor's own event-loop selector; with the native transports (epoll, io_uring), whose loops
     * cannot select a JDK channel, one shared selector thread watches it and hands readiness to the reactor.
     * <p>
     * Called from another thread, the registration hops to this reactor as an event (the handle is returned
     * at once).
     *
     * @throws IllegalArgumentException when the channel is closed or in blocking mode, when the interest is
     *         empty, or when the channel does not support it (for example {@code READ} on a pipe's sink)
     * @throws IllegalStateException when the channel is already watched for part of {@code interest}
     * @throws ReactorOverloadedException when called from another thread and the queue is full
     * @throws ReactorStoppedException when the application is shutting down
     */
    WatchHandle watch(java.nio.channels.SelectableChannel channel, Interest interest, WatchHandler handler);

    /**
     * @return the pollers registered on this reactor now, both kinds, in registration order (a snapshot)
     */
    List<PollerHandle> pollers();

    /**
     * Runs blocking {@code task} on the worker pool and completes the returned {@code Uni} on this reactor,
     * in its Vert.x context: the way to do blocking work (JDBC, file I/O, a blocking client) from a reactor,
     * which must never block itself. Lazy, like {@link #call}: each subscription runs the task once. At most
     * {@code quarkus.reactors.offload.max-pending} tasks may be pending per reactor; beyond that the
     * {@code Uni} fails with {@link ReactorOverloadedException} and the task does not run.
     */
    default <T> Uni<T> offload(Callable<T> task) {
        return offload(task, false);
    }

    /**
     * Like {@link #offload(Callable)}; with {@code ordered}, the ordered tasks of this reactor run one after
     * the other in submission order, as Vert.x's {@code executeBlocking(task, true)} does.
     */
    <T> Uni<T> offload(Callable<T> task, boolean ordered);

    /**
     * @return a snapshot of this reactor's event counters
     */
    ReactorStats stats();
}
