package io.quarkiverse.reactors.runtime.internal.events;

import io.quarkiverse.reactors.Reactor;

/**
 * Calls one {@code @OnEvent} method. A subclass is generated at build time for each method: a plain
 * virtual call, and the event type as a class literal, so dispatch needs no reflection.
 * <p>
 * Stateless; called on reactor threads.
 */
public abstract class EventInvoker {

    /** @return the type of events the method accepts (its first parameter) */
    public abstract Class<?> eventType();

    /**
     * @return what the method returned: {@code null} for {@code void}, else a {@code Uni} or a {@code CompletionStage}
     */
    public abstract Object deliver(Object bean, Object event, Reactor reactor);
}
