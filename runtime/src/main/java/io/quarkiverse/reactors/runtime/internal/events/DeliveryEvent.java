package io.quarkiverse.reactors.runtime.internal.events;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkiverse.reactors.runtime.internal.reactor.ReactorImpl;
import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.impl.ContextInternal;

/**
 * An event fired with {@code Reactor.deliver} or {@code Reactor.request}: delivered on the target reactor to
 * each subscriber in turn, as {@link FireEvent} is, and then, once every subscriber has finished (the
 * {@code Uni} or {@code CompletionStage} it returned included), sent back to the caller's reactor as the
 * reply event, carrying the replying subscriber's value or the failures. Failures go to the caller, so they
 * are counted on the subscriber but not logged.
 * <p>
 * Thread rules: the first leg runs on the target reactor; asynchronous results may complete on any thread,
 * and the last one to finish (an atomic countdown decides which) sends the reply; the second leg runs on the
 * caller's reactor, or on the target when the caller was not on a reactor. The countdown publishes the reply
 * value and the failures to the thread that sends the reply, and the queue hand-off publishes them onwards.
 */
public final class DeliveryEvent<R> extends ReplyingEvent<R> {

    private final EventSubscriber[] subscribers;
    /** The subscriber whose value completes the call, or null for a delivery without reply. */
    private final EventSubscriber replier;
    private final Object event;
    /** Subscribers still running, plus one held by the first leg until it has called them all. */
    private final AtomicInteger pending = new AtomicInteger();
    /** Written by whichever thread completes a subscriber, read after the countdown: guarded by it. */
    private final List<Throwable> failures = new ArrayList<>(0);

    private ReactorImpl target;
    private Object reply;

    public DeliveryEvent(EventSubscriber[] subscribers, EventSubscriber replier, Object event, CallCompletion<R> completion,
            ReactorImpl caller, ContextInternal callerContext) {
        super(completion, caller, callerContext);
        this.subscribers = subscribers;
        this.replier = replier;
        this.event = event;
    }

    @Override
    boolean run(ReactorImpl reactor) {
        target = reactor;
        pending.set(subscribers.length + 1);
        boolean threw = false;
        for (EventSubscriber subscriber : subscribers) {
            Object result;
            try {
                result = subscriber.invoker.deliver(subscriber.bean, event, reactor);
            } catch (Throwable t) {
                threw = true;
                failed(subscriber, t);
                continue;
            }
            boolean replies = subscriber == replier;
            if (result instanceof Uni<?> uni) {
                uni.subscribe().with(item -> succeeded(replies, item), failure -> failed(subscriber, failure));
            } else if (result instanceof CompletionStage<?> stage) {
                stage.whenComplete((item, failure) -> {
                    if (failure == null) {
                        succeeded(replies, item);
                    } else {
                        failed(subscriber, failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure);
                    }
                });
            } else {
                succeeded(replies, result);
            }
        }
        finished(); // the first leg's own count: no reply before every subscriber was called
        return !threw;
    }

    @Override
    String what() {
        return "a delivered event";
    }

    private void succeeded(boolean replies, Object item) {
        if (replies) {
            reply = item;
        }
        finished();
    }

    private void failed(EventSubscriber subscriber, Throwable failure) {
        subscriber.failures.increment();
        synchronized (failures) {
            failures.add(failure);
        }
        finished();
    }

    private void finished() {
        if (pending.decrementAndGet() != 0) {
            return;
        }
        ReactorImpl home = caller != null ? caller : target;
        if (home.isCurrent()) {
            deliverOutcome();
        } else {
            home.sendAlways(this);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    void complete() {
        List<Throwable> seen;
        synchronized (failures) {
            seen = List.copyOf(failures);
        }
        if (seen.isEmpty()) {
            completion.complete((R) reply);
        } else {
            completion.fail(seen.size() == 1 ? seen.get(0) : new CompositeException(seen));
        }
    }
}
