package io.quarkiverse.reactors.test.reliability;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Waiting on a call's result on a reactor thread would wait forever (the reply is delivered to the waiting reactor),
 * so it fails at once, naming the reactor and what to do instead: for {@code Uni.await()} and for the
 * {@code CompletionStage} of {@code callAsync} ({@code get}, {@code join}, and stages derived from it).
 */
public class BlockingOnAReactorFailsFastTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2);

    @Inject
    Reactors reactors;

    @Test
    void getWithATimeoutFailsAtOnce() {
        assertExplains(target -> {
            try {
                target.callAsync(() -> 1).toCompletableFuture().get(1, TimeUnit.SECONDS);
            } catch (InterruptedException | java.util.concurrent.ExecutionException
                    | java.util.concurrent.TimeoutException e) {
                throw new AssertionError("failed the wrong way", e);
            }
        });
    }

    @Test
    void getFailsAtOnce() {
        assertExplains(target -> {
            try {
                target.callAsync(() -> 1).toCompletableFuture().get();
            } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                throw new AssertionError("failed the wrong way", e);
            }
        });
    }

    @Test
    void joinOfADerivedStageFailsAtOnce() {
        assertExplains(target -> target.callAsync(() -> 1).thenApply(v -> v + 1).toCompletableFuture().join());
    }

    @Test
    void uniAwaitExplainsWhatToDo() {
        assertExplains(target -> target.call(() -> 1).await().indefinitely());
    }

    /** Runs {@code wait} on reactor 1 against reactor 0 and checks that it failed at once with the explanation. */
    private void assertExplains(Consumer<Reactor> wait) {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        reactors.reactor(1).send(() -> {
            try {
                wait.accept(reactors.reactor(0));
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        Throwable failure = Await.result(outcome);
        assertInstanceOf(IllegalStateException.class, failure, String.valueOf(failure));
        String message = failure.getMessage();
        assertTrue(message.contains("Reactor 1 ("), message);
        assertTrue(message.contains("offload"), message);
        assertTrue(message.contains("return the Uni"), message);
    }
}
