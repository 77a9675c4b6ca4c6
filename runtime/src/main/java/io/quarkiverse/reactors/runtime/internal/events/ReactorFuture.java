package io.quarkiverse.reactors.runtime.internal.events;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.quarkiverse.reactors.runtime.internal.reactor.BlockingOnReactor;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorGroup;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorImpl;

/**
 * The {@code CompletionStage} of {@code Reactor.callAsync}: a {@link CompletableFuture} whose blocking waits fail
 * at once on a reactor thread while it is not complete, instead of waiting forever for a reply that can only be
 * delivered by the reactor that waits. Stages derived from it ({@code thenApply}, ...) are of this class too.
 * <p>
 * Thread-safe, as {@link CompletableFuture}.
 */
final class ReactorFuture<T> extends CompletableFuture<T> {

    @Override
    public T get() throws InterruptedException, ExecutionException {
        refuseToBlockReactor("CompletableFuture.get()");
        return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        refuseToBlockReactor("CompletableFuture.get(timeout)");
        return super.get(timeout, unit);
    }

    @Override
    public T join() {
        refuseToBlockReactor("CompletableFuture.join()");
        return super.join();
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new ReactorFuture<>();
    }

    private void refuseToBlockReactor(String call) {
        if (!isDone()) {
            ReactorImpl reactor = ReactorGroup.currentOrNull();
            if (reactor != null) {
                throw BlockingOnReactor.refused(reactor, call);
            }
        }
    }
}
