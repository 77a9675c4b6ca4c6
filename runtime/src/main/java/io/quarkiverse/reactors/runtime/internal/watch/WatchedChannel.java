package io.quarkiverse.reactors.runtime.internal.watch;

import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.Arrays;

import io.netty.channel.nio.NioTask;
import io.quarkiverse.reactors.Interest;
import io.quarkiverse.reactors.runtime.internal.events.InternalTask;
import io.quarkiverse.reactors.runtime.internal.reactor.LoopPhase;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorImpl;
import io.vertx.core.impl.ContextInternal;

/**
 * One channel watched by one reactor: the watches on it (one per disjoint interest) and its selector
 * registration. A selector has one key per channel, so the key waits for the union of the watches'
 * interests and readiness is split among them here. Owned by the reactor's thread, except {@link #ops},
 * which the watch selector thread reads.
 */
final class WatchedChannel implements NioTask<SelectableChannel> {

    private static final WatchImpl[] NONE = new WatchImpl[0];

    final SelectableChannel channel;
    final ReactorImpl reactor;
    private final WatchRoute route;
    /** Copied on change, so a handler may cancel or add watches while they are being iterated. */
    private WatchImpl[] watches = NONE;
    /** The selector operations for the union of the watches' interests. */
    private volatile int ops;
    /** Watch selector thread only: readiness handed to the reactor and not yet handled. */
    boolean inFlight;
    /** Set once no watch is left: readiness still in flight is then ignored (read by the watch selector too). */
    volatile boolean removed;

    WatchedChannel(SelectableChannel channel, ReactorImpl reactor, WatchRoute route) {
        this.channel = channel;
        this.reactor = reactor;
        this.route = route;
    }

    int ops() {
        return ops;
    }

    boolean isEmpty() {
        return watches.length == 0;
    }

    void add(WatchImpl watch) {
        watches = Arrays.copyOf(watches, watches.length + 1);
        watches[watches.length - 1] = watch;
        recomputeOps();
    }

    /** @return whether {@code watch} was one of this channel's */
    boolean remove(WatchImpl watch) {
        for (int i = 0; i < watches.length; i++) {
            if (watches[i] == watch) {
                WatchImpl[] left = new WatchImpl[watches.length - 1];
                System.arraycopy(watches, 0, left, 0, i);
                System.arraycopy(watches, i + 1, left, i, left.length - i);
                watches = left;
                recomputeOps();
                return true;
            }
        }
        return false;
    }

    /** @return whether the selector operations changed */
    boolean recomputeOps() {
        int union = 0;
        for (WatchImpl watch : watches) {
            union |= WatchImpl.toOps(channel, watch.claimed);
        }
        boolean changed = union != ops;
        ops = union;
        return changed;
    }

    /** On the reactor: hands {@code readyOps} to the watches waiting for them, then notices a closed channel. */
    void dispatch(int readyOps) {
        if (removed) {
            return;
        }
        Interest ready = WatchImpl.toInterest(readyOps);
        int previous = reactor.activity().enterPhase(LoopPhase.WATCHES);
        try {
            for (WatchImpl watch : watches) {
                Interest mine = ready.common(watch.claimed);
                if (!mine.isEmpty()) {
                    watch.deliver(mine);
                }
            }
            if (!removed && !channel.isOpen()) {
                end(Interest.HANG_UP);
            }
        } finally {
            reactor.activity().enterPhase(previous);
        }
    }

    /** On the reactor: ends every watch of the channel with {@code why}. */
    void end(Interest why) {
        for (WatchImpl watch : watches) {
            watch.end(why);
        }
    }

    /** On the reactor: cancels every watch of the channel, without telling the handlers. */
    void cancelAll() {
        for (WatchImpl watch : watches) {
            watch.cancel();
        }
    }

    // ------------------------------------------------------------ NIO: called by the reactor's own event loop

    @Override
    public void channelReady(SelectableChannel ch, SelectionKey key) {
        if (!key.isValid()) {
            return; // cancelled by an earlier handler of the same selection; channelUnregistered follows
        }
        int readyOps = key.readyOps();
        if (route instanceof LoopSelectorRoute loopRoute) {
            loopRoute.selected(key);
        }
        // Netty calls this between its own tasks, outside any Vert.x context: give handlers the reactor's.
        ContextInternal previous = reactor.contextInternal().beginDispatch();
        try {
            dispatch(readyOps);
        } finally {
            reactor.contextInternal().endDispatch(previous);
        }
    }

    @Override
    public void channelUnregistered(SelectableChannel ch, Throwable cause) {
        if (removed) {
            return; // our own deregistration
        }
        if (cause != null) {
            reactor.logFailure("watch of", channel, cause);
        }
        end(channel.isOpen() ? Interest.ERROR : Interest.HANG_UP);
    }

    /** Selector thread: readiness seen there, delivered on the reactor, then selected again. */
    void readyFromSelector(int readyOps, WatchSelector selector) {
        reactor.sendAlways(new InternalTask(() -> {
            dispatch(readyOps);
            if (!removed) {
                selector.handled(this);
            }
        }));
    }

    @Override
    public String toString() {
        return "WatchedChannel[" + channel + ", reactor " + reactor.id() + "]";
    }
}
