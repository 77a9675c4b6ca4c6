package io.quarkiverse.reactors.test.docs;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.reactors.Poller;
import io.quarkiverse.reactors.Reactor;

/** The @Poller example of annotations.adoc. */
// tag::poller-example[]
@ApplicationScoped
public class Ingest {
    final Ring ring = new Ring();
    final AtomicInteger reports = new AtomicInteger();

    @Poller(every = "0") // every iteration of every reactor
    int pollRing() {
        return ring.drain(); // the work done: 0 means idle
    }

    @Poller(every = "100ms", cores = "main") // reactor 0 only
    void report() { // void counts as busy
        reports.incrementAndGet();
    }

    @Poller(every = "${ingest.period:10ms}", cores = "0,2-3", name = "flush")
    boolean flush(Reactor reactor) { // the Reactor it runs on
        return false;
    }

    @Poller(every = "1s", delayed = "30s") // first run 30 s after startup
    void warmedUp() {
    }

    @Poller(every = "10ms", skipExecutionIf = WhileMaintenance.class)
    void sync() { // not called while the predicate says so
    }
}
// end::poller-example[]
