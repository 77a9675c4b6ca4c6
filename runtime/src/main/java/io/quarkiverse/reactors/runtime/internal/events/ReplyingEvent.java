package io.quarkiverse.reactors.runtime.internal.events;

import io.quarkiverse.reactors.ReactorStoppedException;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorImpl;
import io.vertx.core.Handler;
import io.vertx.core.impl.ContextInternal;

/**
 * An event in two legs: it runs on the target reactor, then travels back to the caller's reactor as the
 * reply event, so one object serves both legs. It remembers the caller's reactor and Vert.x context (an HTTP
 * request's duplicated context, for example) and completes the caller there.
 * <p>
 * Not thread-safe, but never shared: owned by the target reactor until the reply is queued, and by the
 * caller's reactor afterwards; the queue hand-off publishes the fields in between.
 */
abstract class ReplyingEvent<T> extends ReactorEvent {

    private static final Handler<ReplyingEvent<?>> COMPLETE = ReplyingEvent::complete;

    final CallCompletion<T> completion;
    /** The caller's reactor, or null when the caller was not on a reactor: then it completes on the target. */
    final ReactorImpl caller;
    /** The Vert.x context current when the call was made on the caller's reactor, restored for the reply. */
    private final ContextInternal callerContext;
    private boolean ran;

    ReplyingEvent(CallCompletion<T> completion, ReactorImpl caller, ContextInternal callerContext) {
        this.completion = completion;
        this.caller = caller;
        this.callerContext = callerContext;
    }

    @Override
    public final boolean execute(ReactorImpl reactor) {
        if (ran) {
            // second leg: the reply, on the caller's reactor
            deliverOutcome();
            return true;
        }
        ran = true;
        return run(reactor);
    }

    /**
     * The first leg, on the target reactor; it calls {@link #deliverOutcome()} there, or queues this event on
     * the caller's reactor, once the outcome is known.
     *
     * @return {@code false} when user code threw
     */
    abstract boolean run(ReactorImpl reactor);

    @Override
    public final boolean abandon(ReactorImpl reactor) {
        completion.fail(new ReactorStoppedException(reactor.id(),
                ran ? "terminated before the reply to " + what() + " could be delivered"
                        : "terminated before " + what() + " could run"));
        return true;
    }

    /** @return what the event is, for the message when it is abandoned: "a call" */
    abstract String what();

    /** Delivers the outcome in the caller's Vert.x context when the caller had one on its reactor. */
    final void deliverOutcome() {
        if (callerContext != null && ContextInternal.current() != callerContext) {
            callerContext.dispatch(this, COMPLETE);
        } else {
            complete();
        }
    }

    /** Completes {@link #completion} with the outcome, on the current thread. */
    abstract void complete();
}
