package io.quarkiverse.reactors.test.loop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/** With park (the default), an idle reactor sleeps: next to no CPU, with or without idle pollers. */
public class IdleStrategyTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2);

    @Inject
    Reactors reactors;

    static long cpuNanosOver(Reactor reactor, long millis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long id = Await.result(reactor.callAsync(() -> Thread.currentThread().getId()));
        long before = threads.getThreadCpuTime(id);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return threads.getThreadCpuTime(id) - before;
    }

    @Test
    void parkedReactorUsesNextToNoCpu() {
        long cpu = cpuNanosOver(reactors.reactor(1), 1_000);
        // lenient: a spinning reactor would use about 1 000 000 000 ns here
        assertTrue(cpu < 100_000_000L, "idle reactor used " + cpu / 1_000_000 + " ms of CPU in 1 s");
    }

    @Test
    void parkedReactorWithIdlePollersStaysNearlyIdle() {
        Reactor reactor = reactors.reactor(0);
        PollerHandle poller = reactor.poller("idle", () -> 0, Duration.ZERO);
        try {
            long cpu = cpuNanosOver(reactor, 1_000);
            assertTrue(cpu < 250_000_000L, "reactor with an idle poller used " + cpu / 1_000_000 + " ms of CPU in 1 s");
            assertTrue(poller.stats().runs() > 10, "the idle poller is still polled: " + poller.stats());
        } finally {
            poller.cancel();
        }
    }
}
