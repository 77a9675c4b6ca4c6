package io.quarkiverse.reactors.runtime.internal.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The shard-port range: one port per reactor, inside 1..65535, apart from the ports the application serves. */
class ShardPortRangeTest {

    @Test
    void onePortPerReactorFromTheBase() {
        ShardPortRange range = ShardPortRange.of(9100, 3);
        assertEquals(List.of(9100, 9101, 9102), range.ports());
        assertEquals(9102, range.port(2));
        assertEquals("9100..9102", range.toString());
    }

    @Test
    void rangeMustFitInTheValidPorts() {
        ShardPortRange.of(1, 1);
        ShardPortRange.of(65534, 2);
        IllegalArgumentException past = assertThrows(IllegalArgumentException.class, () -> ShardPortRange.of(65535, 2));
        assertTrue(past.getMessage().contains("quarkus.reactors.http.shard-port-base=65535 is invalid"), past.getMessage());
        assertTrue(past.getMessage().contains("1..65534"), past.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> ShardPortRange.of(0, 2));
        assertTrue(zero.getMessage().contains("0..1"), zero.getMessage());
    }

    @Test
    void aPortTheApplicationServesIsRefusedByName() {
        ShardPortRange range = ShardPortRange.of(9100, 2);
        range.checkDisjointFrom(Map.of(8080, "the main HTTP port (quarkus.http.port)"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> range.checkDisjointFrom(Map.of(9101, "the management port (quarkus.management.port)")));
        assertTrue(e.getMessage().contains("puts reactor 1 on port 9101"), e.getMessage());
        assertTrue(e.getMessage().contains("the management port (quarkus.management.port)"), e.getMessage());
    }
}
