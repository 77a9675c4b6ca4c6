package io.quarkiverse.reactors.test.docs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.quarkiverse.reactors.Interest;
import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.TimerHandle;
import io.quarkiverse.reactors.WatchHandle;
import io.smallrye.mutiny.Uni;

/**
 * Code fragments of the documentation pages that use the programmatic API; compiled, and run by
 * {@link SnippetsOfTheApiTest}.
 */
class SnippetsOfTheApi {

    final Ring ring = new Ring();
    volatile int flushes; // written on reactor 0, read by the test

    void flush() {
        flushes++;
    }

    void pollers(Reactors reactors) {
        // tag::pollers[]
        Reactor r = reactors.reactor(0);
        PollerHandle ring = r.poller("ring", () -> this.ring.drain(), Duration.ZERO); // every iteration
        PollerHandle flush = r.poller("flush", () -> {
            flush();
            return 0;
        }, Duration.ofMillis(10));

        ring.pause(); // not called until resume(); it stays registered
        ring.resume();
        ring.cancel(); // unregistered; cancelling twice is harmless
        ring.stats(); // PollerStats: runs, busyRuns, failures, totalNanos, maxNanos
        // end::pollers[]
        flush.cancel();
    }

    void timers(Reactor r) {
        // tag::timers[]
        TimerHandle once = r.timer(Duration.ofMillis(5), this::flush); // one-shot
        TimerHandle tick = r.periodic(Duration.ofMillis(5), this::flush); // every 5 ms, first after 5 ms
        tick.update(Duration.ofMillis(1)); // new period
        tick.update(Duration.ZERO); // fire on every iteration (the reactor does not sleep meanwhile)
        tick.update(Duration.ofMillis(-1)); // disabled until updated again
        tick.cancel(); // harmless if repeated, or after a one-shot fired
        once.update(Duration.ofMillis(5)); // pending or fired: fires 5 ms from now
        // end::timers[]
    }

    WatchHandle watch(Reactors reactors, ByteBuffer buffer) throws IOException {
        // tag::watch[]
        Reactor r = reactors.reactor(1);
        Pipe pipe = Pipe.open();
        pipe.source().configureBlocking(false);

        WatchHandle w = r.watch(pipe.source(), Interest.READ, (ready, handle) -> {
            if (ready.contains(Interest.HANG_UP)) { // the channel was closed: the watch has ended
                return;
            }
            int n = pipe.source().read(buffer.clear()); // on reactor 1, never blocks
            if (n < 0) {
                pipe.source().close(); // end of stream: closing ends the watch with HANG_UP
            }
        });

        w.update(Interest.NONE); // suspend: nothing is delivered until the next update
        w.update(Interest.READ); // resume
        w.cancel(); // ends the watch, leaves the channel open; idempotent
        // end::watch[]
        pipe.sink().close();
        pipe.source().close();
        return w;
    }

    Uni<String> offload(Reactor reactor, Callable<String> jdbcLoad, Callable<Void> logAppend) {
        // tag::offload[]
        Uni<String> row = reactor.offload(jdbcLoad); // worker pool; completes on this reactor
        Uni<Void> inOrder = reactor.offload(logAppend, true); // ordered per reactor
        // end::offload[]
        return inOrder.replaceWith(row);
    }
}
