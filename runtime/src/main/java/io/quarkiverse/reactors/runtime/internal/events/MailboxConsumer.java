package io.quarkiverse.reactors.runtime.internal.events;

import java.util.function.BiConsumer;

/**
 * What an {@link EventMailbox} needs from its consumer, the reactor's loop: run an event (from the queue, or a single
 * event or a pair from a lane, which the lanes' drain hands over through {@link SpscLane.Sink}), run one beside a full
 * queue, report one that can never run. Called on the consumer's thread, except {@link #abandon}, which runs on
 * whichever thread finds the event loop terminated.
 */
public interface MailboxConsumer extends SpscLane.Sink<Object> {

    /** Runs one event taken from the queue; counts a failure itself. */
    void runEvent(Object event);

    /**
     * Runs {@code task.accept(a, b)}, a two-argument send taken from a lane (written there in place); counts a
     * failure itself. The default wraps it in a {@link BiEvent} for {@link #runEvent}.
     */
    default void runPair(BiConsumer<Object, Object> task, Object a, Object b) {
        runEvent(new BiEvent<>(task, a, b));
    }

    /** What a lane's drain hands over: {@link #runEvent}. */
    @Override
    default void accept(Object event) {
        runEvent(event);
    }

    /** What a lane's drain hands over for a pair: {@link #runPair}. */
    @Override
    @SuppressWarnings("unchecked")
    default void acceptPair(Object task, Object a, Object b) {
        runPair((BiConsumer<Object, Object>) task, a, b);
    }

    /** Runs an event that the full queue could not take, as a task of its own on the event loop. */
    void runBesideQueue(ReactorEvent event);

    /**
     * Reports an event that can never run because the event loop terminated.
     *
     * @return {@code true} when someone waiting for it was told (a pending call failed)
     */
    boolean abandon(Object event);
}
