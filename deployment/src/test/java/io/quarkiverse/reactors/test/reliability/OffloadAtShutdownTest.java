package io.quarkiverse.reactors.test.reliability;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactors;
import io.quarkus.test.QuarkusUnitTest;

/** Offloads on the Vert.x worker pool settle at shutdown: see {@link OffloadAtShutdownScenario}. */
public class OffloadAtShutdownTest extends OffloadAtShutdownScenario {

    static final String KEY = OffloadAtShutdownTest.class.getName();

    @RegisterExtension
    static final QuarkusUnitTest TEST = app(KEY);

    @Inject
    Reactors reactors;

    @Test
    void offloadsRunningAtShutdownSettle() throws InterruptedException {
        offloadThenStop(reactors, KEY);
    }
}
