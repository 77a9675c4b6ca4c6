package io.quarkiverse.reactors.test.reliability;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactors;
import io.quarkus.test.QuarkusUnitTest;

/** Offloads on a dedicated offload pool settle at shutdown: see {@link OffloadAtShutdownScenario}. */
public class OffloadAtShutdownDedicatedPoolTest extends OffloadAtShutdownScenario {

    static final String KEY = OffloadAtShutdownDedicatedPoolTest.class.getName();

    @RegisterExtension
    static final QuarkusUnitTest TEST = app(KEY)
            .overrideRuntimeConfigKey("quarkus.reactors.offload.pool", "blocking");

    @Inject
    Reactors reactors;

    @Test
    void offloadsRunningAtShutdownSettle() throws InterruptedException {
        offloadThenStop(reactors, KEY);
    }
}
