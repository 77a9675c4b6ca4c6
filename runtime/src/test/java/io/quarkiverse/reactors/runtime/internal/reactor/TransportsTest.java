package io.quarkiverse.reactors.runtime.internal.reactor;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** require-transport: why the required transport is not the active one, in the startup error. */
class TransportsTest {

    @Test
    void theActiveTransportPasses() {
        assertDoesNotThrow(() -> Transports.require("epoll", "epoll", Set.of(), true));
    }

    @Test
    void missingClassesSayWhichDependencyToAdd() {
        assertMessage("epoll", "nio", Set.of(), true,
                "quarkus.reactors.require-transport=epoll but Vert.x runs on nio", "io.netty:netty-transport-native-epoll");
        assertMessage("io_uring", "nio", Set.of(), true,
                "quarkus.reactors.require-transport=io-uring but Vert.x runs on nio", "io.vertx:vertx-io_uring-incubator");
    }

    @Test
    void preferNativeOffIsNamed() {
        // The epoll classes on this test class path load on Linux x86-64 and aarch64; elsewhere Netty's cause is named.
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Transports.require("epoll", "nio", Set.of(Transports.EPOLL_CLASS), false));
        assertTrue(e.getMessage().contains("quarkus.vertx.prefer-native-transport is false")
                || e.getMessage().contains("Netty reports it unavailable"), e.getMessage());
    }

    @Test
    void nettysUnavailabilityCauseIsCarried() {
        // Only the io_uring classes are on this class path, not the native library: Netty says why.
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Transports.require("io_uring", "nio", Set.of(Transports.IO_URING_CLASS), true));
        assertTrue(e.getMessage().contains("Netty reports it unavailable: "), e.getMessage());
        assertTrue(e.getCause() != null, "Netty's cause is the exception's cause");
    }

    private static void assertMessage(String required, String active, Set<String> present, boolean preferNative,
            String... fragments) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Transports.require(required, active, present, preferNative));
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), e.getMessage());
        }
    }
}
