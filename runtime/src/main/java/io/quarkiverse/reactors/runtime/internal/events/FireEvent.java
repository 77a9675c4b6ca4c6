package io.quarkiverse.reactors.runtime.internal.events;

import io.quarkiverse.reactors.runtime.internal.reactor.ReactorImpl;

/**
 * An event fired with {@code Reactor.fire}: delivered, on the target reactor, to each subscriber in turn.
 * A subscriber that throws does not stop the others.
 */
public final class FireEvent extends ReactorEvent {

    private final EventSubscriber[] subscribers;
    private final Object event;

    public FireEvent(EventSubscriber[] subscribers, Object event) {
        this.subscribers = subscribers;
        this.event = event;
    }

    @Override
    public boolean execute(ReactorImpl reactor) {
        boolean allDelivered = true;
        for (EventSubscriber subscriber : subscribers) {
            allDelivered &= subscriber.deliver(event, reactor);
        }
        return allDelivered;
    }
}
