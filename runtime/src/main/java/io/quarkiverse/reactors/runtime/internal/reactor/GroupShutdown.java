package io.quarkiverse.reactors.runtime.internal.reactor;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.quarkiverse.reactors.runtime.internal.watch.WatchSelector;

/**
 * The shutdown of all reactors of a group: refuses new events on every reactor, waits until each queue has drained
 * and each offloaded task has ended, then tears each reactor down on its own thread ({@link ReactorTeardown}) and
 * closes the watch selector they share.
 * <p>
 * Called once, by {@link ReactorGroup#stop}, on the application's shutdown thread, where it waits; called on a
 * reactor, it never waits.
 */
final class GroupShutdown {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.reactors");

    private GroupShutdown() {
    }

    /**
     * Refuses new events on every reactor, then waits (on the calling thread, unless {@code onReactor}) until each
     * queue has drained and each offloaded task has ended, or {@code timeout} passed; offloads still running then
     * fail with {@code ReactorStoppedException}. Replies to calls already accepted still flow; the event loops keep
     * running until Vert.x closes, and whatever is left then is reported by each reactor's termination listener.
     *
     * @param onReactor whether the calling thread is a reactor: then nothing waits, the loops drain on their own
     */
    static void stop(ReactorImpl[] reactors, WatchSelector watchSelector, boolean onReactor, Duration timeout) {
        for (ReactorImpl reactor : reactors) {
            reactor.refuseNewWork();
        }
        if (onReactor) {
            for (ReactorImpl reactor : reactors) {
                reactor.runOnOwner(reactor::tearDownOnLoop);
            }
            watchSelector.close();
            return; // never block a reactor; the loops drain on their own
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ReactorImpl reactor : reactors) {
            while ((!reactor.queueIsEmpty() || reactor.offloads().pending() > 0) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (!reactor.queueIsEmpty()) {
                LOG.warnf("Reactor %d still has %d queued events after %s; they will run while Vert.x closes",
                        reactor.id(), reactor.stats().queueDepth(), timeout);
            }
        }
        // Pollers and timers stop, and @PerCore instances are destroyed, each on its own reactor.
        CountDownLatch done = new CountDownLatch(reactors.length);
        for (ReactorImpl reactor : reactors) {
            reactor.runOnOwner(() -> {
                try {
                    reactor.tearDownOnLoop();
                } finally {
                    done.countDown();
                }
            });
        }
        try {
            if (!done.await(Math.max(TimeUnit.SECONDS.toNanos(1), deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                LOG.warnf("Reactors did not finish cancelling pollers and destroying @PerCore beans within %s", timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            watchSelector.close();
        }
    }
}
