package io.quarkiverse.reactors.runtime.internal.events;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.quarkiverse.reactors.ReactorOverloadedException;
import io.quarkiverse.reactors.ReactorStoppedException;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorGroup;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorImpl;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.impl.ContextInternal;

/**
 * The events a reactor is sent that carry a result or go to {@code @OnEvent} subscribers: calls, fired, delivered
 * and requested events. Builds each event with what its reply needs (the calling reactor and its context) and
 * sends it through the reactor's {@link EventMailbox}.
 * <p>
 * Thread-safe: every method may be called from any thread.
 */
public final class ReactorCalls {

    private final ReactorImpl reactor;
    private final EventMailbox mailbox;
    private final EventDispatcher dispatcher;

    public ReactorCalls(ReactorImpl reactor, EventMailbox mailbox, EventDispatcher dispatcher) {
        this.reactor = reactor;
        this.mailbox = mailbox;
        this.dispatcher = dispatcher;
    }

    /** {@code Reactor.call}: lazy, each subscription sends the call once; a refusal fails the {@code Uni}. */
    public <T> Uni<T> call(Supplier<T> task) {
        return Infrastructure.onUniCreation(new ReplyUni<T>() {
            @Override
            protected void send(CallCompletion<T> completion) {
                submitCall(task, completion);
            }
        });
    }

    /** {@code Reactor.callAsync}: sends the call now; a refusal fails the stage. */
    public <T> CompletionStage<T> callAsync(Supplier<T> task) {
        CompletableFuture<T> future = new ReactorFuture<>();
        submitCall(task, CallCompletion.of(future));
        return future;
    }

    /** {@code Reactor.fire}: the event's subscribers run on the reactor; nobody waits. */
    public void fire(Object event) {
        fire(dispatcher.subscribersOf(event), event);
    }

    /** Queues already-resolved subscribers: {@code Reactors.fire} looks them up once for all reactors. */
    public void fire(EventSubscriber[] subscribers, Object event) {
        mailbox.send(new FireEvent(subscribers, event));
    }

    /** {@code Reactor.deliver}: completes once every subscriber ran. */
    public Uni<Void> deliver(Object event) {
        return deliver(dispatcher.subscribersOf(event), null, event);
    }

    /** {@code Reactor.request}: completes with the value of the event's replying subscriber. */
    public <R> Uni<R> request(Object event) {
        EventSubscriber[] subscribers = dispatcher.subscribersOf(event);
        return deliver(subscribers, EventDispatcher.replierOf(subscribers, event), event);
    }

    /**
     * Delivers already-resolved subscribers, with the value of {@code replier} (null: none) as the reply.
     * Lazy: each subscription queues the event once; a refusal fails the {@code Uni}.
     */
    public <R> Uni<R> deliver(EventSubscriber[] subscribers, EventSubscriber replier, Object event) {
        return Infrastructure.onUniCreation(new ReplyUni<R>() {
            @Override
            protected void send(CallCompletion<R> completion) {
                ReactorImpl caller = ReactorGroup.currentOrNull();
                try {
                    mailbox.send(new DeliveryEvent<R>(subscribers, replier, event, completion, caller,
                            callerContext(caller)));
                } catch (ReactorOverloadedException | ReactorStoppedException e) {
                    completion.fail(e);
                }
            }
        });
    }

    private <T> void submitCall(Supplier<T> task, CallCompletion<T> completion) {
        ReactorImpl caller = ReactorGroup.currentOrNull();
        ContextInternal callerContext = callerContext(caller);
        if (caller == reactor && !mailbox.closed() && !mailbox.hasQueued()) {
            // A call to the caller's own reactor with nothing queued: run it now. No event can be overtaken
            // (the queue is empty), and the hop through the queue would only add a loop turn.
            T result;
            try {
                result = task.get();
            } catch (Throwable t) {
                completion.fail(t);
                return;
            }
            completion.complete(result);
            return;
        }
        try {
            mailbox.send(new CallEvent<>(task, completion, caller, callerContext));
        } catch (ReactorOverloadedException | ReactorStoppedException e) {
            completion.fail(e);
        }
    }

    /**
     * @return the caller's own context (e.g. an HTTP request's duplicated context), kept for the reply when it
     *         belongs to the caller's event loop; null when there is none or the caller is not on a reactor
     */
    private static ContextInternal callerContext(ReactorImpl caller) {
        if (caller == null) {
            return null;
        }
        ContextInternal current = ContextInternal.current();
        return current != null && current.nettyEventLoop() == caller.contextInternal().nettyEventLoop() ? current
                : null;
    }
}
