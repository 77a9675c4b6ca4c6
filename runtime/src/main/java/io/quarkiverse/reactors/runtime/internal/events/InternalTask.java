package io.quarkiverse.reactors.runtime.internal.events;

import io.quarkiverse.reactors.runtime.internal.reactor.ReactorImpl;

/**
 * Work the extension itself needs done on a reactor (registering a poller, arming or cancelling a
 * timer), queued like an event so that it runs in order with the sender's other events.
 */
public final class InternalTask extends ReactorEvent {

    private final Runnable task;

    public InternalTask(Runnable task) {
        this.task = task;
    }

    @Override
    public boolean execute(ReactorImpl reactor) {
        try {
            task.run();
            return true;
        } catch (Throwable t) {
            reactor.logFailure("internal task", task, t);
            return false;
        }
    }
}
