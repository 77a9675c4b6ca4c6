package io.quarkiverse.reactors.runtime.internal;

import java.util.function.Supplier;

import io.quarkiverse.reactors.ReactorStoppedException;
import io.vertx.core.Handler;
import io.vertx.core.impl.ContextInternal;

/**
 * A call: runs a supplier on the target reactor, then travels back to the caller's reactor as the reply
 * event, so one object serves both legs and a round trip allocates nothing more.
 * <p>
 * Not thread-safe, but never shared: it is owned by the target reactor until the reply is queued, and
 * by the caller's reactor afterwards; the queue hand-off publishes the fields in between.
 */
final class CallEvent<T> extends ReactorEvent {

    private static final Handler<CallEvent<?>> COMPLETE = CallEvent::complete;

    private final Supplier<T> task;
    private final CallCompletion<T> completion;
    /** The caller's reactor, or null when the call came from another thread: then it completes on the target. */
    private final ReactorImpl caller;
    /** The Vert.x context current when the call was made on the caller's reactor, restored for the reply. */
    private final ContextInternal callerContext;

    private boolean ran;
    private T result;
    private Throwable failure;

    CallEvent(Supplier<T> task, CallCompletion<T> completion, ReactorImpl caller, ContextInternal callerContext) {
        this.task = task;
        this.completion = completion;
        this.caller = caller;
        this.callerContext = callerContext;
    }

    @Override
    boolean execute(ReactorImpl reactor) {
        if (ran) {
            // second leg: the reply, on the caller's reactor
            deliver();
            return true;
        }
        ran = true;
        try {
            result = task.get();
        } catch (Throwable t) {
            failure = t;
        }
        if (caller == null || caller == reactor) {
            deliver();
        } else {
            caller.submitInternal(this);
        }
        return failure == null;
    }

    @Override
    boolean abandon(ReactorImpl reactor) {
        completion.fail(new ReactorStoppedException(reactor.id(),
                ran ? "terminated before the reply to a call could be delivered"
                        : "terminated before a queued call could run"));
        return true;
    }

    /** Delivers the outcome in the caller's Vert.x context when the caller had one on its reactor. */
    private void deliver() {
        if (callerContext != null && ContextInternal.current() != callerContext) {
            callerContext.dispatch(this, COMPLETE);
        } else {
            complete();
        }
    }

    private void complete() {
        if (failure != null) {
            completion.fail(failure);
        } else {
            completion.complete(result);
        }
    }
}
