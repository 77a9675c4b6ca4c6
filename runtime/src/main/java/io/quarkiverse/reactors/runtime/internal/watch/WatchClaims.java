package io.quarkiverse.reactors.runtime.internal.watch;

import java.nio.channels.SelectableChannel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.reactors.Interest;

/**
 * Which watch waits for what on which channel, across all reactors, so that two watches never wait for
 * the same readiness of one channel (one would steal the other's reads). Claims are made on the caller's
 * thread, so a conflict fails the call itself. Registrations and interest changes are rare next to
 * readiness, so one lock is enough.
 */
public final class WatchClaims {

    private final Map<SelectableChannel, List<WatchImpl>> byChannel = new IdentityHashMap<>();

    /**
     * Records that {@code watch} now waits for {@code interest} on its channel. Checked under the lock that
     * {@link #release} takes, so an update racing a cancel cannot bring an ended watch back.
     *
     * @return {@code false}, claiming nothing, when the watch has ended
     * @throws IllegalStateException when another watch of the channel waits for part of it
     */
    public synchronized boolean claim(WatchImpl watch, Interest interest) {
        if (!watch.isActive()) {
            return false;
        }
        List<WatchImpl> watches = byChannel.get(watch.channel());
        if (watches == null) {
            watches = new ArrayList<>(2);
            byChannel.put(watch.channel(), watches);
        }
        for (WatchImpl other : watches) {
            if (other != watch && other.claimed.overlaps(interest)) {
                throw new IllegalStateException("Channel " + watch.channel() + " is already watched for "
                        + other.claimed + " on reactor " + other.reactor().id() + ": each readiness of a channel can"
                        + " have one watch only; watch disjoint interests (READ and WRITE) or update the existing watch");
            }
        }
        watch.claimed = interest;
        if (!watches.contains(watch)) {
            watches.add(watch);
        }
        return true;
    }

    /** Forgets {@code watch}; harmless when it holds no claim. */
    public synchronized void release(WatchImpl watch) {
        List<WatchImpl> watches = byChannel.get(watch.channel());
        if (watches != null && watches.remove(watch) && watches.isEmpty()) {
            byChannel.remove(watch.channel());
        }
    }
}
