package io.quarkiverse.reactors.runtime.internal.watch;

import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkiverse.reactors.Interest;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.WatchHandle;
import io.quarkiverse.reactors.WatchHandler;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorImpl;

/**
 * One watch: a handler for some readiness of one channel, on one reactor. The handler runs only on the
 * reactor's thread; {@link #update} and {@link #cancel} may come from any thread and hop there.
 */
public final class WatchImpl implements WatchHandle {

    private final ReactorImpl reactor;
    private final SelectableChannel channel;
    private final WatchHandler handler;
    private final WatchClaims claims;
    private final AtomicBoolean active = new AtomicBoolean(true);
    /** What the watch waits for; written under the claims' lock, read by any thread. */
    volatile Interest claimed = Interest.NONE;

    public WatchImpl(ReactorImpl reactor, SelectableChannel channel, WatchHandler handler, WatchClaims claims) {
        this.reactor = reactor;
        this.channel = channel;
        this.handler = handler;
        this.claims = claims;
    }

    /** Checks a watch request, on the caller's thread, so that bad input fails the call that made it. */
    public static void validate(SelectableChannel channel, Interest interest) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(interest, "interest");
        if (!channel.isOpen()) {
            throw new IllegalArgumentException("Channel " + channel + " is closed and cannot be watched");
        }
        if (channel.isBlocking()) {
            throw new IllegalArgumentException("Channel " + channel + " is in blocking mode and cannot be watched:"
                    + " call configureBlocking(false) first");
        }
        checkSupported(channel, interest);
    }

    private static void checkSupported(SelectableChannel channel, Interest interest) {
        int valid = channel.validOps();
        if (interest.contains(Interest.READ) && (valid & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) == 0) {
            throw new IllegalArgumentException("Channel " + channel + " cannot be watched for READ: it can only be written");
        }
        if (interest.contains(Interest.WRITE) && (valid & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) == 0) {
            throw new IllegalArgumentException("Channel " + channel + " cannot be watched for WRITE: it can only be read");
        }
    }

    /** @return the selector operations that stand for {@code interest} on {@code channel} */
    static int toOps(SelectableChannel channel, Interest interest) {
        int valid = channel.validOps();
        int ops = 0;
        if (interest.contains(Interest.READ)) {
            ops |= valid & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT);
        }
        if (interest.contains(Interest.WRITE)) {
            ops |= valid & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT);
        }
        return ops;
    }

    /** @return the readiness that selector operations {@code ops} stand for */
    static Interest toInterest(int ops) {
        Interest ready = Interest.NONE;
        if ((ops & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0) {
            ready = ready.and(Interest.READ);
        }
        if ((ops & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0) {
            ready = ready.and(Interest.WRITE);
        }
        return ready;
    }

    @Override
    public SelectableChannel channel() {
        return channel;
    }

    @Override
    public Reactor reactor() {
        return reactor;
    }

    @Override
    public Interest interest() {
        return claimed;
    }

    @Override
    public boolean update(Interest interest) {
        Objects.requireNonNull(interest, "interest");
        Interest wanted = interest.without(Interest.ERROR).without(Interest.HANG_UP);
        checkSupported(channel, wanted);
        if (!claims.claim(this, wanted)) {
            return false;
        }
        reactor.runOnOwner(() -> reactor.watches().interestChanged(this));
        return true;
    }

    @Override
    public void cancel() {
        if (active.compareAndSet(true, false)) {
            claims.release(this);
            reactor.runOnOwner(() -> reactor.watches().remove(this));
        }
    }

    @Override
    public boolean isActive() {
        return active.get();
    }

    /** On the reactor: runs the handler for {@code ready}, a non-empty part of what the watch waits for. */
    void deliver(Interest ready) {
        if (!active.get()) {
            return;
        }
        try {
            handler.ready(ready, this);
        } catch (Throwable t) {
            if (!channel.isOpen() && fromTheClose(t)) {
                // Closed by another thread between the readiness and the handler's read or write: the handler's
                // ClosedChannelException is no bug of its own. The watch ends as for any close, with HANG_UP. Any
                // other throw is the handler's own failure, counted even when the channel is closed by now: a
                // close that also cancelled the watch would otherwise leave it neither counted nor told.
                end(Interest.HANG_UP);
                return;
            }
            reactor.countCallbackFailure("watch handler (cancelled) of", channel, t);
            cancel();
        }
    }

    /** @return whether {@code failure}, or a cause of it, is the {@link ClosedChannelException} of a closed channel */
    private static boolean fromTheClose(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            if (t instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    /** On the reactor: ends the watch with {@code why} ({@code HANG_UP} or {@code ERROR}), told to the handler once. */
    void end(Interest why) {
        if (!active.compareAndSet(true, false)) {
            return;
        }
        claims.release(this);
        reactor.watches().remove(this);
        try {
            handler.ready(why, this);
        } catch (Throwable t) {
            reactor.countCallbackFailure("watch handler of", channel, t);
        }
    }

    @Override
    public String toString() {
        return "Watch[" + channel + ", reactor " + reactor.id() + ", " + claimed + "]";
    }
}
