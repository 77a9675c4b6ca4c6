package io.quarkiverse.reactors.runtime.internal.reactor;

import io.quarkiverse.reactors.runtime.internal.offload.ReactorOffloads;
import io.quarkiverse.reactors.runtime.internal.percore.PerCoreInstances;
import io.quarkiverse.reactors.runtime.internal.pollers.PollerImpl;
import io.quarkiverse.reactors.runtime.internal.pollers.ReactorPollers;
import io.quarkiverse.reactors.runtime.internal.timers.ReactorTimers;
import io.quarkiverse.reactors.runtime.internal.timers.TimerImpl;
import io.quarkiverse.reactors.runtime.internal.watch.ReactorWatches;

/**
 * The last step of one reactor's shutdown: cancels its watches, pollers and timers, fails the offloads still
 * pending, then destroys its {@code @PerCore} instances. Once it ran, the reactor is torn down: nothing can be armed
 * or registered on it any more.
 * <p>
 * Owned by the reactor's thread: {@link #run()} and {@link #tornDown()} are called only there.
 */
final class ReactorTeardown {

    private final ReactorTimers timers;
    private final ReactorWatches watches;
    private final ReactorPollers pollers;
    private final ReactorOffloads offloads;
    private final PerCoreInstances perCore;
    /** Set once the pollers, timers and per-core beans were torn down. */
    private boolean tornDown;

    ReactorTeardown(ReactorTimers timers, ReactorWatches watches, ReactorPollers pollers, ReactorOffloads offloads,
            PerCoreInstances perCore) {
        this.timers = timers;
        this.watches = watches;
        this.pollers = pollers;
        this.offloads = offloads;
        this.perCore = perCore;
    }

    /** @return whether {@link #run()} ran: a registration arriving later must not register anything */
    boolean tornDown() {
        return tornDown;
    }

    /** On the reactor, at shutdown: tears everything down, in an order where no cancel can arm anything. */
    void run() {
        tornDown = true;
        timers.close(); // a cancel below must not arm anything
        watches.cancelAll();
        pollers.cancelEveryIteration();
        timers.cancelAll(entry -> {
            if (entry instanceof TimerImpl t) {
                t.cancel();
            } else if (entry instanceof PollerImpl p) {
                p.cancel();
            }
        });
        pollers.clear();
        offloads.failPending();
        perCore.close();
    }
}
