package io.quarkiverse.reactors.test.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Interest;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.ReactorStats;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.TimerHandle;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Timers and watch handlers that throw are counted in {@code callbackFailures}; a throwing event is counted in
 * {@code failed} instead, and the event counters still balance.
 */
public class CallbackFailuresTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2);

    @Inject
    Reactors reactors;

    @Test
    void timersAndWatchHandlersThatThrowAreCounted() throws IOException {
        Reactor reactor = reactors.reactor(1);
        long before = reactor.stats().callbackFailures();

        AtomicInteger oneShot = new AtomicInteger();
        reactor.timer(Duration.ofMillis(1), () -> {
            oneShot.incrementAndGet();
            throw new IllegalStateException("timer bug");
        });
        AtomicInteger periodic = new AtomicInteger();
        TimerHandle ticking = reactor.periodic(Duration.ofMillis(1), () -> {
            if (periodic.incrementAndGet() <= 3) {
                throw new IllegalStateException("periodic bug " + periodic.get());
            }
        });
        Await.until(() -> oneShot.get() == 1 && periodic.get() > 3);
        ticking.cancel();

        Pipe pipe = Pipe.open();
        try {
            pipe.source().configureBlocking(false);
            reactor.watch(pipe.source(), Interest.READ, (ready, handle) -> {
                throw new IllegalStateException("handler bug");
            });
            pipe.sink().write(ByteBuffer.wrap(new byte[] { 1 }));
            Await.until(() -> reactor.stats().callbackFailures() == before + 5);
        } finally {
            pipe.sink().close();
            pipe.source().close();
        }

        reactor.send(() -> {
            throw new IllegalStateException("event bug");
        });
        ReactorStats stats = Await.quiet(reactor);
        Await.sleep(100);
        stats = reactor.stats();
        assertEquals(before + 5, stats.callbackFailures(), "1 one-shot, 3 periodic firings, 1 handler: " + stats);
        assertEquals(1, stats.failed(), "the throwing event: " + stats);
        assertEquals(stats.accepted(), stats.executed() + stats.failed() + stats.queueDepth(), stats.toString());
    }
}
