package io.quarkiverse.reactors.test.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.runtime.internal.placement.ReactorPlacement;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorGroup;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With pin-threads, reactor i's thread may run only on the i-th listed CPU, as the kernel reports it in
 * /proc/self/task/{tid}/status. The CPUs are listed in descending order, so "reactor i = CPU i" would fail.
 */
public class PinThreadsTest {

    static final int[] CPUS = ProcStatus.twoAllowedCpusReversed();

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Await.class, ProcStatus.class))
            .overrideRuntimeConfigKey("quarkus.reactors.cores", ProcStatus.list(CPUS))
            .overrideRuntimeConfigKey("quarkus.reactors.pin-threads", "true");

    @Inject
    Reactors reactors;

    @Test
    void eachReactorThreadIsPinnedToItsListedCpu() {
        Assumptions.assumeTrue(ProcStatus.available(), "thread affinity is read from /proc (Linux)");
        assertEquals(CPUS.length, reactors.count(), "one reactor per listed CPU");
        for (int i = 0; i < CPUS.length; i++) {
            int tid = Await.result(reactors.reactor(i).callAsync(ProcStatus::currentTid));
            assertEquals(String.valueOf(CPUS[i]), ProcStatus.allowedCpusOf(tid), "reactor " + i + " (tid " + tid + ")");
            ReactorPlacement placed = ((ReactorGroup) reactors).placement().get(i);
            assertEquals(CPUS[i], placed.cpu());
            assertEquals(tid, placed.tid());
            assertTrue(placed.pinned(), placed.toString());
        }
    }
}
