package io.quarkiverse.reactors.runtime.internal.watch;

import java.nio.channels.SelectableChannel;
import java.util.IdentityHashMap;
import java.util.Map;

import io.quarkiverse.reactors.Interest;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorImpl;
import io.quarkiverse.reactors.runtime.internal.timers.TimerImpl;

/**
 * The channels one reactor watches. Owned by the reactor's thread.
 * <p>
 * A channel closed by another thread just leaves the selector, with no readiness to report it, so while
 * the reactor watches anything a sweep every {@value #SWEEP_MILLIS} ms looks for closed channels and ends
 * their watches with {@code HANG_UP}. A channel closed by a handler is noticed right after the handler.
 */
public final class ReactorWatches {

    static final long SWEEP_MILLIS = 50;

    private final ReactorImpl reactor;
    private final WatchRoute route;
    private final Map<SelectableChannel, WatchedChannel> channels = new IdentityHashMap<>();
    private TimerImpl sweep;

    public ReactorWatches(ReactorImpl reactor, WatchRoute route) {
        this.reactor = reactor;
        this.route = route;
    }

    public void add(WatchImpl watch) {
        if (!watch.isActive()) {
            return; // cancelled before its registration arrived
        }
        WatchedChannel channel = channels.get(watch.channel());
        if (channel == null) {
            channel = new WatchedChannel(watch.channel(), reactor, route);
            channels.put(watch.channel(), channel);
            channel.add(watch);
            if (sweep == null) {
                sweep = reactor.internalPeriodic(SWEEP_MILLIS * 1_000_000L, this::sweep);
            }
            route.register(channel);
        } else {
            channel.add(watch);
            route.update(channel);
        }
    }

    void remove(WatchImpl watch) {
        WatchedChannel channel = channels.get(watch.channel());
        if (channel == null || !channel.remove(watch)) {
            return;
        }
        if (channel.isEmpty()) {
            channel.removed = true;
            channels.remove(watch.channel());
            route.deregister(channel);
            if (channels.isEmpty() && sweep != null) {
                sweep.cancel();
                sweep = null;
            }
        } else {
            route.update(channel);
        }
    }

    void interestChanged(WatchImpl watch) {
        WatchedChannel channel = channels.get(watch.channel());
        if (channel != null && watch.isActive() && channel.recomputeOps()) {
            route.update(channel);
        }
    }

    private void sweep() {
        for (WatchedChannel channel : channels.values().toArray(new WatchedChannel[0])) {
            if (!channel.channel.isOpen()) {
                channel.end(Interest.HANG_UP);
            }
        }
    }

    /** At shutdown: every watch ends quietly (no handler call), and every channel leaves its selector. */
    public void cancelAll() {
        for (WatchedChannel channel : channels.values().toArray(new WatchedChannel[0])) {
            channel.cancelAll();
        }
    }
}
