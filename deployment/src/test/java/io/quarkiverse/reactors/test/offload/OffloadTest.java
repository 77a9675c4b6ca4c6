package io.quarkiverse.reactors.test.offload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.ReactorOverloadedException;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

/** Blocking work runs on the worker pool and completes back on the reactor; the pending tasks are bounded. */
public class OffloadTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2)
            .overrideRuntimeConfigKey("quarkus.reactors.offload.max-pending", "2");

    @Inject
    Reactors reactors;

    record Threads(Thread ranOn, Thread completedOn, Object value) {
    }

    @Test
    void runsOnAWorkerAndCompletesOnTheReactor() {
        Reactor reactor = reactors.reactor(1);
        CompletableFuture<Threads> observed = new CompletableFuture<>();
        reactor.send(() -> {
            Thread[] ranOn = new Thread[1];
            reactor.offload(() -> {
                ranOn[0] = Thread.currentThread();
                Thread.sleep(20); // blocking is fine here
                return "done";
            }).subscribe().with(value -> observed.complete(new Threads(ranOn[0], Thread.currentThread(), value)),
                    observed::completeExceptionally);
        });
        Threads threads = Await.result(observed);
        Thread reactorThread = Await.onReactor(reactor, Thread::currentThread);
        assertEquals("done", threads.value());
        assertNotSame(reactorThread, threads.ranOn(), "the task runs off the reactor");
        assertSame(reactorThread, threads.completedOn(), "the result comes back on the reactor");
    }

    @Test
    void failuresArePropagated() {
        IllegalStateException boom = new IllegalStateException("disk on fire");
        Throwable failure = Await.failure(reactors.reactor(0).offload(() -> {
            throw boom;
        }).subscribeAsCompletionStage());
        assertSame(boom, failure);
    }

    @Test
    void pendingTasksAreBounded() throws InterruptedException {
        Reactor reactor = reactors.reactor(0);
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<String>> held = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            held.add(reactor.offload(() -> {
                release.await(10, TimeUnit.SECONDS);
                return "held";
            }).subscribeAsCompletionStage());
        }
        Throwable refused = Await.failure(reactor.offload(() -> "third").subscribeAsCompletionStage());
        assertInstanceOf(ReactorOverloadedException.class, refused);
        assertTrue(refused.getMessage().contains("quarkus.reactors.offload.max-pending"), refused.getMessage());
        release.countDown();
        for (CompletableFuture<String> f : held) {
            assertEquals("held", Await.result(f));
        }
        assertEquals("after", Await.result(reactor.offload(() -> "after").subscribeAsCompletionStage()));
    }

    @Test
    void orderedTasksRunInSubmissionOrder() {
        Reactor reactor = reactors.reactor(1);
        List<Integer> order = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> last = new CompletableFuture<>();
        reactor.send(() -> {
            for (int i = 0; i < 2; i++) {
                int n = i;
                reactor.offload(() -> {
                    Thread.sleep(n == 0 ? 30 : 0); // the first is slower: unordered, the second would overtake it
                    order.add(n);
                    return n;
                }, true).subscribe().with(v -> {
                    if (v == 1) {
                        last.complete(null);
                    }
                });
            }
        });
        Await.result(last);
        assertEquals(List.of(0, 1), order);
    }

    @Test
    void awaitingOnAReactorFailsAtOnce() {
        String outcome = Await.onReactor(reactors.reactor(0), () -> {
            try {
                Uni.createFrom().item("x").await().indefinitely();
                return "blocked";
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        });
        assertTrue(outcome.contains("Reactor 0 (") && outcome.contains("cannot wait for a result with Uni.await()"),
                outcome);
    }
}
