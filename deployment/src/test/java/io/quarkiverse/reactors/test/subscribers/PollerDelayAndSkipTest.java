package io.quarkiverse.reactors.test.subscribers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Poller;
import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/** @Poller(delayed) starts a poller late; @Poller(skipExecutionIf) skips runs, with a bean or a plain class. */
public class PollerDelayAndSkipTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2, Jobs.class, Switch.class, OddReactors.class)
            .overrideRuntimeConfigKey("jobs.delay", "1h");

    @Singleton
    public static class Jobs {
        final AtomicInteger undelayed = new AtomicInteger();
        final AtomicInteger farFuture = new AtomicInteger();
        final AtomicInteger delayedEveryIteration = new AtomicInteger();
        final AtomicInteger delayedPeriodic = new AtomicInteger();
        final AtomicInteger switchable = new AtomicInteger();
        final AtomicInteger onOddReactors = new AtomicInteger();
        final AtomicInteger onEvenReactors = new AtomicInteger();

        @Poller(every = "5ms", cores = "0")
        void undelayed() {
            undelayed.incrementAndGet();
        }

        /** A delay of an hour, from config: never runs during the test. */
        @Poller(every = "5ms", cores = "0", delayed = "${jobs.delay}", name = "far-future")
        void farFuture() {
            farFuture.incrementAndGet();
        }

        /** Registered only once the delay has passed. */
        @Poller(cores = "0", delayed = "100ms", name = "delayed-every-iteration")
        int delayedEveryIteration() {
            delayedEveryIteration.incrementAndGet();
            return 0;
        }

        /** Its period is an hour: a run during the test proves the first run comes after the delay, not the period. */
        @Poller(every = "1h", cores = "0", delayed = "50ms", name = "delayed-periodic")
        void delayedPeriodic() {
            delayedPeriodic.incrementAndGet();
        }

        @Poller(every = "1ms", cores = "0", skipExecutionIf = Switch.class, name = "switchable")
        void switchable() {
            switchable.incrementAndGet();
        }

        @Poller(every = "1ms", skipExecutionIf = OddReactors.class, name = "even-only")
        void evenOnly(Reactor reactor) {
            (reactor.id() % 2 == 1 ? onOddReactors : onEvenReactors).incrementAndGet();
        }
    }

    /** A bean predicate: looked up in the container. */
    @Singleton
    public static class Switch implements Poller.SkipPredicate {
        final AtomicBoolean skip = new AtomicBoolean();

        @Override
        public boolean test(Reactor reactor, String poller) {
            return skip.get();
        }
    }

    /** Not a bean: created once, with its constructor. */
    public static class OddReactors implements Poller.SkipPredicate {
        static final AtomicInteger CREATED = new AtomicInteger();
        static final AtomicInteger TESTED = new AtomicInteger();

        public OddReactors() {
            CREATED.incrementAndGet();
        }

        @Override
        public boolean test(Reactor reactor, String poller) {
            TESTED.incrementAndGet();
            return "even-only".equals(poller) && reactor.id() % 2 == 1;
        }
    }

    @Inject
    Reactors reactors;

    @Inject
    Jobs jobs;

    @Inject
    Switch skipSwitch;

    @Test
    void aDelayedPollerStartsAfterItsDelay() {
        Await.until(() -> jobs.delayedEveryIteration.get() > 0);
        Await.until(() -> jobs.delayedPeriodic.get() == 1);
        assertEquals(1, reactors.pollers("delayed-every-iteration").size());
        int before = jobs.undelayed.get();
        Await.until(() -> jobs.undelayed.get() > before + 10);
        assertEquals(0, jobs.farFuture.get(), "a poller delayed by an hour has not run");
        PollerHandle farFuture = reactors.pollers("far-future").get(0);
        assertEquals(0, farFuture.stats().runs(), "registered, but its first run is an hour away");
    }

    @Test
    void aSkipPredicateBeanSkipsRunsWhileItSaysSo() {
        PollerHandle poller = reactors.pollers("switchable").get(0);
        Await.until(() -> jobs.switchable.get() > 0);
        skipSwitch.skip.set(true);
        Await.onReactor(reactors.reactor(0), () -> null); // a run in progress has finished
        int calls = jobs.switchable.get();
        long runs = poller.stats().runs();
        Await.until(() -> poller.stats().runs() > runs + 10);
        assertEquals(calls, jobs.switchable.get(), "skipped runs do not call the method");
        skipSwitch.skip.set(false);
        Await.until(() -> jobs.switchable.get() > calls);
    }

    @Test
    void aPlainClassPredicateIsCreatedOnceAndSeesTheReactor() {
        Await.until(() -> jobs.onEvenReactors.get() > 10 && OddReactors.TESTED.get() > 20);
        assertEquals(0, jobs.onOddReactors.get(), "reactor 1 skips every run");
        assertEquals(1, OddReactors.CREATED.get());
        assertTrue(reactors.pollers("even-only").get(1).stats().runs() > 0, "skipped runs still count as runs");
    }
}
