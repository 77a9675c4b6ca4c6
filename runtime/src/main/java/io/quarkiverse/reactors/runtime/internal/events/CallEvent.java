package io.quarkiverse.reactors.runtime.internal.events;

import java.util.function.Supplier;

import io.quarkiverse.reactors.runtime.internal.reactor.ReactorImpl;
import io.vertx.core.impl.ContextInternal;

/**
 * A call: runs a supplier on the target reactor, then travels back to the caller's reactor as the reply
 * event, so a round trip allocates nothing more. Thread rules of {@link ReplyingEvent}.
 */
public final class CallEvent<T> extends ReplyingEvent<T> {

    private final Supplier<T> task;
    private T result;
    private Throwable failure;

    public CallEvent(Supplier<T> task, CallCompletion<T> completion, ReactorImpl caller, ContextInternal callerContext) {
        super(completion, caller, callerContext);
        this.task = task;
    }

    @Override
    boolean run(ReactorImpl reactor) {
        try {
            result = task.get();
        } catch (Throwable t) {
            failure = t;
        }
        if (caller == null || caller == reactor) {
            deliverOutcome();
        } else {
            caller.sendAlways(this);
        }
        return failure == null;
    }

    @Override
    String what() {
        return "a call";
    }

    @Override
    void complete() {
        if (failure != null) {
            completion.fail(failure);
        } else {
            completion.complete(result);
        }
    }
}
