package io.quarkiverse.reactors.runtime.internal.events;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.AbstractUni;
import io.smallrye.mutiny.subscription.UniSubscriber;

/**
 * The {@code Uni} of a call, a delivered event or an offloaded task: lazy, each subscription sends the event (or
 * offloads the task) once, and its outcome completes that subscriber. What {@code Uni.createFrom().emitter(...)}
 * would do, without the emitter's machinery: the subscription is the event's {@link CallCompletion} itself
 * ({@link UniReply}), so a round trip makes one object fewer and no atomic operation of its own (single-threaded,
 * subscribe and complete: 61 ns against 110 on a 2-vCPU Xeon; B2's round trips are calls).
 *
 * @param <T> the reply's type
 */
public abstract class ReplyUni<T> extends AbstractUni<T> {

    @Override
    public final void subscribe(UniSubscriber<? super T> subscriber) {
        UniReply<T> reply = new UniReply<>(subscriber);
        subscriber.onSubscribe(reply);
        if (reply.isCancelled()) {
            return;
        }
        try {
            send(reply);
        } catch (Throwable t) {
            // As Mutiny's emitter: what escapes fails the subscriber, or, when the subscriber was already signalled (a
            // call to the caller's own reactor completes inside send, and the subscriber's onItem threw), is dropped.
            if (!reply.signalled()) {
                reply.fail(t);
            } else {
                Infrastructure.handleDroppedException(t);
            }
        }
    }

    /**
     * Sends the event for one subscription: {@code completion} takes its reply, or the refusal. A call to the
     * caller's own reactor with nothing queued completes {@code completion} before it returns.
     */
    protected abstract void send(CallCompletion<T> completion);
}
