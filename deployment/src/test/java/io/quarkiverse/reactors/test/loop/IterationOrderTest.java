package io.quarkiverse.reactors.test.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/** One iteration runs queued events, then every-iteration pollers, then due timers: SPDK's order. */
public class IterationOrderTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2);

    @Inject
    Reactors reactors;

    /** Touched on reactor 1 only. */
    final List<String> order = new ArrayList<>();
    boolean armed;

    @Test
    void eventsThenPollersThenTimers() {
        Reactor reactor = reactors.reactor(1);
        PollerHandle poller = reactor.poller("recorder", () -> {
            if (armed) {
                armed = false;
                order.add("poller");
                return 1;
            }
            return 0;
        }, Duration.ZERO);
        CompletableFuture<List<String>> done = new CompletableFuture<>();
        reactor.send(() -> {
            order.add("event 1");
            armed = true;
            reactor.timer(Duration.ZERO, () -> {
                order.add("timer");
                done.complete(List.copyOf(order));
            });
            reactor.send(() -> order.add("event 2")); // same batch: it runs before the pollers
        });
        assertEquals(List.of("event 1", "event 2", "poller", "timer"), Await.result(done));
        poller.cancel();
    }
}
