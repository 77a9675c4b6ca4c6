package io.quarkiverse.reactors.runtime.internal.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds the {@code @OnEvent} subscribers of an event class. The subscribers and their event types are
 * fixed at build time (generated invokers carry the type as a class literal); the table for a given event
 * class is computed on its first fire with {@link Class#isAssignableFrom} and cached in a
 * {@link ClassValue}, so it is also right for event classes the build never saw (JDK types, lambdas).
 * <p>
 * Thread-safe: subscribers are added at startup, before any event is fired; lookups come from any thread.
 */
public final class EventDispatcher {

    private volatile EventSubscriber[] subscribers = new EventSubscriber[0];

    private final ClassValue<EventSubscriber[]> byClass = new ClassValue<>() {
        @Override
        protected EventSubscriber[] computeValue(Class<?> type) {
            List<EventSubscriber> matching = new ArrayList<>();
            for (EventSubscriber subscriber : subscribers) {
                if (subscriber.invoker.eventType().isAssignableFrom(type)) {
                    matching.add(subscriber);
                }
            }
            return matching.toArray(new EventSubscriber[0]);
        }
    };

    public void add(EventSubscriber subscriber) {
        EventSubscriber[] current = subscribers;
        EventSubscriber[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = subscriber;
        subscribers = next;
    }

    /**
     * @return the one subscriber among {@code subscribers} whose return value answers a request
     * @throws IllegalArgumentException naming the subscribers when none replies (all return {@code void} or
     *         {@code Uni<Void>}), or when several do (only possible through subtypes the build could not see)
     */
    public static EventSubscriber replierOf(EventSubscriber[] subscribers, Object event) {
        EventSubscriber replier = null;
        for (EventSubscriber subscriber : subscribers) {
            if (subscriber.replies) {
                if (replier != null) {
                    throw new IllegalArgumentException("Cannot request a reply to " + event.getClass().getName() + ": "
                            + replier.description + " and " + subscriber.description + " both return a value for it."
                            + " Keep one replying @OnEvent method per event type: make the others return void or"
                            + " Uni<Void> (they still receive the event)");
                }
                replier = subscriber;
            }
        }
        if (replier == null) {
            throw new IllegalArgumentException("Cannot request a reply to " + event.getClass().getName()
                    + ": no @OnEvent method for it returns a value (" + Arrays.stream(subscribers)
                            .map(s -> s.description).collect(Collectors.joining(", "))
                    + " return void or Uni<Void>). Return the reply from one of them, or use deliver(event)"
                    + " to learn when they all ran");
        }
        return replier;
    }

    /**
     * @return the subscribers of {@code event}'s class, in registration order
     * @throws IllegalArgumentException naming the type when there is none
     */
    public EventSubscriber[] subscribersOf(Object event) {
        java.util.Objects.requireNonNull(event, "event");
        EventSubscriber[] found = byClass.get(event.getClass());
        if (found.length == 0) {
            throw new IllegalArgumentException("No @OnEvent method accepts events of type " + event.getClass().getName()
                    + (subscribers.length == 0 ? ": the application declares no @OnEvent method"
                            : ": the @OnEvent methods accept " + Arrays.stream(subscribers)
                                    .map(s -> s.invoker.eventType().getName() + " (" + s.description + ")")
                                    .collect(Collectors.joining(", "))));
        }
        return found;
    }
}
