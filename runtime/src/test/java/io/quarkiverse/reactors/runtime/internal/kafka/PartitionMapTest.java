package io.quarkiverse.reactors.runtime.internal.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PartitionMapTest {

    static final String KEY = "quarkus.reactors.kafka.partition-map.\"orders\"";

    @Test
    void listedPartitionsGoWhereTheMapSaysAndTheOthersToModulo() {
        PartitionMap map = PartitionMap.parse(KEY, "0-3:1, 4:0,7-7:0", 2);
        assertEquals(1, map.ownerOf(0));
        assertEquals(1, map.ownerOf(3));
        assertEquals(0, map.ownerOf(4));
        assertEquals(1, map.ownerOf(5), "not listed: 5 mod 2");
        assertEquals(0, map.ownerOf(6), "not listed: 6 mod 2");
        assertEquals(0, map.ownerOf(7));
        assertEquals(1, map.ownerOf(9), "beyond the map: 9 mod 2");
    }

    @Test
    void moduloIsTheDefault() {
        PartitionMap map = PartitionMap.modulo(3);
        assertEquals(0, map.ownerOf(0));
        assertEquals(2, map.ownerOf(5));
    }

    @Test
    void anEmptySpecIsModulo() {
        assertEquals(1, PartitionMap.parse(KEY, " ", 2).ownerOf(3));
    }

    @Test
    void errorsNameTheKeyTheEntryAndWhatToDo() {
        assertProblem("0-3", "'0-3' is not partitions:reactor (e.g. 0-3:0 or 5:1)");
        assertProblem("0-3:0:1", "'0-3:0:1' is not partitions:reactor");
        assertProblem("a-3:0", "'a-3:0' has 'a' where a partition or reactor number (0 or more) is expected");
        assertProblem("0-3:-1", "has '-1' where a partition or reactor number");
        assertProblem("5-2:0", "'5-2:0' has a range from 5 down to 2; write the lower partition first");
        assertProblem("0-3:2", "'0-3:2' names reactor 2, but there are 2 reactors (0-1, quarkus.reactors.count)");
        assertProblem("0-3:0,3-4:1", "partition 3 is given twice, to reactor 0 and to reactor 1; give each partition once");
        assertProblem("100000:0", "names partition 100000; partitions up to 99999 can be mapped");
    }

    private static void assertProblem(String spec, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PartitionMap.parse(KEY, spec, 2));
        String message = e.getMessage();
        assertTrue(message.startsWith(KEY + "=" + spec + " is invalid: "), message);
        assertTrue(message.contains(problem), message);
    }
}
