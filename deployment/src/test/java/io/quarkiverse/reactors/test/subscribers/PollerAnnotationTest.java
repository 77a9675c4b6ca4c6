package io.quarkiverse.reactors.test.subscribers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Poller;
import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/** @Poller methods become pollers on the selected reactors, with every return and parameter form. */
public class PollerAnnotationTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(3, Ingest.class, NoScope.class)
            .overrideRuntimeConfigKey("ingest.period", "5ms")
            .overrideRuntimeConfigKey("ingest.cores", "1-2");

    /** A @Singleton, so that the test reads the counters of the instance itself, not of a client proxy. */
    @jakarta.inject.Singleton
    public static class Ingest {
        final AtomicInteger everyIteration = new AtomicInteger();
        final AtomicInteger mainOnly = new AtomicInteger();
        final AtomicInteger configured = new AtomicInteger();
        final Set<String> reactorParam = ConcurrentHashMap.newKeySet();
        final AtomicInteger longs = new AtomicInteger();
        final AtomicInteger disabled = new AtomicInteger();

        @Poller(every = "0")
        int pollRing() {
            everyIteration.incrementAndGet();
            return 0;
        }

        @Poller(every = "10ms", cores = "main")
        void report() {
            mainOnly.incrementAndGet();
        }

        @Poller(every = "${ingest.period}", cores = "${ingest.cores}", name = "configured")
        boolean configured(Reactor reactor) {
            configured.incrementAndGet();
            reactorParam.add(reactor.id() + "@" + Thread.currentThread().getName());
            return false;
        }

        @Poller(every = "PT0.005S", cores = "0,2")
        long drained() {
            longs.incrementAndGet();
            return 0L;
        }

        @Poller(every = "off")
        void never() {
            disabled.incrementAndGet();
        }
    }

    /** No scope annotation: becomes a @Singleton because it declares a @Poller. */
    public static class NoScope {
        final AtomicInteger runs = new AtomicInteger();

        @Poller(every = "1ms", cores = "1")
        void tick() {
            runs.incrementAndGet();
        }
    }

    @Inject
    Reactors reactors;

    @Inject
    Ingest ingest;

    @Inject
    NoScope noScope;

    private Set<Integer> coresOf(String name) {
        return reactors.pollers(name).stream().map(PollerHandle::reactor).collect(Collectors.toSet());
    }

    @Test
    void everyIterationPollerRunsOnAllReactors() {
        assertEquals(Set.of(0, 1, 2), coresOf("Ingest#pollRing"), "default name Class#method, default cores all");
        Await.until(() -> ingest.everyIteration.get() > 30);
        for (PollerHandle handle : reactors.pollers("Ingest#pollRing")) {
            assertEquals(0, handle.stats().periodNanos());
        }
    }

    @Test
    void periodicPollerOnMainOnly() {
        assertEquals(Set.of(0), coresOf("Ingest#report"));
        assertEquals(10_000_000L, reactors.pollers("Ingest#report").get(0).stats().periodNanos());
        Await.until(() -> ingest.mainOnly.get() >= 3);
    }

    @Test
    void configExpressionsAndReactorParameter() {
        assertEquals(Set.of(1, 2), coresOf("configured"));
        assertEquals(5_000_000L, reactors.pollers("configured").get(0).stats().periodNanos());
        Await.until(() -> ingest.reactorParam.size() == 2);
        Set<String> expected = Set.of(1 + "@" + threadOf(reactors.reactor(1)), 2 + "@" + threadOf(reactors.reactor(2)));
        assertEquals(expected, ingest.reactorParam, "the Reactor parameter is the reactor the poller runs on");
    }

    @Test
    void isoDurationListOfCoresAndLongReturn() {
        assertEquals(Set.of(0, 2), coresOf("Ingest#drained"));
        Await.until(() -> ingest.longs.get() >= 4);
    }

    @Test
    void offMeansNotRegistered() {
        assertEquals(List.of(), reactors.pollers("Ingest#never"));
        assertEquals(0, ingest.disabled.get());
    }

    @Test
    void aClassWithoutScopeBecomesASingletonBean() {
        Await.until(() -> noScope.runs.get() >= 3);
        assertEquals(Set.of(1), coresOf("NoScope#tick"));
    }

    @Test
    void pollerHandlesCanBePausedByName() {
        PollerHandle tick = reactors.pollers("NoScope#tick").get(0);
        tick.pause();
        try {
            int before = noScope.runs.get();
            Await.sleep(50);
            int paused = noScope.runs.get();
            assertTrue(paused <= before + 1, "at most the run in progress: " + before + " -> " + paused);
            Await.sleep(30);
            assertEquals(paused, noScope.runs.get());
        } finally {
            tick.resume();
        }
        int resumed = noScope.runs.get();
        Await.until(() -> noScope.runs.get() > resumed + 3);
    }

    private static String threadOf(Reactor reactor) {
        return Await.result(reactor.callAsync(() -> Thread.currentThread().getName()));
    }
}
