package io.quarkiverse.reactors.runtime.internal.reactor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;

import io.quarkiverse.reactors.runtime.internal.events.EventMailbox;

/**
 * The fields a reactor writes on every iteration (its counters, its loop's state, the published phase) sit between
 * two 128-byte paddings in the layout of this JVM, as JOL reads it: no other field shares the 128 bytes on either
 * side, and the object ends at least 128 bytes after them. So whatever object lies next to them on the heap, such
 * as the mailbox whose flags senders read on every send, never shares a cache line (nor an adjacent-line prefetch
 * pair) with them.
 */
class CacheLineLayoutTest {

    private static final long PAD = 128;

    @Test
    void theCountersArePaddedOnBothSides() {
        assertPadded(ReactorCounters.class, "CountersFields");
    }

    @Test
    void theLoopsStateIsPaddedOnBothSides() {
        assertPadded(ReactorLoop.class, "LoopState");
    }

    @Test
    void theEventRunnersBatchStateIsPaddedOnBothSides() {
        assertPadded(EventRunner.class, "RunnerState");
    }

    @Test
    void thePublishedPhaseIsPaddedOnBothSides() {
        assertPadded(LoopPhase.class, "PhaseField");
    }

    @Test
    void theMailboxHoldsNothingTheReactorWritesOnEveryIteration() {
        List<String> fields = ClassLayout.parseClass(EventMailbox.class).fields().stream().map(FieldLayout::name)
                .collect(Collectors.toList());
        for (String perIteration : List.of("iterations", "executed", "failed", "busyNanos", "phase", "inIteration",
                "lastBatch", "dispatched")) {
            assertFalse(fields.contains(perIteration), "EventMailbox holds " + perIteration + ": " + fields);
        }
    }

    private static void assertPadded(Class<?> type, String hotHost) {
        ClassLayout layout = ClassLayout.parseClass(type);
        List<FieldLayout> hot = layout.fields().stream().filter(f -> hostIs(f, hotHost)).collect(Collectors.toList());
        assertFalse(hot.isEmpty(), "no fields of " + hotHost + " in " + layout.toPrintable());
        long first = hot.stream().mapToLong(FieldLayout::offset).min().getAsLong();
        long end = hot.stream().mapToLong(f -> f.offset() + f.size()).max().getAsLong();
        for (FieldLayout field : layout.fields()) {
            if (hostIs(field, hotHost) || isPadding(field)) {
                continue;
            }
            boolean near = field.offset() + field.size() > first - PAD && field.offset() < end + PAD;
            assertFalse(near, "field " + field.name() + " of " + field.hostClass() + " lies within " + PAD
                    + " bytes of the fields the reactor writes on every iteration:\n" + layout.toPrintable());
        }
        assertTrue(first >= PAD, "less than " + PAD + " bytes of padding before " + hotHost + ":\n"
                + layout.toPrintable());
        assertTrue(layout.instanceSize() >= end + PAD, "less than " + PAD + " bytes of padding after " + hotHost
                + ":\n" + layout.toPrintable());
    }

    private static boolean hostIs(FieldLayout field, String simpleName) {
        String host = field.hostClass();
        return host.equals(simpleName) || host.endsWith("." + simpleName) || host.endsWith("$" + simpleName);
    }

    private static boolean isPadding(FieldLayout field) {
        return hostIs(field, "PaddedBefore") || field.hostClass().endsWith("PadAfter");
    }
}
