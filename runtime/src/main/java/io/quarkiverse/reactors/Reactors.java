package io.quarkiverse.reactors;

import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * All reactors of the application, one per selected core: inject it with {@code @Inject Reactors reactors}.
 * <p>
 * Thread-safe: every method may be called from any thread. The reactors exist before any
 * {@code StartupEvent} observer runs and stop accepting events when the application shuts down.
 */
public interface Reactors {

    /**
     * @return the number of reactors ({@code quarkus.reactors.count})
     */
    int count();

    /**
     * @return reactor {@code id}
     * @throws IllegalArgumentException when {@code id} is not in {@code 0..count()-1}; the message names the range
     */
    Reactor reactor(int id);

    /**
     * @return the reactor the calling thread belongs to
     * @throws IllegalStateException when the caller is not on a reactor thread; the message names the thread
     */
    Reactor current();

    /**
     * @return {@code true} when the calling thread is a reactor thread
     */
    boolean onReactor();

    /**
     * Steers a key to its owning reactor: {@code reactor(ownerOf(key))}. The choice depends only on the key's
     * bytes and {@link #count()}, through the published key map (see {@link #ownerOf(Object)}), so it is stable
     * across calls, restarts, JVMs and releases for a given count.
     *
     * @throws NullPointerException when {@code key} is null
     */
    Reactor forKey(Object key);

    /**
     * The id of the reactor that owns {@code key}, by the published key map; sends nothing. A client in any
     * language computes the same owner: the key's bytes (a {@code String}'s UTF-8 encoding; a {@code byte[]}
     * itself; a {@code Long}, {@code Integer}, {@code Short} or {@code Byte} as a signed 64-bit value, 8 bytes
     * big-endian; a {@code UUID}'s 16 bytes, most significant first; any other key's {@code hashCode()} as 4
     * bytes big-endian, Java only) are hashed with MurmurHash3 x86 32-bit, seed 0, and with {@code h} that hash
     * as an unsigned 32-bit number the owner is {@code (h * count()) >>> 32}. With
     * {@code quarkus.reactors.http.shard-port-base} set, a request sent to port {@code base + ownerOf(key)} is
     * served on the key's owner, with no hop.
     *
     * @return the owner's id, in {@code 0..count()-1}
     * @throws NullPointerException when {@code key} is null
     */
    int ownerOf(Object key);

    /**
     * @return every reactor, in id order (an immutable list)
     */
    List<Reactor> all();

    /**
     * Runs {@code task} once on every reactor. The {@code Uni} (lazy: each subscription broadcasts once)
     * completes when the task has run on all of them, on the subscriber's reactor when it has one. If the
     * task threw anywhere it fails, after all ran, with that exception (or a
     * {@code CompositeException} of all of them).
     */
    Uni<Void> broadcast(Runnable task);

    /**
     * Runs {@code map} on every reactor and folds the results with {@code reduce}, in reactor-id order
     * (so a non-commutative {@code reduce} gives a stable result). Completes under the rules of
     * {@link #broadcast(Runnable)}.
     */
    <T> Uni<T> mapReduce(Supplier<T> map, BinaryOperator<T> reduce);

    /**
     * Fires {@code event} on every reactor, in id order: see {@link Reactor#fire(Object)}. Every reactor is
     * tried; if some refused it, the first refusal is thrown afterwards, with the others suppressed, and
     * the reactors that accepted it still deliver it.
     *
     * @throws IllegalArgumentException when no {@code @OnEvent} method accepts the event's type (nothing is fired)
     * @see #deliver(Object) to learn when every reactor has run it
     */
    void fire(Object event);

    /**
     * Fires {@code event} on every reactor, as {@link Reactor#deliver(Object)} does on one: the {@code Uni}
     * completes once every subscriber has run on every reactor, on the subscriber's reactor when it has one.
     * Lazy: each subscription fires the event once on each reactor. If a subscriber failed anywhere, or a
     * reactor refused the event, it fails after all finished, with that exception (or a
     * {@code CompositeException} of all of them). May be called from any thread.
     *
     * @throws IllegalArgumentException at the call, when no {@code @OnEvent} method accepts the event's type
     */
    Uni<Void> deliver(Object event);

    /**
     * @return the pollers named {@code name} on every reactor, in reactor-id order: for a {@code @Poller}
     *         method, one per reactor it runs on (its default name is {@code Class#method})
     */
    List<PollerHandle> pollers(String name);
}
