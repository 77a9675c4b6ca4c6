package io.quarkiverse.reactors.test.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/** A flood of events does not starve the pollers, and a poller that is always busy does not starve events. */
public class FairnessTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2)
            .overrideRuntimeConfigKey("quarkus.reactors.batch-size", "64");

    @Inject
    Reactors reactors;

    @Test
    void pollersRunDuringAnEventFlood() {
        Reactor reactor = reactors.reactor(1);
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicInteger polls = new AtomicInteger();
        PollerHandle poller = reactor.poller("during-flood", () -> {
            polls.incrementAndGet();
            return 0;
        }, Duration.ZERO);
        // every event sends two more: the queue never empties while the flood lasts
        reactor.send(new Runnable() {
            @Override
            public void run() {
                if (flooding.get()) {
                    reactor.trySend(this);
                    reactor.trySend(this);
                }
            }
        });
        int before = polls.get();
        Await.until(() -> polls.get() > before + 1000);
        flooding.set(false);
        poller.cancel();
    }

    @Test
    void eventsRunWhileAPollerIsAlwaysBusy() {
        Reactor reactor = reactors.reactor(0);
        PollerHandle busy = reactor.poller("always-busy", () -> 1, Duration.ZERO);
        for (int i = 0; i < 100; i++) {
            int n = i;
            assertEquals(n, Await.onReactor(reactor, () -> n));
        }
        busy.cancel();
    }
}
