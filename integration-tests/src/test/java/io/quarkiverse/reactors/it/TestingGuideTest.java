package io.quarkiverse.reactors.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkus.test.junit.QuarkusTest;

/** The examples of the testing guide (docs/modules/ROOT/pages/testing.adoc), run against the demo. */
@QuarkusTest
public class TestingGuideTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    // tag::testing-inject[]
    @Inject
    Reactors reactors;

    @Inject
    HitCounter counter; // @PerCore: a client proxy, usable only on a reactor thread
    // end::testing-inject[]

    // tag::testing-per-core[]
    @Test
    void readPerCoreStateOnItsReactor() {
        Reactor reactor = reactors.reactor(0);
        reactor.fire(new Hit("guide-a", 2));
        // the test thread is not a reactor: run the read there, and wait for the answer
        long pending = reactor.call(() -> counter.pending("guide-a") + counter.flushed("guide-a"))
                .await().atMost(TIMEOUT);
        assertEquals(2, pending); // call() runs after the fire: FIFO per sender
    }
    // end::testing-per-core[]

    // tag::testing-deliver[]
    @Test
    void waitUntilEveryReactorRanAnEvent() {
        reactors.deliver(new Hit("guide-b", 1)).await().atMost(TIMEOUT); // every reactor ran it
        long total = reactors.mapReduce(() -> counter.pending("guide-b") + counter.flushed("guide-b"), Long::sum)
                .await().atMost(TIMEOUT);
        assertEquals(reactors.count(), total);
    }
    // end::testing-deliver[]
}
