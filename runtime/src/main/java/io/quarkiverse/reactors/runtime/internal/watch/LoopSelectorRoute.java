package io.quarkiverse.reactors.runtime.internal.watch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.Pipe;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.channel.nio.NioEventLoop;
import io.netty.channel.nio.NioTask;
import io.quarkiverse.reactors.Interest;

/**
 * NIO transport: watched channels join the reactor's own event-loop selector, with the
 * {@link WatchedChannel} as a Netty {@code NioTask}, so readiness reaches the handler in the loop turn that
 * selected it, with no extra thread or hop. Runs on the reactor's thread only.
 * <p>
 * Netty's {@code register} hides the selection key and refuses an empty interest set, while watches need
 * both (to suspend, to cancel). So the route learns the loop's selector once, from the key of a probe: a
 * pipe registered through Netty and made readable. Channels are then registered with the selector directly,
 * on the loop's thread, exactly as Netty's own {@code register} does.
 */
public final class LoopSelectorRoute implements WatchRoute {

    /** Attempts to register a channel whose previous key is cancelled but not yet flushed by a select. */
    private static final int REGISTER_ATTEMPTS = 3;

    private final NioEventLoop loop;
    private Selector selector;
    /** Channels to register once the probe has told the selector; null when no probe runs. */
    private List<WatchedChannel> waiting;

    public LoopSelectorRoute(NioEventLoop loop) {
        this.loop = loop;
    }

    @Override
    public void register(WatchedChannel channel) {
        if (selector != null) {
            register(channel, REGISTER_ATTEMPTS);
        } else if (waiting != null) {
            waiting.add(channel);
        } else {
            waiting = new ArrayList<>();
            waiting.add(channel);
            probe();
        }
    }

    private void probe() {
        try {
            Pipe pipe = Pipe.open();
            pipe.source().configureBlocking(false);
            loop.register(pipe.source(), SelectionKey.OP_READ, new NioTask<SelectableChannel>() {
                @Override
                public void channelReady(SelectableChannel ch, SelectionKey key) {
                    key.cancel();
                    close(pipe);
                    learned(key.selector());
                }

                @Override
                public void channelUnregistered(SelectableChannel ch, Throwable cause) {
                    close(pipe);
                    if (selector == null) {
                        probeFailed(cause == null ? new IOException("the probe left the selector") : cause);
                    }
                }
            });
            pipe.sink().write(ByteBuffer.wrap(new byte[1]));
        } catch (IOException | RuntimeException e) {
            probeFailed(e);
        }
    }

    private void learned(Selector found) {
        selector = found;
        List<WatchedChannel> channels = waiting;
        waiting = null;
        for (WatchedChannel channel : channels) {
            register(channel, REGISTER_ATTEMPTS);
        }
    }

    private void probeFailed(Throwable e) {
        List<WatchedChannel> channels = waiting;
        waiting = null;
        for (WatchedChannel channel : channels) {
            failed(channel, e);
        }
    }

    private static void close(Pipe pipe) {
        try {
            pipe.sink().close();
            pipe.source().close();
        } catch (IOException ignored) {
            // nothing was written to it but the probe byte
        }
    }

    private void register(WatchedChannel channel, int attemptsLeft) {
        if (channel.removed) {
            return;
        }
        try {
            channel.channel.register(selector, channel.ops(), channel);
        } catch (CancelledKeyException e) {
            // A watch of this channel was just cancelled: its key leaves the selector at the next select. A task
            // posted with execute() could run before that select (in the same pass over the task queue); a
            // scheduled one is taken at the start of a later pass, and at most one more pass follows a select.
            if (attemptsLeft > 1) {
                loop.schedule(() -> register(channel, attemptsLeft - 1), 1, TimeUnit.NANOSECONDS);
            } else {
                failed(channel, e);
            }
        } catch (IOException | RuntimeException e) {
            failed(channel, e);
        }
    }

    private static void failed(WatchedChannel channel, Throwable e) {
        if (channel.channel.isOpen()) {
            channel.reactor.logFailure("registration of watched channel", channel.channel, e);
            channel.end(Interest.ERROR);
        } else {
            channel.end(Interest.HANG_UP);
        }
    }

    /** Netty may replace its selector (its workaround for the epoll spin bug) and moves the keys along. */
    void selected(SelectionKey key) {
        selector = key.selector();
    }

    @Override
    public void update(WatchedChannel channel) {
        SelectionKey key = selector == null ? null : channel.channel.keyFor(selector);
        if (key == null) {
            return; // still waiting for the probe, and the registration will use the current operations
        }
        try {
            key.interestOps(channel.ops());
        } catch (CancelledKeyException e) {
            // Another thread closed the channel, which cancels its key at any moment (a check of isValid() first
            // would still race with it; SoakTest found that race as a failed event). A closed channel is no
            // failure: the sweep ends its watches with HANG_UP.
        }
    }

    @Override
    public void deregister(WatchedChannel channel) {
        SelectionKey key = selector == null ? null : channel.channel.keyFor(selector);
        if (key != null) {
            key.cancel();
        }
    }
}
