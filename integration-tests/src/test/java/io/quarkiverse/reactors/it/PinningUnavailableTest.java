package io.quarkiverse.reactors.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.runtime.internal.reactor.ReactorGroup;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The demo does not depend on net.openhft:affinity: pin-threads=true then starts with a warning and the
 * reactor threads keep the process's CPU set.
 */
@QuarkusTest
@TestProfile(PinningUnavailableTest.PinThreads.class)
public class PinningUnavailableTest {

    public static class PinThreads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.reactors.pin-threads", "true");
        }
    }

    @Inject
    Reactors reactors;

    @Test
    void theApplicationStartsAndTheReactorsRunUnpinned() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/thread-self/status")), "Linux /proc");
        String processCpus = allowedCpus(Path.of("/proc/self/status"));
        for (Reactor reactor : reactors.all()) {
            String reactorCpus = reactor.callAsync(() -> allowedCpus(Path.of("/proc/thread-self/status")))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(processCpus, reactorCpus, "reactor " + reactor.id() + " is not pinned");
            assertFalse(((ReactorGroup) reactors).placement().get(reactor.id()).pinned());
        }
    }

    private static String allowedCpus(Path status) {
        try {
            return Files.readAllLines(status).stream().filter(line -> line.startsWith("Cpus_allowed_list:"))
                    .map(line -> line.substring("Cpus_allowed_list:".length()).trim()).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
