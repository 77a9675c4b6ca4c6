package io.quarkiverse.reactors.test.offload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.ReactorOverloadedException;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/** quarkus.reactors.offload.pool: a dedicated pool with its own threads and queue bound, results on the reactor. */
public class OffloadPoolTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2)
            .overrideRuntimeConfigKey("quarkus.reactors.offload.pool", "ingest")
            .overrideRuntimeConfigKey("quarkus.reactors.offload.pool-size", "3")
            .overrideRuntimeConfigKey("quarkus.reactors.offload.queue-size", "2");

    @Inject
    Reactors reactors;

    record Threads(String ranOn, Thread completedOn) {
    }

    @Test
    void runsOnTheDedicatedPoolAndCompletesOnTheReactor() {
        Reactor reactor = reactors.reactor(1);
        CompletableFuture<Threads> observed = new CompletableFuture<>();
        reactor.send(() -> reactor.offload(() -> Thread.currentThread().getName())
                .subscribe().with(name -> observed.complete(new Threads(name, Thread.currentThread())),
                        observed::completeExceptionally));
        Threads threads = Await.result(observed);
        assertTrue(threads.ranOn().startsWith("reactors-offload-ingest-"), threads.ranOn());
        assertSame(Await.onReactor(reactor, Thread::currentThread), threads.completedOn());
    }

    @Test
    void aFullQueueRefusesTheTask() {
        Reactor reactor = reactors.reactor(0);
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<String>> held = new ArrayList<>();
        for (int i = 0; i < 5; i++) { // 3 threads busy, 2 queued
            held.add(reactor.offload(() -> {
                release.await(10, TimeUnit.SECONDS);
                return "held";
            }).subscribeAsCompletionStage());
        }
        Throwable refused = Await.failure(reactor.offload(() -> "sixth").subscribeAsCompletionStage());
        assertInstanceOf(ReactorOverloadedException.class, refused);
        assertTrue(refused.getMessage().contains("offload pool 'ingest' is full"), refused.getMessage());
        release.countDown();
        for (CompletableFuture<String> f : held) {
            assertEquals("held", Await.result(f));
        }
        assertEquals("after", Await.result(reactor.offload(() -> "after").subscribeAsCompletionStage()));
    }

    @Test
    void orderedTasksRunOneAfterTheOtherInOrder() {
        Reactor reactor = reactors.reactor(1);
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<Integer> completed = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        CompletableFuture<Void> last = new CompletableFuture<>();
        int tasks = 8;
        reactor.send(() -> {
            for (int i = 0; i < tasks; i++) {
                int n = i;
                reactor.offload(() -> {
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Thread.sleep((tasks - n) % 3 * 5L); // earlier tasks are slower: unordered, later ones would overtake
                    order.add(n);
                    running.decrementAndGet();
                    return n;
                }, true).subscribe().with(v -> {
                    completed.add(v);
                    if (v == tasks - 1) {
                        last.complete(null);
                    }
                });
            }
        });
        Await.result(last);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), order);
        assertEquals(order, completed, "the results reach the reactor in order too");
        assertEquals(1, maxRunning.get(), "ordered tasks of one reactor never overlap");
    }

    @Test
    void failuresArePropagatedOnTheReactor() {
        Reactor reactor = reactors.reactor(0);
        IllegalStateException boom = new IllegalStateException("disk on fire");
        CompletableFuture<Thread> failedOn = new CompletableFuture<>();
        reactor.send(() -> reactor.offload(() -> {
            throw boom;
        }).subscribe().with(v -> failedOn.completeExceptionally(new AssertionError("no failure")), failure -> {
            assertSame(boom, failure);
            failedOn.complete(Thread.currentThread());
        }));
        assertSame(Await.onReactor(reactor, Thread::currentThread), Await.result(failedOn));
    }
}
