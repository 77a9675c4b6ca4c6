package io.quarkiverse.reactors.redis;

import java.util.ArrayDeque;
import java.util.concurrent.CompletionStage;

import org.jboss.logging.Logger;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;

/**
 * One client connection: turns received bytes into commands ({@link RespParser}), hands each to the
 * {@link Dispatcher}, and writes the replies back in command order, even when a pipelined command's reply
 * comes later from another reactor. The replies of one read are written with one socket write.
 * <p>
 * Bounded: the parser limits the input buffered; reading stops while the socket's write queue is full or
 * more than {@code maxPending} replies are awaited, and resumes when they drain. After a protocol error
 * the error is written, then the connection is closed; nothing else on the reactor is affected.
 * <p>
 * Not thread-safe: owned by the reactor serving the socket; every method runs on it.
 */
final class RedisConnection {

    private static final Logger LOG = Logger.getLogger(RedisConnection.class);

    /** A reply slot, in command order; {@code bytes} is {@code null} until the reply is known. */
    private static final class Reply {
        Buffer bytes;
        boolean closeAfter;
    }

    private final NetSocket socket;
    private final Dispatcher dispatcher;
    private final Shard shard;
    private final RespParser parser;
    private final int maxPending;
    private final long id;
    private final ArrayDeque<Reply> pending = new ArrayDeque<>();
    private Buffer out = Buffer.buffer();
    private boolean reading;
    private boolean closing;
    private boolean closed;
    private boolean paused;

    RedisConnection(NetSocket socket, Dispatcher dispatcher, Shard shard, RedisConfig config, long id) {
        this.socket = socket;
        this.dispatcher = dispatcher;
        this.shard = shard;
        this.parser = new RespParser(config.maxBulkLength(), config.maxArgs(), config.maxInlineLength(),
                config.maxRequestLength());
        this.maxPending = config.maxPendingReplies();
        this.id = id;
    }

    void start() {
        if (!shard.reactor.isCurrent()) {
            // the keyspace would be touched from a foreign thread: refuse rather than race
            LOG.errorf("A Redis connection for reactor %d arrived on thread %s; closing it", shard.reactor.id(),
                    Thread.currentThread().getName());
            socket.close();
            return;
        }
        shard.clients++;
        shard.connectionsReceived++;
        socket.closeHandler(v -> {
            closed = true;
            shard.clients--;
            pending.clear();
        });
        socket.exceptionHandler(e -> socket.close());
        socket.drainHandler(v -> updateFlow());
        socket.handler(this::onData);
    }

    long id() {
        return id;
    }

    /** Called by QUIT: the connection closes once this command's reply is written. */
    void closeAfterReply(Buffer reply) {
        closing = true;
        Reply r = new Reply();
        r.bytes = reply;
        r.closeAfter = true;
        pending.add(r);
    }

    private void onData(Buffer data) {
        if (closing || closed) {
            return;
        }
        reading = true;
        try {
            parser.feed(data.getBytes());
            byte[][] args;
            while (!closing && (args = parser.next()) != null) {
                shard.commandsProcessed++;
                Buffer target = pending.isEmpty() ? out : Buffer.buffer();
                CompletionStage<Buffer> later = dispatcher.dispatch(args, target, this);
                if (later != null) {
                    await(later);
                } else if (target != out) {
                    Reply r = new Reply();
                    r.bytes = target;
                    pending.add(r);
                }
            }
        } catch (RespProtocolException e) {
            shard.protocolErrors++;
            closeAfterReply(Resp.error(Buffer.buffer(), "ERR " + e.getMessage()));
        } finally {
            reading = false;
        }
        drain();
    }

    private void await(CompletionStage<Buffer> later) {
        Reply r = new Reply();
        pending.add(r);
        later.whenComplete((bytes, failure) -> {
            r.bytes = failure == null ? bytes : Resp.error(Buffer.buffer(), "ERR " + rootMessage(failure));
            if (!reading) {
                drain();
            }
        });
    }

    /** Moves the replies known at the head of the queue to the output and writes it. */
    private void drain() {
        if (closed) {
            return;
        }
        while (!pending.isEmpty() && pending.peek().bytes != null) {
            Reply r = pending.poll();
            out.appendBuffer(r.bytes);
            if (r.closeAfter) {
                closed = true;
                pending.clear();
                socket.pause();
                socket.write(out).onComplete(done -> socket.close());
                return;
            }
        }
        if (out.length() > 0) {
            socket.write(out);
            out = Buffer.buffer();
        }
        updateFlow();
    }

    private void updateFlow() {
        if (closed) {
            return;
        }
        boolean stop = socket.writeQueueFull() || pending.size() >= maxPending;
        if (stop != paused) {
            paused = stop;
            if (stop) {
                socket.pause();
            } else {
                socket.resume();
            }
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
