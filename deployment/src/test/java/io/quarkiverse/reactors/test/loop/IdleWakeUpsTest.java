package io.quarkiverse.reactors.test.loop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.ReactorStats;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.TimerHandle;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Idle means asleep: a parked reactor with nothing due does not iterate, and {@code idleWakeUps} counts the wake-ups
 * that found nothing to do. Counts, not times: each window's iterations are bounded by the runs of the reactor's own
 * pollers and timers, which a loaded machine delays but never multiplies.
 */
public class IdleWakeUpsTest {

    /** Iterations a window may hold beyond the pollers' and timers' own: an event or two of the test's own reads. */
    private static final long SLACK = 5;

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2);

    @Inject
    Reactors reactors;

    @Test
    void idleReactorWithAPeriodicPollerIteratesOncePerRun() {
        Reactor reactor = reactors.reactor(1);
        PollerHandle poller = reactor.poller("idle-100ms", () -> 0, Duration.ofMillis(100));
        try {
            Await.until(() -> poller.stats().runs() > 0);
            ReactorStats before = Await.quiet(reactor);
            long runsBefore = poller.stats().runs();
            Await.sleep(2_000);
            ReactorStats after = reactor.stats();
            long runs = poller.stats().runs() - runsBefore;
            long iterations = after.iterations() - before.iterations();
            long idleWakeUps = after.idleWakeUps() - before.idleWakeUps();
            assertTrue(runs > 0, "the poller ran: " + poller.stats());
            assertTrue(iterations <= runs + SLACK,
                    iterations + " iterations in 2 s for " + runs + " runs of the reactor's only poller: " + after);
            // the poller reports no work, so each of its wake-ups is an idle one, and nothing else woke the reactor
            assertTrue(idleWakeUps >= runs - SLACK && idleWakeUps <= runs + SLACK,
                    idleWakeUps + " idle wake-ups for " + runs + " runs of a poller that reports no work: " + after);
        } finally {
            poller.cancel();
        }
    }

    @Test
    void timersThatDoWorkAreNoIdleWakeUpsAndStartNoSpin() {
        Reactor reactor = reactors.reactor(0);
        AtomicInteger fired = new AtomicInteger();
        // A timer callback is work, yet nothing follows it sooner than its period: the reactor parks right after it,
        // with no short spin (park-spin) of iterations that find nothing.
        TimerHandle timer = Await.onReactor(reactor, () -> reactor.periodic(Duration.ofMillis(20), fired::incrementAndGet));
        try {
            Await.until(() -> fired.get() > 0);
            ReactorStats before = Await.quiet(reactor);
            int firedBefore = fired.get();
            Await.sleep(2_000);
            ReactorStats after = reactor.stats();
            long firings = fired.get() - firedBefore;
            long iterations = after.iterations() - before.iterations();
            assertTrue(firings > 0, "the timer fired");
            assertTrue(iterations <= firings + SLACK,
                    iterations + " iterations in 2 s for " + firings + " firings of the reactor's only timer: " + after);
            assertTrue(after.idleWakeUps() - before.idleWakeUps() <= SLACK,
                    "every wake-up fired the timer, none was idle: " + before + " then " + after);
        } finally {
            Await.onReactor(reactor, () -> {
                timer.cancel();
                return null;
            });
        }
    }

    @Test
    void idleEveryIterationPollerWakesTheReactorEachIdlePollInterval() {
        Reactor reactor = reactors.reactor(1);
        PollerHandle poller = reactor.poller("idle-every-iteration", () -> 0, Duration.ZERO);
        try {
            Await.until(() -> poller.stats().runs() > 10);
            long before = reactor.stats().idleWakeUps();
            Await.sleep(500);
            long idle = reactor.stats().idleWakeUps() - before;
            // idle-poll-interval is 1 ms: these wake-ups are what polling an idle source costs, and the count shows it
            assertTrue(idle > 20, "an idle every-iteration poller wakes the parked reactor: " + idle + " in 500 ms");
        } finally {
            poller.cancel();
        }
    }
}
