package io.quarkiverse.reactors.test.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/** With backoff, a reactor serves events and timers, and once idle it parks instead of burning its core. */
public class BackoffStrategyTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2, IdleStrategyTest.class)
            .overrideRuntimeConfigKey("quarkus.reactors.idle-strategy", "backoff")
            .overrideRuntimeConfigKey("quarkus.reactors.backoff.max-park", "1ms");

    @Inject
    Reactors reactors;

    @Test
    void servesEventsAndTimersThenBacksOff() {
        Reactor reactor = reactors.reactor(1);
        assertEquals(1, Await.result(reactor.callAsync(() -> reactors.current().id())));
        CompletableFuture<Boolean> fired = new CompletableFuture<>();
        reactor.timer(Duration.ofMillis(5), () -> fired.complete(true));
        assertTrue(Await.result(fired));
        long cpu = IdleStrategyTest.cpuNanosOver(reactor, 1_000);
        // lenient: spinning would be about 1 000 ms; parking for up to 1 ms at a time is far less
        assertTrue(cpu < 500_000_000L, "an idle backing-off reactor used " + cpu / 1_000_000 + " ms of CPU in 1 s");
        long iterations = reactor.stats().iterations();
        assertTrue(iterations > 100, "it keeps iterating while backing off: " + iterations);
    }
}
