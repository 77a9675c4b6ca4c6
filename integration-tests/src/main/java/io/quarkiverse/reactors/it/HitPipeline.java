package io.quarkiverse.reactors.it;

import jakarta.inject.Inject;

import io.quarkiverse.reactors.OnEvent;
import io.quarkiverse.reactors.Poller;
import io.quarkiverse.reactors.Reactor;

/** Counts {@link Hit} events on the reactor they are fired to, and flushes each core's counts periodically. */
// tag::hit-pipeline[]
public class HitPipeline {

    @Inject
    HitCounter counter;

    @OnEvent
    void onHit(Hit hit) {
        counter.add(hit.page(), hit.count());
    }

    @Poller(every = "${demo.flush-period:20ms}")
    int flush(Reactor reactor) {
        return counter.flush();
    }
}
// end::hit-pipeline[]
