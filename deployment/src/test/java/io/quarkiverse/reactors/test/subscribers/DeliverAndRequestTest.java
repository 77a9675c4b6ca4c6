package io.quarkiverse.reactors.test.subscribers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.OnEvent;
import io.quarkiverse.reactors.PerCore;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

/**
 * deliver(event) completes once every subscriber ran (asynchronous results awaited), on the caller's reactor;
 * request(event) carries the one replying subscriber's value; failures reach the caller.
 */
public class DeliverAndRequestTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2, Subscribers.class, Tally.class, Reset.class, Slow.class, Count.class,
            Lookup.class, Staged.class, Boom.class, Add.class, Refused.class);

    public record Reset() {
    }

    public record Slow(String id) {
    }

    public record Count() {
    }

    public record Lookup(String key) {
    }

    public record Staged(int value) {
    }

    public record Boom(boolean async) {
    }

    public record Add(int amount) {
    }

    public record Refused() {
    }

    @Singleton
    public static class Subscribers {
        final ConcurrentHashMap<Integer, AtomicInteger> resets = new ConcurrentHashMap<>();
        final AtomicInteger resetsAudited = new AtomicInteger();
        final ConcurrentHashMap<String, Boolean> slowDone = new ConcurrentHashMap<>();
        final AtomicInteger boomsSeen = new AtomicInteger();

        @OnEvent
        void onReset(Reset reset, Reactor reactor) {
            resets.computeIfAbsent(reactor.id(), id -> new AtomicInteger()).incrementAndGet();
        }

        @OnEvent
        Uni<Void> auditReset(Reset reset) {
            resetsAudited.incrementAndGet();
            return Uni.createFrom().voidItem();
        }

        /** Completes 50 ms later, from a timer on the same reactor. */
        @OnEvent
        Uni<Void> onSlow(Slow slow, Reactor reactor) {
            return Uni.createFrom().emitter(emitter -> reactor.timer(Duration.ofMillis(50), () -> {
                slowDone.put(slow.id(), true);
                emitter.complete(null);
            }));
        }

        @OnEvent
        long count(Count count, Reactor reactor) {
            return 100 + reactor.id();
        }

        @OnEvent
        Uni<String> lookup(Lookup lookup, Reactor reactor) {
            return Uni.createFrom().emitter(emitter -> reactor.timer(Duration.ofMillis(10),
                    () -> emitter.complete(lookup.key() + "@" + reactor.id())));
        }

        @OnEvent
        CompletionStage<Integer> staged(Staged staged) {
            return CompletableFuture.supplyAsync(() -> staged.value() * 2); // completes on a pool thread
        }

        @OnEvent
        Uni<String> boom(Boom boom) {
            if (!boom.async()) {
                throw new IllegalStateException("boom now");
            }
            return Uni.createFrom().failure(new IllegalStateException("boom later"));
        }

        @OnEvent
        void alsoSeesBoom(Boom boom) {
            boomsSeen.incrementAndGet();
        }

        @OnEvent
        void refusedHasNoReply(Refused refused) {
        }
    }

    /** One instance per reactor: each reactor's @OnEvent call reaches its own instance. */
    @PerCore
    public static class Tally {
        int total;

        @OnEvent
        int add(Add add) {
            total += add.amount();
            return total;
        }
    }

    @Inject
    Reactors reactors;

    @Inject
    Subscribers subscribers;

    @Test
    void deliverToAllCompletesAfterEveryReactorRanEverySubscriber() {
        int before0 = resets(0);
        int before1 = resets(1);
        int auditedBefore = subscribers.resetsAudited.get();
        reactors.deliver(new Reset()).await().atMost(Await.TIMEOUT);
        assertEquals(before0 + 1, resets(0));
        assertEquals(before1 + 1, resets(1));
        assertEquals(auditedBefore + 2, subscribers.resetsAudited.get());
    }

    /** What the docs say about FIFO per sender: a broadcast sent after a fire completes after every reactor ran it. */
    @Test
    void fireThenBroadcastFromOneThreadRunsInOrder() {
        int before0 = resets(0);
        int before1 = resets(1);
        reactors.fire(new Reset());
        reactors.broadcast(() -> {
        }).await().atMost(Await.TIMEOUT);
        assertEquals(before0 + 1, resets(0));
        assertEquals(before1 + 1, resets(1));
    }

    @Test
    void deliverAwaitsAnAsynchronousSubscriber() {
        reactors.reactor(1).deliver(new Slow("a")).await().atMost(Await.TIMEOUT);
        assertTrue(subscribers.slowDone.containsKey("a"), "completed only after the subscriber's Uni completed");
    }

    @Test
    void deliverIsLazy() {
        int before = resets(0);
        Uni<Void> notSubscribed = reactors.reactor(0).deliver(new Reset());
        Await.onReactor(reactors.reactor(0), () -> null); // anything queued before has run
        assertEquals(before, resets(0), "nothing is fired before the Uni is subscribed to");
        notSubscribed.await().atMost(Await.TIMEOUT);
        assertEquals(before + 1, resets(0));
    }

    @Test
    void completesOnTheCallersReactor() {
        CompletableFuture<String> completedOn = new CompletableFuture<>();
        reactors.reactor(0).send(() -> reactors.reactor(1).request(new Count()).subscribe().with(
                reply -> completedOn.complete(Thread.currentThread().getName() + " " + reply),
                completedOn::completeExceptionally));
        String reactor0 = Await.onReactor(reactors.reactor(0), () -> Thread.currentThread().getName());
        assertEquals(reactor0 + " 101", Await.result(completedOn));
    }

    @Test
    void requestCarriesTheReply() {
        assertEquals(100L, (Long) reactors.reactor(0).request(new Count()).await().atMost(Await.TIMEOUT));
        assertEquals(101L, (Long) reactors.reactor(1).request(new Count()).await().atMost(Await.TIMEOUT));
        assertEquals("k@1", reactors.reactor(1).<String> request(new Lookup("k")).await().atMost(Await.TIMEOUT));
        assertEquals(42, (Integer) reactors.reactor(0).request(new Staged(21)).await().atMost(Await.TIMEOUT));
    }

    @Test
    void anOnEventMethodOfAPerCoreBeanRunsOnEachReactorsOwnInstance() {
        assertEquals(5, (Integer) reactors.reactor(0).request(new Add(5)).await().atMost(Await.TIMEOUT));
        assertEquals(7, (Integer) reactors.reactor(0).request(new Add(2)).await().atMost(Await.TIMEOUT));
        assertEquals(1, (Integer) reactors.reactor(1).request(new Add(1)).await().atMost(Await.TIMEOUT),
                "reactor 1 has its own instance");
    }

    @Test
    void failuresReachTheCallerAfterEverySubscriberRan() {
        int seen = subscribers.boomsSeen.get();
        Throwable now = assertThrows(IllegalStateException.class,
                () -> reactors.reactor(0).request(new Boom(false)).await().atMost(Await.TIMEOUT));
        assertEquals("boom now", now.getMessage());
        Throwable later = assertThrows(IllegalStateException.class,
                () -> reactors.reactor(1).deliver(new Boom(true)).await().atMost(Await.TIMEOUT));
        assertEquals("boom later", later.getMessage());
        assertEquals(seen + 2, subscribers.boomsSeen.get(), "the other subscriber ran both times");
    }

    @Test
    void requestWithoutAReplyingSubscriberIsAnErrorAtTheCall() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reactors.reactor(0).request(new Refused()));
        assertTrue(e.getMessage().contains("no @OnEvent method for it returns a value"), e.getMessage());
        assertTrue(e.getMessage().contains("Subscribers#refusedHasNoReply(Refused)"), e.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> reactors.deliver("text"));
        assertInstanceOf(IllegalArgumentException.class, none);
        assertTrue(none.getMessage().contains("No @OnEvent method accepts events of type java.lang.String"));
    }

    private int resets(int reactor) {
        AtomicInteger count = subscribers.resets.get(reactor);
        return count == null ? 0 : count.get();
    }
}
