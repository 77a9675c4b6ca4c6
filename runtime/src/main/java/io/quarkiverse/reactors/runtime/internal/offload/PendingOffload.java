package io.quarkiverse.reactors.runtime.internal.offload;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Callable;

import io.quarkiverse.reactors.ReactorStoppedException;
import io.quarkiverse.reactors.runtime.internal.events.CallCompletion;
import io.quarkiverse.reactors.runtime.internal.events.ReactorEvent;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorImpl;

/**
 * One offloaded task, from its acceptance until its {@code Uni} is settled, exactly once: by its outcome, which
 * the worker thread queues to the reactor as this event; or, at shutdown, with {@link ReactorStoppedException}
 * when the task still runs past the shutdown timeout or its outcome can no longer reach the reactor.
 * <p>
 * Thread-safe: the worker thread writes the outcome before it queues the event (the queue publishes it), and
 * {@link #settle} decides once, by compare-and-set, among the reactor, the shutdown and a late worker.
 */
public final class PendingOffload<T> extends ReactorEvent {

    private static final VarHandle SETTLED;

    static {
        try {
            SETTLED = MethodHandles.lookup().findVarHandle(PendingOffload.class, "settled", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final CallCompletion<T> completion;
    @SuppressWarnings("unused")
    private boolean settled;
    private T value;
    private Throwable failure;

    public PendingOffload(CallCompletion<T> completion) {
        this.completion = completion;
    }

    /** Worker thread: runs the task, then sends its outcome to {@code reactor}. */
    public void run(ReactorImpl reactor, Callable<T> task) {
        T result = null;
        Throwable thrown = null;
        try {
            result = task.call();
        } catch (Throwable t) {
            thrown = t;
        }
        deliver(reactor, result, thrown);
    }

    /** Worker thread: the task ended; its outcome travels to {@code reactor} (beside the queue if it is full). */
    void deliver(ReactorImpl reactor, T value, Throwable failure) {
        this.value = value;
        this.failure = failure;
        reactor.sendAlways(this);
    }

    @Override
    public boolean execute(ReactorImpl reactor) {
        settle(reactor, value, failure);
        return true;
    }

    /** The event loop terminated before the outcome could run there: the subscriber hears it now, on this thread. */
    @Override
    public boolean abandon(ReactorImpl reactor) {
        return settle(reactor, null, new ReactorStoppedException(reactor.id(),
                "terminated before an offloaded task's result could be delivered"));
    }

    /**
     * Completes or fails the {@code Uni}, unless that happened already.
     *
     * @return whether this call settled it
     */
    public boolean settle(ReactorImpl reactor, T value, Throwable failure) {
        if (!SETTLED.compareAndSet(this, false, true)) {
            return false;
        }
        reactor.offloads().settled(this);
        if (failure == null) {
            completion.complete(value);
        } else {
            completion.fail(failure);
        }
        return true;
    }
}
