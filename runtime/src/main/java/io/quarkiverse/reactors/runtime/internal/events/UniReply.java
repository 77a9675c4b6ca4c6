package io.quarkiverse.reactors.runtime.internal.events;

import io.smallrye.mutiny.subscription.UniSubscriber;
import io.smallrye.mutiny.subscription.UniSubscription;

/**
 * One subscription to a {@link ReplyUni}: where the event's outcome goes, and how the subscriber cancels. The outcome
 * is delivered once ({@link CallCompletion}'s contract), so no flag guards it; a cancelled subscription drops it, as
 * Mutiny's emitter does. The event still runs: it may be on its way or running already.
 * <p>
 * Thread-safe: {@link #cancel()} from any thread, the outcome from the thread that delivers it.
 *
 * @param <T> the reply's type
 */
final class UniReply<T> implements CallCompletion<T>, UniSubscription {

    private final UniSubscriber<? super T> subscriber;
    private volatile boolean cancelled;
    /**
     * Set by the thread that delivers the outcome, before it signals. Read by {@link ReplyUni} only when sending
     * threw, on the subscribing thread: only an outcome delivered inline, on that thread, can have set it then.
     */
    private boolean signalled;

    UniReply(UniSubscriber<? super T> subscriber) {
        this.subscriber = subscriber;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** @return whether the outcome was delivered, or dropped for a cancelled subscription */
    boolean signalled() {
        return signalled;
    }

    @Override
    public void complete(T value) {
        signalled = true;
        if (!cancelled) {
            subscriber.onItem(value);
        }
    }

    @Override
    public void fail(Throwable failure) {
        signalled = true;
        if (!cancelled) {
            subscriber.onFailure(failure);
        }
    }
}
