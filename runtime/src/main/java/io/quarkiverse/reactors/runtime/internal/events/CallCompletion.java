package io.quarkiverse.reactors.runtime.internal.events;

import java.util.concurrent.CompletableFuture;

/**
 * Where the outcome of a call goes: a {@code Uni}'s subscriber ({@link UniReply}) or a {@link CompletableFuture}.
 * Called once, by the thread that delivers the outcome.
 */
public interface CallCompletion<T> {

    void complete(T value);

    void fail(Throwable failure);

    static <T> CallCompletion<T> of(CompletableFuture<T> future) {
        return new CallCompletion<>() {
            @Override
            public void complete(T value) {
                future.complete(value);
            }

            @Override
            public void fail(Throwable failure) {
                future.completeExceptionally(failure);
            }
        };
    }
}
