package io.quarkiverse.reactors.redis;

import java.util.ArrayDeque;
import java.util.concurrent.CompletionStage;

import org.jboss.logging.Logger;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;

/**
 * One client connection: turns received bytes into commands ({@link RespParser}), hands each to the
 * {@link Dispatcher}, and writes the replies back in command order, even when a pipelined command's reply
 * comes later from another reactor. The replies of one read are written together, in writes of about 64 KiB.
 * <p>
 * Bounded: the parser limits the input buffered; commands stop running, and reading stops, while the
 * socket's write queue is full or {@code maxPending} replies are awaited, and both resume when they drain, so
 * a client that sends without reading holds at most about one write queue of replies. After a protocol error
 * the error is written, then the connection is closed; nothing else on the reactor is affected.
 * <p>
 * Not thread-safe: owned by the reactor serving the socket; every method runs on it.
 */
final class RedisConnection {

    private static final Logger LOG = Logger.getLogger(RedisConnection.class);
    /** Replies are written once this much has accumulated, not only at the end of a read. */
    private static final int FLUSH_BYTES = 64 * 1024;

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
        // the socket took its output: run the commands that waited for room, then read again
        socket.drainHandler(v -> process());
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
        try {
            parser.feed(data.getBytes());
        } catch (RespProtocolException e) {
            protocolError(e);
            drain();
            return;
        }
        process();
    }

    /**
     * Runs the complete commands the parser holds, until none is left or the connection must wait for its
     * output: a pipeline of large replies stops here, its remaining commands kept (as bytes) in the parser,
     * rather than turning a few kilobytes of requests into gigabytes of replies.
     */
    private void process() {
        if (closed || reading) {
            // reading: called back from inside the loop below (a socket write can report the socket writable
            // again at once, and a reply can complete at once); the loop goes on by itself
            return;
        }
        reading = true;
        try {
            byte[][] args;
            while (!closing && !mustWait() && (args = parser.next()) != null) {
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
                if (out.length() >= FLUSH_BYTES) {
                    // out precedes every pending reply, so writing it early keeps the order
                    write();
                }
            }
        } catch (RespProtocolException e) {
            protocolError(e);
        } finally {
            reading = false;
        }
        drain();
    }

    private void protocolError(RespProtocolException e) {
        shard.protocolErrors++;
        closeAfterReply(Resp.error(Buffer.buffer(), "ERR " + e.getMessage()));
    }

    private void await(CompletionStage<Buffer> later) {
        Reply r = new Reply();
        pending.add(r);
        later.whenComplete((bytes, failure) -> {
            r.bytes = failure == null ? bytes : Resp.error(Buffer.buffer(), "ERR " + rootMessage(failure));
            if (!reading) {
                // a reply arrived: write what is now in order, and run commands that waited for room
                process();
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
                Buffer last = out;
                out = Buffer.buffer();
                socket.write(last).onComplete(done -> socket.close());
                return;
            }
        }
        if (out.length() > 0) {
            write();
        }
        updateFlow();
    }

    /** Writes {@code out}, replaced first: a handler the write calls back must not see it again. */
    private void write() {
        Buffer full = out;
        out = Buffer.buffer();
        socket.write(full);
    }

    /** Whether commands must wait: the socket cannot take more now, or too many replies are awaited. */
    private boolean mustWait() {
        return socket.writeQueueFull() || pending.size() >= maxPending;
    }

    /** Stops reading while commands must wait, and reads again once they need not. */
    private void updateFlow() {
        if (closed) {
            return;
        }
        boolean stop = mustWait();
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
