package io.quarkiverse.reactors.runtime.internal.pollers;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorImpl;

/**
 * A reactor's pollers: the registry of all of them (both kinds, for {@code pollers()} and the meters) and the
 * {@link PollerSet} of every-iteration pollers the loop walks; periodic pollers live on the reactor's timer wheel.
 * <p>
 * Owned by the reactor's thread, which registers, rebuilds and drops pollers; {@link #list()}, {@link #size()},
 * {@link #registrations()} and {@link #stateChanged()} may be called from any thread.
 */
public final class ReactorPollers {

    private final ReactorImpl reactor;
    /** Every registered poller: written by the reactor, read from any thread. */
    private final CopyOnWriteArrayList<PollerHandle> registry = new CopyOnWriteArrayList<>();
    /** The every-iteration pollers; a cancelled one leaves the registry when the set drops it. */
    private final PollerSet everyIteration = new PollerSet(registry::remove);
    /** Bumped when a poller joins the registry, so that the meters register meters for new pollers. */
    private volatile int registrations;

    public ReactorPollers(ReactorImpl reactor) {
        this.reactor = reactor;
    }

    /** @return the every-iteration pollers, for the loop */
    public PollerSet everyIteration() {
        return everyIteration;
    }

    /**
     * On the reactor: registers a poller created by {@code Reactor.poller}. An every-iteration poller joins the set;
     * a periodic one is scheduled on the wheel, first after {@code firstRunNanos} when positive, else one period.
     *
     * @param now when the poller was created
     */
    public void register(PollerImpl poller, long now, long firstRunNanos) {
        registry.add(poller);
        registrations = registrations + 1; // one writer: the reactor
        if (poller.period() == 0) {
            everyIteration.add(poller, reactor.activity().iterationCount());
        } else {
            reactor.timers().schedule(poller, now + (firstRunNanos > 0 ? firstRunNanos : poller.period()));
        }
    }

    /** Any thread: an every-iteration poller was paused, resumed or cancelled; the reactor rebuilds its set. */
    void stateChanged() {
        reactor.runOnOwner(() -> everyIteration.rebuild(reactor.activity().iterationCount()));
        reactor.wakeUp();
    }

    /** On the reactor: a periodic poller was cancelled; unlink it now rather than at its next tick. */
    void unschedule(PollerImpl poller) {
        reactor.timers().unschedule(poller);
        registry.remove(poller);
    }

    /** On the reactor, at shutdown: cancels the every-iteration pollers (periodic ones go with the wheel). */
    public void cancelEveryIteration() {
        everyIteration.cancelAll();
    }

    /** On the reactor, at shutdown, once the wheel was cleared: forgets every poller. */
    public void clear() {
        registry.clear();
    }

    /** @return a copy of the registered pollers; any thread */
    public List<PollerHandle> list() {
        return List.copyOf(registry);
    }

    /** @return how many pollers are registered now; any thread */
    public int size() {
        return registry.size();
    }

    /** @return how many pollers were registered so far, cancelled ones included; any thread */
    public int registrations() {
        return registrations;
    }
}
