package io.quarkiverse.reactors.runtime.internal.events;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

import org.jboss.logging.Logger;

import io.quarkiverse.reactors.runtime.internal.reactor.ReactorImpl;
import io.smallrye.mutiny.Uni;

/**
 * One {@code @OnEvent} method bound to its bean instance. Immutable but for the failure counter;
 * delivered to on any reactor.
 */
public final class EventSubscriber {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.reactors");

    final EventInvoker invoker;
    final Object bean;
    /** {@code Class#method}, for logs and errors. */
    final String description;
    /** Whether its return value answers {@code Reactor.request}: it returns neither void nor a {@code Uni<Void>}. */
    final boolean replies;
    final LongAdder failures = new LongAdder();

    public EventSubscriber(EventInvoker invoker, Object bean, String description, boolean replies) {
        this.invoker = invoker;
        this.bean = bean;
        this.description = description;
        this.replies = replies;
    }

    /**
     * Delivers {@code event} on {@code reactor}.
     *
     * @return {@code false} when the method threw (the failure is logged and counted)
     */
    boolean deliver(Object event, ReactorImpl reactor) {
        Object result;
        try {
            result = invoker.deliver(bean, event, reactor);
        } catch (Throwable t) {
            failures.increment();
            reactor.logFailure("@OnEvent " + description, event, t);
            return false;
        }
        if (result instanceof Uni<?> uni) {
            uni.subscribe().with(item -> {
            }, failure -> asyncFailure(reactor, event, failure));
        } else if (result instanceof CompletionStage<?> stage) {
            stage.whenComplete((item, failure) -> {
                if (failure != null) {
                    asyncFailure(reactor, event, failure);
                }
            });
        }
        return true;
    }

    /** May run on any thread: the failure log of the reactor is not used here. */
    private void asyncFailure(ReactorImpl reactor, Object event, Throwable failure) {
        failures.increment();
        LOG.errorf(failure, "Reactor %d: @OnEvent %s failed asynchronously for %s", reactor.id(), description, event);
    }
}
