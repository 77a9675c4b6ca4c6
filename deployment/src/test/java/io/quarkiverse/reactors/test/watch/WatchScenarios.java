package io.quarkiverse.reactors.test.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Pipe;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.reactors.Interest;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.WatchHandle;
import io.quarkiverse.reactors.test.Await;

/**
 * What a watch does, run on each transport by the subclasses: delivery on the reactor, update and cancel
 * inside the handler, HANG_UP on close, validation, pipes and datagrams.
 */
public abstract class WatchScenarios {

    /** Long enough for a wrongly delivered readiness to show up on a loaded 2-core machine. */
    static final long QUIET_MILLIS = 200;

    @Inject
    Reactors reactors;

    Pipe pipe;

    @BeforeEach
    void openPipe() throws IOException {
        pipe = Pipe.open();
        pipe.source().configureBlocking(false);
    }

    @AfterEach
    void closePipe() throws IOException {
        pipe.sink().close();
        pipe.source().close();
    }

    record Delivery(Interest ready, Thread thread, String data) {
    }

    /** Reads what is there; "EOF" at end of stream. */
    static String drain(ReadableByteChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(256);
        StringBuilder read = new StringBuilder();
        int n;
        while ((n = channel.read(buffer)) > 0) {
            read.append(new String(buffer.array(), 0, n, StandardCharsets.UTF_8));
            buffer.clear();
        }
        return n < 0 ? read.append("EOF").toString() : read.toString();
    }

    void write(String text) throws IOException {
        pipe.sink().write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readinessRunsTheHandlerOnTheWatchingReactor() throws IOException {
        Reactor reactor = reactors.reactor(1);
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        WatchHandle watch = reactor.watch(pipe.source(), Interest.READ,
                (ready, handle) -> deliveries.add(new Delivery(ready, Thread.currentThread(), drain(pipe.source()))));
        write("hello");
        Await.until(() -> !deliveries.isEmpty());
        Thread reactorThread = Await.onReactor(reactor, Thread::currentThread);
        assertEquals(Interest.READ, deliveries.get(0).ready());
        assertSame(reactorThread, deliveries.get(0).thread());
        assertEquals("hello", deliveries.get(0).data());
        assertSame(reactor, watch.reactor());
        assertEquals(Interest.READ, watch.interest());
        watch.cancel();
    }

    @Test
    void anEmptyInterestSuspendsUntilUpdated() throws IOException {
        List<String> reads = new CopyOnWriteArrayList<>();
        WatchHandle watch = reactors.reactor(0).watch(pipe.source(), Interest.READ, (ready, handle) -> {
            reads.add(drain(pipe.source()));
            handle.update(Interest.NONE); // suspend from inside the handler
        });
        write("a");
        Await.until(() -> reads.size() == 1);
        write("b");
        Await.sleep(QUIET_MILLIS);
        assertEquals(List.of("a"), reads, "a suspended watch delivers nothing");
        assertEquals(Interest.NONE, watch.interest());
        assertTrue(watch.update(Interest.READ)); // resume from another thread
        Await.until(() -> reads.size() == 2);
        assertEquals(List.of("a", "b"), reads);
        watch.cancel();
    }

    @Test
    void aHandlerCanCancelItsWatchAndTheChannelCanBeWatchedAgain() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        WatchHandle watch = reactors.reactor(1).watch(pipe.source(), Interest.READ, (ready, handle) -> {
            calls.incrementAndGet();
            handle.cancel();
            handle.cancel(); // idempotent
        });
        write("x"); // not read: a live watch would be called again and again
        Await.until(() -> calls.get() == 1);
        Await.sleep(QUIET_MILLIS);
        assertEquals(1, calls.get());
        assertFalse(watch.isActive());
        assertFalse(watch.update(Interest.READ), "an ended watch cannot be updated");
        watch.cancel();
        assertTrue(pipe.source().isOpen(), "cancelling leaves the channel open");

        CompletableFuture<String> again = new CompletableFuture<>();
        WatchHandle second = reactors.reactor(1).watch(pipe.source(), Interest.READ,
                (ready, handle) -> again.complete(drain(pipe.source())));
        assertEquals("x", Await.result(again));
        second.cancel();
    }

    @Test
    void aWatchCancelledAndReplacedInOneEventKeepsWorking() throws IOException {
        Reactor reactor = reactors.reactor(1);
        CompletableFuture<String> first = new CompletableFuture<>();
        WatchHandle old = reactor.watch(pipe.source(), Interest.READ, (ready, handle) -> first.complete(drain(pipe.source())));
        write("a");
        assertEquals("a", Await.result(first)); // registered in its selector by now
        CompletableFuture<String> second = new CompletableFuture<>();
        Await.onReactor(reactor, () -> {
            // the old key is cancelled but still in the selector until its next select
            old.cancel();
            return reactor.watch(pipe.source(), Interest.READ,
                    (ready, handle) -> second.complete(ready + ":" + drain(pipe.source())));
        });
        write("b");
        assertEquals("READ:b", Await.result(second));
    }

    @Test
    void peerCloseEndsTheWatchWithOneHangUp() throws IOException {
        List<String> seen = new CopyOnWriteArrayList<>();
        WatchHandle watch = reactors.reactor(1).watch(pipe.source(), Interest.READ, (ready, handle) -> {
            if (ready.contains(Interest.HANG_UP)) {
                seen.add("HANG_UP");
                return;
            }
            String data = drain(pipe.source());
            seen.add(data);
            if (data.endsWith("EOF")) {
                pipe.source().close();
            }
        });
        write("last");
        pipe.sink().close();
        Await.until(() -> seen.contains("HANG_UP"));
        Await.sleep(QUIET_MILLIS);
        assertEquals("HANG_UP", seen.get(seen.size() - 1));
        assertEquals(1, seen.stream().filter("HANG_UP"::equals).count(), "HANG_UP comes once: " + seen);
        assertEquals("lastEOF", String.join("", seen.subList(0, seen.size() - 1)));
        assertFalse(watch.isActive());
    }

    @Test
    void aChannelClosedByAnotherThreadHangsUpOnce() throws IOException {
        List<Interest> seen = new CopyOnWriteArrayList<>();
        WatchHandle watch = reactors.reactor(0).watch(pipe.source(), Interest.READ, (ready, handle) -> seen.add(ready));
        Await.onReactor(reactors.reactor(0), () -> null); // the registration has run
        pipe.source().close();
        Await.until(() -> !seen.isEmpty());
        Await.sleep(QUIET_MILLIS);
        assertEquals(List.of(Interest.HANG_UP), seen);
        assertFalse(watch.isActive());
    }

    @Test
    void aChannelClosedBetweenReadinessAndReadHangsUpOnce() throws IOException {
        List<Interest> seen = new CopyOnWriteArrayList<>();
        long failuresBefore = reactors.reactor(1).stats().callbackFailures();
        WatchHandle watch = reactors.reactor(1).watch(pipe.source(), Interest.READ, (ready, handle) -> {
            seen.add(ready);
            if (ready.contains(Interest.READ)) {
                // another thread's close lands between the readiness and the handler's read
                Thread closer = new Thread(() -> {
                    try {
                        pipe.source().close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                closer.start();
                closer.join();
                drain(pipe.source()); // ClosedChannelException
            }
        });
        write("z");
        Await.until(() -> seen.contains(Interest.HANG_UP));
        Await.sleep(QUIET_MILLIS);
        assertEquals(List.of(Interest.READ, Interest.HANG_UP), seen);
        assertFalse(watch.isActive());
        assertEquals(failuresBefore, reactors.reactor(1).stats().callbackFailures(), "a closed channel is no handler failure");
    }

    /**
     * Interest updates travel to the reactor as events; a close by another thread can cancel the channel's key
     * while the reactor applies one (between its validity check and the new interest). That is a closed channel,
     * which the watch reports with HANG_UP, never a failed event. Each round streams updates while another thread
     * closes the channel, so that some closes land in the middle of an update.
     */
    @Test
    void interestUpdatesRacingACloseAreNoFailedEvents() throws Exception {
        Reactor reactor = reactors.reactor(0);
        long failedBefore = reactor.stats().failed();
        AtomicInteger hangUps = new AtomicInteger();
        int rounds = 500;
        ExecutorService closer = Executors.newSingleThreadExecutor();
        try {
            for (int round = 0; round < rounds; round++) {
                Pipe racing = Pipe.open();
                racing.source().configureBlocking(false);
                WatchHandle watch = reactor.watch(racing.source(), Interest.READ, (ready, handle) -> {
                    if (ready.contains(Interest.HANG_UP)) {
                        hangUps.incrementAndGet();
                    }
                });
                Await.onReactor(reactor, () -> null); // registered
                Future<?> closed = closer.submit(() -> {
                    long until = System.nanoTime() + ThreadLocalRandom.current().nextInt(20_000);
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    racing.source().close();
                    racing.sink().close();
                    return null;
                });
                for (int i = 0; !closed.isDone() && i < 2_000; i++) {
                    watch.update(i % 2 == 0 ? Interest.NONE : Interest.READ);
                }
                closed.get();
            }
        } finally {
            closer.shutdownNow();
        }
        Await.until(() -> hangUps.get() == rounds);
        Await.onReactor(reactor, () -> null); // every update has run
        assertEquals(failedBefore, reactor.stats().failed(), "an update that meets a closed channel is no failed event");
    }

    @Test
    void aThrowingHandlerIsCancelled() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        WatchHandle watch = reactors.reactor(1).watch(pipe.source(), Interest.READ, (ready, handle) -> {
            calls.incrementAndGet();
            throw new IllegalStateException("handler bug");
        });
        write("y");
        Await.until(() -> !watch.isActive());
        Await.sleep(QUIET_MILLIS);
        assertEquals(1, calls.get(), "a failing level-triggered handler must not spin");
    }

    @Test
    void badWatchesFailWithTheReason() throws IOException {
        Reactor reactor = reactors.reactor(0);
        Pipe blocking = Pipe.open();
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> reactor.watch(blocking.source(), Interest.READ, (r, h) -> {
                    }));
            assertTrue(e.getMessage().contains("blocking mode"), e.getMessage());
            blocking.sink().configureBlocking(false);
            e = assertThrows(IllegalArgumentException.class, () -> reactor.watch(blocking.sink(), Interest.READ, (r, h) -> {
            }));
            assertTrue(e.getMessage().contains("cannot be watched for READ"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> reactor.watch(pipe.source(), Interest.HANG_UP, (r, h) -> {
            }));
            assertTrue(e.getMessage().contains("needs READ, WRITE or both"), e.getMessage());
            blocking.source().close();
            e = assertThrows(IllegalArgumentException.class, () -> reactor.watch(blocking.source(), Interest.READ, (r, h) -> {
            }));
            assertTrue(e.getMessage().contains("is closed"), e.getMessage());
        } finally {
            blocking.sink().close();
            blocking.source().close();
        }
        WatchHandle first = reactor.watch(pipe.source(), Interest.READ, (r, h) -> {
        });
        IllegalStateException overlap = assertThrows(IllegalStateException.class,
                () -> reactors.reactor(1).watch(pipe.source(), Interest.READ, (r, h) -> {
                }));
        assertTrue(overlap.getMessage().contains("already watched for READ on reactor 0"), overlap.getMessage());
        first.cancel();
        reactors.reactor(1).watch(pipe.source(), Interest.READ, (r, h) -> drain(pipe.source())).cancel();
    }

    @Test
    void datagramsWithDisjointWatchesOnTwoReactors() throws IOException {
        try (DatagramChannel receiver = DatagramChannel.open(); DatagramChannel sender = DatagramChannel.open()) {
            receiver.bind(new InetSocketAddress("127.0.0.1", 0)).configureBlocking(false);
            sender.bind(new InetSocketAddress("127.0.0.1", 0)).configureBlocking(false);
            InetSocketAddress to = (InetSocketAddress) receiver.getLocalAddress();

            List<String> received = new CopyOnWriteArrayList<>();
            WatchHandle reading = reactors.reactor(0).watch(receiver, Interest.READ, (ready, handle) -> {
                ByteBuffer buffer = ByteBuffer.allocate(64);
                while (receiver.receive(buffer) != null) {
                    received.add(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8)
                            + "@" + Thread.currentThread().getName());
                    buffer.clear();
                }
            });
            // the same receiver, its other readiness, on the other reactor: allowed, the interests are disjoint
            AtomicInteger writable = new AtomicInteger();
            WatchHandle writing = reactors.reactor(1).watch(receiver, Interest.WRITE, (ready, handle) -> {
                writable.incrementAndGet();
                handle.update(Interest.NONE);
            });
            // a datagram channel is writable at once: the sender writes from its WRITE handler
            WatchHandle sending = reactors.reactor(1).watch(sender, Interest.WRITE, (ready, handle) -> {
                sender.send(ByteBuffer.wrap("ping".getBytes(StandardCharsets.UTF_8)), to);
                handle.cancel();
            });
            String reactor0 = Await.onReactor(reactors.reactor(0), () -> Thread.currentThread().getName());
            Await.until(() -> received.size() == 1 && writable.get() == 1);
            assertEquals(List.of("ping@" + reactor0), received);
            Await.sleep(QUIET_MILLIS);
            assertEquals(1, writable.get(), "suspended after its first WRITE");
            assertTrue(reading.isActive());
            assertFalse(sending.isActive());
            reading.cancel();
            writing.cancel();
        }
    }
}
