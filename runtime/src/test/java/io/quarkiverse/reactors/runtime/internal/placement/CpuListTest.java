package io.quarkiverse.reactors.runtime.internal.placement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;

import org.junit.jupiter.api.Test;

/** CPU lists: Linux/SPDK list notation and hex masks, order kept, bad input named. */
class CpuListTest {

    private static final String KEY = "quarkus.reactors.cores";

    @Test
    void listsKeepTheirOrder() {
        assertArrayEquals(new int[] { 0, 1, 2, 3, 6 }, CpuList.parse(KEY, "0-3,6"));
        assertArrayEquals(new int[] { 6, 0, 1 }, CpuList.parse(KEY, " 6 , 0-1 "));
        assertArrayEquals(new int[] { 2, 3 }, CpuList.parse(KEY, "[2-3]"));
    }

    @Test
    void hexMasksListAscending() {
        assertArrayEquals(new int[] { 0, 1, 2, 3, 6 }, CpuList.parse(KEY, "0x4f"));
        assertArrayEquals(new int[] { 8 }, CpuList.parse(KEY, "0X100"));
    }

    @Test
    void duplicatesAreNamed() {
        assertMessage(null, "0-3,2", "lists CPU 2 twice");
        assertMessage(null, "1,1", "lists CPU 1 twice");
    }

    @Test
    void malformedListsAreNamed() {
        assertMessage(null, "0-x", "\"0-x\" is not a CPU number");
        assertMessage(null, "", "lists no CPU");
        assertMessage(null, "0,,1", "\"\" is not a CPU number");
        assertMessage(null, "3-1", "\"3-1\" is not a valid range");
        assertMessage(null, "-1", "\"-1\" is not a CPU number");
        assertMessage(null, "0x", "no hexadecimal digits");
        assertMessage(null, "0xg", "'g' is not a hexadecimal digit");
        assertMessage(null, "0x0", "selects no CPU");
    }

    @Test
    void formatsRanges() {
        BitSet cpus = new BitSet();
        cpus.set(0, 4);
        cpus.set(6);
        cpus.set(8, 10);
        assertEquals("0-3,6,8-9", CpuList.format(cpus));
    }

    @Test
    void allowedCpusAreNeverEmpty() {
        assertTrue(CpuList.allowedCpus().cardinality() >= 1);
    }

    private static void assertMessage(Object unused, String value, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuList.parse(KEY, value));
        assertTrue(e.getMessage().startsWith(KEY + " = \"" + value + "\" is invalid"), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
