package io.quarkiverse.reactors.runtime.internal.events;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;

/**
 * The lane's fields, as JOL reads this JVM's layout: each index that one side publishes and the other side reads lies
 * at least 128 bytes (a cache line and its prefetch pair) from every field that the publishing side writes more
 * often, and from every field the other side writes. A spinning receiver reads the producer's published index on
 * every drain: a {@code tail} written on every offer on the same line moved that line between the cores once per
 * event.
 */
class SpscLaneLayoutTest {

    private static final long PAD = 128;

    @Test
    void eachPublishedIndexHasItsCacheLinesToItself() {
        ClassLayout layout = ClassLayout.parseClass(SpscLane.class);
        Map<String, Long> offsets = layout.fields().stream().filter(f -> !isPadding(f))
                .collect(Collectors.toMap(FieldLayout::name, FieldLayout::offset));
        for (String published : List.of("producerIndex", "consumerIndex")) {
            long at = offsets.get(published);
            for (Map.Entry<String, Long> other : offsets.entrySet()) {
                if (other.getKey().equals(published)) {
                    continue;
                }
                assertTrue(Math.abs(other.getValue() - at) >= PAD, other.getKey() + " lies within " + PAD
                        + " bytes of " + published + ":\n" + layout.toPrintable());
            }
        }
        List<String> producerOwn = List.of("tail", "producerIndexPlain", "consumerIndexCache", "held", "producerRing",
                "producerMask", "producerLimit", "heldRing");
        List<String> consumerOwn = List.of("consumerIndexPlain", "producerIndexCache", "consumerRing", "consumerMask");
        for (String written : producerOwn) {
            for (String other : union(consumerOwn, List.of("capacity"))) {
                assertApart(layout, offsets, written, other);
            }
        }
        for (String written : consumerOwn) {
            assertApart(layout, offsets, written, "capacity");
        }
        // nor beside the class word
        for (String written : union(producerOwn, consumerOwn)) {
            assertTrue(offsets.get(written) >= PAD,
                    written + " lies within " + PAD + " bytes of the object header:\n" + layout.toPrintable());
        }
    }

    private static void assertApart(ClassLayout layout, Map<String, Long> offsets, String a, String b) {
        assertTrue(Math.abs(offsets.get(a) - offsets.get(b)) >= PAD,
                a + " and " + b + " share a line:\n" + layout.toPrintable());
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Padding fields are named a letter and two digits. */
    private static boolean isPadding(FieldLayout field) {
        return field.name().matches("[a-z][0-9][0-9]");
    }
}
