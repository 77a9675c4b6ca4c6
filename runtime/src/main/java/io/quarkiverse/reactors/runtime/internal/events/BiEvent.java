package io.quarkiverse.reactors.runtime.internal.events;

import java.util.function.BiConsumer;

import io.quarkiverse.reactors.runtime.internal.reactor.ReactorImpl;

/**
 * {@code task.accept(a, b)} as an event, so that non-capturing method references can be sent with
 * their arguments. Immutable; runs once on the target reactor.
 */
public final class BiEvent<A, B> extends ReactorEvent {

    private final BiConsumer<A, B> task;
    private final A a;
    private final B b;

    public BiEvent(BiConsumer<A, B> task, A a, B b) {
        this.task = task;
        this.a = a;
        this.b = b;
    }

    @Override
    public boolean execute(ReactorImpl reactor) {
        try {
            task.accept(a, b);
            return true;
        } catch (Throwable t) {
            reactor.logFailure("event", task, t);
            return false;
        }
    }
}
