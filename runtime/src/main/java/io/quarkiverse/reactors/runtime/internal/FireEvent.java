package io.quarkiverse.reactors.runtime.internal;

/**
 * An event fired with {@code Reactor.fire}: delivered, on the target reactor, to each subscriber in turn.
 * A subscriber that throws does not stop the others.
 */
final class FireEvent extends ReactorEvent {

    private final EventSubscriber[] subscribers;
    private final Object event;

    FireEvent(EventSubscriber[] subscribers, Object event) {
        this.subscribers = subscribers;
        this.event = event;
    }

    @Override
    boolean execute(ReactorImpl reactor) {
        boolean allDelivered = true;
        for (EventSubscriber subscriber : subscribers) {
            allDelivered &= subscriber.deliver(event, reactor);
        }
        return allDelivered;
    }
}
