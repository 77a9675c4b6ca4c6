package io.quarkiverse.reactors.test.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/** The main core, listed last here, becomes reactor 0; the other listed CPUs follow in order. */
public class MainCoreTest {

    static final int[] CPUS = ProcStatus.twoAllowedCpusReversed(); // e.g. "1,0"
    static final int MAIN = CPUS[CPUS.length - 1];

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Await.class, ProcStatus.class))
            .overrideRuntimeConfigKey("quarkus.reactors.cores", ProcStatus.list(CPUS))
            .overrideRuntimeConfigKey("quarkus.reactors.main-core", String.valueOf(MAIN))
            .overrideRuntimeConfigKey("quarkus.reactors.pin-threads", "true");

    @Inject
    Reactors reactors;

    @Test
    void reactorZeroRunsOnTheMainCore() {
        Assumptions.assumeTrue(ProcStatus.available(), "thread affinity is read from /proc (Linux)");
        int tid = Await.result(reactors.reactor(0).callAsync(ProcStatus::currentTid));
        assertEquals(String.valueOf(MAIN), ProcStatus.allowedCpusOf(tid));
        if (CPUS.length > 1) {
            int other = Await.result(reactors.reactor(1).callAsync(ProcStatus::currentTid));
            assertEquals(String.valueOf(CPUS[0]), ProcStatus.allowedCpusOf(other));
        }
    }
}
