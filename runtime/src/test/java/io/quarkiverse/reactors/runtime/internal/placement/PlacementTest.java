package io.quarkiverse.reactors.runtime.internal.placement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** How cores, main-core and count place reactors on CPUs, and the startup errors for bad combinations. */
class PlacementTest {

    private static final BitSet ALLOWED = cpus(0, 8); // CPUs 0-7

    @Test
    void reactorIRunsOnTheIthListedCpu() {
        assertArrayEquals(new int[] { 5, 2, 3 }, place("5,2-3", null, null).cpus());
    }

    @Test
    void theMainCoreMovesToTheFrontAsReactorZero() {
        assertArrayEquals(new int[] { 3, 0, 1, 2, 6 }, place("0-3,6", 3, null).cpus());
        assertArrayEquals(new int[] { 0, 1 }, place("0-1", 0, null).cpus());
    }

    @Test
    void withoutCoresTheReactorsTakeTheAllowedCpusInTurn() {
        assertArrayEquals(new int[] { 0, 1, 2, 3, 4, 5, 6, 7 }, place(null, null, null).cpus());
        assertArrayEquals(new int[] { 0, 1, 2 }, place(null, null, 3).cpus());
        assertArrayEquals(new int[] { 2, 0, 1, 3 }, place(null, 2, 4).cpus());
        BitSet two = cpus(4, 6);
        assertArrayEquals(new int[] { 4, 5, 4 },
                Placement.resolve(Optional.empty(), OptionalInt.empty(), OptionalInt.of(3), two, 2).cpus());
    }

    @Test
    void countMustAgreeWithCores() {
        assertArrayEquals(new int[] { 1, 2 }, place("1-2", null, 2).cpus());
        assertFails("1-2", null, 3, "quarkus.reactors.count=3 disagrees with quarkus.reactors.cores = \"1-2\"",
                "lists 2 CPUs");
    }

    @Test
    void cpusOutsideTheAllowedSetAreNamed() {
        assertFails("0,9", null, null, "quarkus.reactors.cores = \"0,9\" names CPU 9", "allowed CPUs are 0-7");
    }

    @Test
    void theMainCoreMustBeAReactorCpu() {
        assertFails("0-1", 4, null, "quarkus.reactors.main-core=4 is not among quarkus.reactors.cores = \"0-1\"");
        assertFails(null, 12, null, "quarkus.reactors.main-core=12 is not a CPU this process may run on (allowed: 0-7)");
    }

    @Test
    void duplicatesAndGarbageAreNamed() {
        assertFails("0,0", null, null, "quarkus.reactors.cores = \"0,0\" is invalid: it lists CPU 0 twice");
        assertFails("zero", null, null, "quarkus.reactors.cores = \"zero\" is invalid");
    }

    private static Placement place(String cores, Integer main, Integer count) {
        return Placement.resolve(Optional.ofNullable(cores), main == null ? OptionalInt.empty() : OptionalInt.of(main),
                count == null ? OptionalInt.empty() : OptionalInt.of(count), ALLOWED, 8);
    }

    private static void assertFails(String cores, Integer main, Integer count, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> place(cores, main, count));
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), e.getMessage());
        }
    }

    private static BitSet cpus(int from, int to) {
        BitSet set = new BitSet();
        set.set(from, to);
        return set;
    }
}
