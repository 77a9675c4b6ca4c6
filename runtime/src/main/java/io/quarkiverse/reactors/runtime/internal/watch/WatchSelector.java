package io.quarkiverse.reactors.runtime.internal.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.jboss.logging.Logger;

import io.quarkiverse.reactors.Interest;
import io.quarkiverse.reactors.runtime.internal.events.InternalTask;

/**
 * Native transports (epoll, io_uring): their event loops poll the file descriptors of Netty's own channels
 * and cannot select a JDK {@code SelectableChannel}. One daemon thread selects every watched channel of
 * those reactors and hands each readiness to the watching reactor as an internal event. Until that reactor
 * has run its handlers, the key stops waiting for its operations (level-triggered readiness would otherwise
 * be reported again and again); the reactor then asks for them again. The cost is the hop: an event to
 * the reactor, and a selector wake-up back.
 * <p>
 * Every change of a key runs on the selector thread, in order, right after a select: no key is changed by
 * two threads, and a cancelled key has left the selector before its channel is registered again.
 */
public final class WatchSelector implements WatchRoute {

    private static final Logger LOG = Logger.getLogger(WatchSelector.class);

    private final Queue<Runnable> changes = new ConcurrentLinkedQueue<>();
    private Selector selector;
    private Thread thread;
    private volatile boolean closed;

    /** Opens the selector and starts the thread on first use: most applications never watch a channel. */
    private synchronized Selector selector() {
        if (selector == null) {
            if (closed) {
                throw new IllegalStateException("The watch selector is closed: the application is shutting down");
            }
            try {
                selector = Selector.open();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot open the selector for watched channels", e);
            }
            thread = new Thread(this::run, "reactors-watch-selector");
            thread.setDaemon(true);
            thread.start();
        }
        return selector;
    }

    @Override
    public void register(WatchedChannel channel) {
        Selector s = selector();
        change(() -> {
            if (channel.removed) {
                return;
            }
            SelectionKey key = channel.channel.keyFor(s);
            try {
                if (key != null && !key.isValid()) {
                    // cancelled by a change of this same pass: flush it, so that the channel can be registered anew
                    s.selectNow();
                    key = channel.channel.keyFor(s);
                }
                if (key == null) {
                    key = channel.channel.register(s, 0, new Members());
                }
                Members members = (Members) key.attachment();
                members.add(channel);
                members.select(key);
            } catch (ClosedChannelException e) {
                channel.reactor.sendAlways(new InternalTask(() -> channel.end(Interest.HANG_UP)));
            } catch (IOException | RuntimeException e) {
                channel.reactor.sendAlways(new InternalTask(() -> {
                    if (channel.channel.isOpen()) {
                        channel.reactor.logFailure("registration of watched channel", channel.channel, e);
                        channel.end(Interest.ERROR);
                    } else {
                        // closed by another thread while it was being registered (a CancelledKeyException): a close
                        // ends the watch with HANG_UP, race or not (found by SoakTest on epoll)
                        channel.end(Interest.HANG_UP);
                    }
                }));
            }
        });
    }

    @Override
    public void update(WatchedChannel channel) {
        reselect(channel, false);
    }

    /** The reactor has run the handlers for the readiness it was handed: wait for the channel's operations again. */
    void handled(WatchedChannel channel) {
        reselect(channel, true);
    }

    private void reselect(WatchedChannel channel, boolean handled) {
        Selector s = selector();
        change(() -> {
            if (handled) {
                channel.inFlight = false;
            }
            SelectionKey key = channel.channel.keyFor(s);
            if (key != null && key.isValid()) {
                ((Members) key.attachment()).select(key);
            }
        });
    }

    @Override
    public void deregister(WatchedChannel channel) {
        Selector s = selector();
        change(() -> {
            SelectionKey key = channel.channel.keyFor(s);
            if (key != null && key.isValid()) {
                Members members = (Members) key.attachment();
                if (members.remove(channel)) {
                    key.cancel();
                } else {
                    members.select(key);
                }
            }
        });
    }

    /**
     * The reactors watching one channel (one key per channel in a selector, while reactors may watch disjoint
     * interests of it). Selector thread only.
     */
    private final class Members {
        private final List<WatchedChannel> channels = new ArrayList<>(2);

        void add(WatchedChannel channel) {
            if (!channels.contains(channel)) {
                channels.add(channel);
            }
        }

        /** @return whether none is left */
        boolean remove(WatchedChannel channel) {
            channels.remove(channel);
            return channels.isEmpty();
        }

        /** Waits for what the members want, except those whose last readiness the reactor has not handled yet. */
        void select(SelectionKey key) {
            int ops = 0;
            for (WatchedChannel channel : channels) {
                if (!channel.inFlight) {
                    ops |= channel.ops();
                }
            }
            key.interestOps(ops);
        }

        void ready(SelectionKey key) {
            int ready = key.readyOps();
            for (WatchedChannel channel : channels) {
                int mine = ready & channel.ops();
                if (!channel.inFlight && mine != 0) {
                    channel.inFlight = true;
                    channel.readyFromSelector(mine, WatchSelector.this);
                }
            }
            select(key);
        }
    }

    private void change(Runnable change) {
        changes.add(change);
        selector.wakeup();
    }

    private void run() {
        while (!closed) {
            try {
                selector.select();
                Runnable change;
                while ((change = changes.poll()) != null) {
                    try {
                        change.run();
                    } catch (CancelledKeyException e) {
                        // the channel was closed by another thread meanwhile: the reactor's sweep ends its watches
                    }
                }
                Iterator<SelectionKey> selected = selector.selectedKeys().iterator();
                while (selected.hasNext()) {
                    SelectionKey key = selected.next();
                    selected.remove();
                    try {
                        if (key.isValid()) {
                            ((Members) key.attachment()).ready(key);
                        }
                    } catch (CancelledKeyException e) {
                        // closed meanwhile, as above; the other keys of this pass still go to their reactors
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    LOG.errorf(e, "The watch selector failed to select; it goes on");
                }
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debugf(e, "Closing the watch selector failed");
        }
    }

    /** At shutdown, after every reactor cancelled its watches. */
    public synchronized void close() {
        closed = true;
        if (selector != null) {
            selector.wakeup();
        }
    }
}
