package io.quarkiverse.reactors.runtime.internal.reactor;

import java.util.function.BooleanSupplier;

import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The one explanation given when code on a reactor thread waits for a result ({@code Uni.await()},
 * {@code CompletableFuture.get()}/{@code join()}), and the Mutiny hook that gives it for {@code await()}.
 * <p>
 * Stateless; any thread.
 */
public final class BlockingOnReactor {

    /**
     * The test Quarkus' Mutiny integration applies to every thread (its {@code MutinyInfrastructure}): a Vert.x
     * event-loop thread cannot block. Kept for the threads that are not reactors.
     */
    private static final String EVENT_LOOP_THREAD = "vert.x-eventloop-thread-";

    private BlockingOnReactor() {
    }

    /** @return the failure for {@code call}, made on {@code reactor}'s thread, naming the reactor and what to do */
    public static IllegalStateException refused(ReactorImpl reactor, String call) {
        return new IllegalStateException("Reactor " + reactor.id() + " (" + Thread.currentThread().getName()
                + ") cannot wait for a result with " + call + ": a reactor must never block, and the reply to a call"
                + " made here is delivered on this same reactor, so the wait would never end. Instead, return the Uni"
                + " (or CompletionStage) and let the caller chain on it (map, chain, thenApply, ...), or move blocking"
                + " code off the reactor with reactor.offload(...).");
    }

    /**
     * Makes {@code Uni.await()} on a reactor thread fail with {@link #refused}'s explanation instead of Mutiny's
     * generic "The current thread cannot be blocked"; other threads keep Quarkus' rule. At runtime init, after
     * Quarkus installed its own supplier (at static init).
     */
    public static void install() {
        Infrastructure.setCanCallerThreadBeBlockedSupplier(canBlock());
    }

    /** At shutdown: Quarkus' rule alone. */
    public static void uninstall() {
        Infrastructure.setCanCallerThreadBeBlockedSupplier(BlockingOnReactor::notAnEventLoop);
    }

    private static BooleanSupplier canBlock() {
        return () -> {
            ReactorImpl reactor = ReactorGroup.currentOrNull();
            if (reactor != null) {
                throw refused(reactor, "Uni.await()");
            }
            return notAnEventLoop();
        };
    }

    private static boolean notAnEventLoop() {
        return !Thread.currentThread().getName().contains(EVENT_LOOP_THREAD);
    }
}
