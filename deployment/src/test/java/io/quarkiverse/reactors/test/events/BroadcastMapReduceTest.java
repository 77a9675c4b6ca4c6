package io.quarkiverse.reactors.test.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.CompositeException;

/** Broadcast runs once on every reactor; mapReduce folds per-reactor results in id order. */
public class BroadcastMapReduceTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(3);

    @Inject
    Reactors reactors;

    /** Per-core state: slot i is only touched by reactor i. */
    final long[] perCore = new long[3];

    @Test
    void broadcastRunsOnEveryReactorAndCompletesOnTheCaller() {
        Set<Integer> ranOn = ConcurrentHashMap.newKeySet();
        CompletableFuture<Thread> completedOn = new CompletableFuture<>();
        CompletableFuture<Thread> callerThread = new CompletableFuture<>();
        reactors.reactor(2).send(() -> {
            callerThread.complete(Thread.currentThread());
            reactors.broadcast(() -> ranOn.add(reactors.current().id()))
                    .subscribe().with(v -> completedOn.complete(Thread.currentThread()), completedOn::completeExceptionally);
        });
        assertSame(Await.result(callerThread), Await.result(completedOn));
        assertEquals(Set.of(0, 1, 2), ranOn);
    }

    @Test
    void mapReduceSumsPerCoreState() {
        reactors.broadcast(() -> {
            int id = reactors.current().id();
            perCore[id] += (id + 1) * 10;
        }).await().atMost(Await.TIMEOUT);
        long total = reactors.mapReduce(() -> perCore[reactors.current().id()], Long::sum).await().atMost(Await.TIMEOUT);
        assertEquals(10 + 20 + 30, total);
    }

    @Test
    void mapReduceFoldsInReactorIdOrder() {
        String order = reactors.mapReduce(() -> String.valueOf(reactors.current().id()), String::concat)
                .await().atMost(Await.TIMEOUT);
        assertEquals("012", order);
    }

    @Test
    void aFailureOnOneReactorFailsTheBroadcastAfterAllRan() {
        Set<Integer> ranOn = ConcurrentHashMap.newKeySet();
        Throwable failure = Await.failure(reactors.broadcast(() -> {
            int id = reactors.current().id();
            ranOn.add(id);
            if (id == 1) {
                throw new IllegalStateException("reactor 1 refuses");
            }
        }).subscribeAsCompletionStage());
        assertEquals(Set.of(0, 1, 2), ranOn);
        Throwable cause = failure instanceof CompositeException c ? c.getCauses().get(0) : failure;
        assertTrue(cause instanceof IllegalStateException && cause.getMessage().equals("reactor 1 refuses"),
                String.valueOf(failure));
    }
}
