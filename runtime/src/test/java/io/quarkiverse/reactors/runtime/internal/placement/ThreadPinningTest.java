package io.quarkiverse.reactors.runtime.internal.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Pinning unavailable is a reason to warn about, never a failure. */
class ThreadPinningTest {

    @Test
    void linuxWithTheLibraryPins() {
        assertEquals(Optional.empty(), ThreadPinning.unavailableReason("Linux", true));
    }

    @Test
    void otherSystemsAreNamed() {
        assertTrue(
                ThreadPinning.unavailableReason("Mac OS X", true).orElseThrow().contains("Linux only, and this is Mac OS X"));
    }

    @Test
    void aMissingLibraryIsNamed() {
        assertTrue(ThreadPinning.unavailableReason("Linux", false).orElseThrow().contains("net.openhft:affinity"));
    }
}
