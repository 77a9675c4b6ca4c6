package io.quarkiverse.reactors.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

import io.quarkiverse.reactors.IdleStrategy;
import io.quarkiverse.reactors.Interest;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorGroup;
import io.vertx.core.Vertx;

/**
 * B8: a ping over one pipe, answered over another by a watch handler, one at a time; round trips timed by the
 * pinging thread. On NIO the watch lives in the reactor's own selector; on epoll it goes through the watch
 * selector thread (the hop). Baseline: the same answer from a plain thread blocked in a JDK {@link Selector},
 * which is what a hand-written watcher would be.
 */
final class WatchLatency {

    private WatchLatency() {
    }

    static RoundTrip.Percentiles reactor(boolean epoll, int warmup, int count) throws IOException {
        Vertx vertx = Fixtures.vertx(1, epoll);
        ReactorGroup group = Fixtures.reactors(vertx, 1, IdleStrategy.PARK);
        Pipe ping = Pipe.open();
        Pipe pong = Pipe.open();
        try {
            ping.source().configureBlocking(false);
            ByteBuffer in = ByteBuffer.allocate(64);
            group.reactor(0).watch(ping.source(), Interest.READ, (ready, handle) -> answer(ping, pong, in));
            return pingPong(ping, pong, warmup, count);
        } finally {
            close(ping, pong);
            Fixtures.close(group, vertx);
        }
    }

    static RoundTrip.Percentiles selectorThread(int warmup, int count) throws IOException {
        Pipe ping = Pipe.open();
        Pipe pong = Pipe.open();
        Selector selector = Selector.open();
        ping.source().configureBlocking(false);
        ping.source().register(selector, SelectionKey.OP_READ);
        Thread watcher = new Thread(() -> {
            ByteBuffer in = ByteBuffer.allocate(64);
            try {
                while (selector.isOpen()) {
                    selector.select();
                    selector.selectedKeys().clear();
                    answer(ping, pong, in);
                }
            } catch (IOException | RuntimeException e) {
                // closed at the end of the run
            }
        }, "b8-selector-thread");
        watcher.start();
        try {
            return pingPong(ping, pong, warmup, count);
        } finally {
            selector.close();
            close(ping, pong);
        }
    }

    /** Reads every ping there is and answers each with one byte. */
    private static void answer(Pipe ping, Pipe pong, ByteBuffer in) throws IOException {
        in.clear();
        int n = ping.source().read(in);
        for (int i = 0; i < n; i++) {
            pong.sink().write(ByteBuffer.wrap(new byte[] { 1 }));
        }
    }

    private static RoundTrip.Percentiles pingPong(Pipe ping, Pipe pong, int warmup, int count) {
        RoundTrip.LatencyLog log = new RoundTrip.LatencyLog(warmup, count);
        ByteBuffer out = ByteBuffer.allocate(1);
        ByteBuffer back = ByteBuffer.allocate(1);
        try {
            boolean more = true;
            while (more) {
                long start = System.nanoTime();
                ping.sink().write(out.clear());
                back.clear();
                while (back.hasRemaining()) {
                    pong.source().read(back); // blocking: the pinging thread is not a reactor
                }
                more = log.record(System.nanoTime() - start);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return log.percentiles();
    }

    private static void close(Pipe... pipes) throws IOException {
        for (Pipe pipe : pipes) {
            pipe.sink().close();
            pipe.source().close();
        }
    }
}
