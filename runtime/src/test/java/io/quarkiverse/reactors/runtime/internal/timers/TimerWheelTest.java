package io.quarkiverse.reactors.runtime.internal.timers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import org.junit.jupiter.api.Test;

/**
 * The timer wheel alone, on a fake clock: a tick of 1024 ns and 8 slots, so one revolution is 8192 ns and the
 * cases past one revolution are cheap to reach.
 */
class TimerWheelTest {

    private static final long TICK = 1024;
    private static final int SLOTS = 8;
    private static final long REVOLUTION = TICK * SLOTS;
    private static final long START = 1_000_000L;

    private final TimerWheel wheel = new TimerWheel(TICK, SLOTS, START);
    /** The names of the entries fired, in order. */
    private final List<String> fired = new ArrayList<>();

    /** An entry that records its firing and may act on the wheel from inside the expiry. */
    private final class Entry extends WheelEntry {
        final String name;
        LongConsumer onExpire = now -> {
        };
        long firedAt = -1;

        Entry(String name) {
            super(true);
            this.name = name;
        }

        @Override
        public int expire(long now) {
            fired.add(name);
            firedAt = now;
            onExpire.accept(now);
            return 1;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private Entry at(String name, long deadline) {
        Entry entry = new Entry(name);
        wheel.schedule(entry, deadline);
        return entry;
    }

    @Test
    void firesAtTheDeadlineNotBefore() {
        Entry a = at("a", START + 3 * TICK + 10);
        assertEquals(0, wheel.expire(START + 3 * TICK + 9));
        assertEquals(List.of(), fired);
        assertEquals(1, wheel.expire(START + 3 * TICK + 10));
        assertEquals(List.of("a"), fired);
        assertFalse(a.scheduled());
        assertEquals(0, wheel.size());
        assertEquals(Long.MAX_VALUE, wheel.nextWakeUp());
    }

    @Test
    void aDeadlineInThePastFiresAtTheNextExpiry() {
        wheel.expire(START + 5 * TICK);
        at("past", START + TICK); // its slot was expired already this revolution
        at("beforeOrigin", START - 5 * REVOLUTION);
        assertTrue(wheel.nextWakeUp() <= START + 5 * TICK, "the reactor must not sleep past a due entry");
        assertEquals(2, wheel.expire(START + 5 * TICK));
        assertEquals(List.of("beforeOrigin", "past"), fired.stream().sorted().toList());
    }

    @Test
    void entriesInTheSameSlotSeveralRevolutionsApartFireEachInItsOwnRevolution() {
        long base = START + 2 * TICK + 1;
        Entry third = at("third", base + 3 * REVOLUTION);
        Entry first = at("first", base);
        Entry second = at("second", base + REVOLUTION);
        assertEquals(first.slot, second.slot);
        assertEquals(first.slot, third.slot);
        assertEquals(base, wheel.nextWakeUp());

        wheel.expire(base);
        assertEquals(List.of("first"), fired);
        assertEquals(base + REVOLUTION, wheel.nextWakeUp(), "the slot's bound is exact after its walk");
        wheel.expire(base + REVOLUTION - 1);
        assertEquals(List.of("first"), fired);
        wheel.expire(base + REVOLUTION);
        assertEquals(List.of("first", "second"), fired);
        wheel.expire(base + 2 * REVOLUTION);
        assertEquals(List.of("first", "second"), fired);
        wheel.expire(base + 3 * REVOLUTION);
        assertEquals(List.of("first", "second", "third"), fired);
        assertEquals(0, wheel.size());
    }

    @Test
    void aJumpOverSeveralRevolutionsFiresEverythingDueOnceAndKeepsTheRest() {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 3 * SLOTS; i++) {
            entries.add(at("e" + i, START + i * TICK + 7));
        }
        Entry later = at("later", START + 10 * REVOLUTION);
        long jump = START + 5 * REVOLUTION + 3;
        assertEquals(3 * SLOTS, wheel.expire(jump));
        assertEquals(3 * SLOTS, fired.size());
        assertEquals(3 * SLOTS, fired.stream().distinct().count(), "nothing fires twice");
        for (Entry e : entries) {
            assertEquals(jump, e.firedAt);
        }
        assertTrue(later.scheduled());
        assertEquals(1, wheel.size());
        assertEquals(START + 10 * REVOLUTION, wheel.nextWakeUp());
        wheel.expire(START + 10 * REVOLUTION);
        assertEquals("later", fired.get(fired.size() - 1));
    }

    @Test
    void anEntryScheduledAfterAJumpWithAnEmptyWheelFiresOnTime() {
        wheel.expire(START + 7 * REVOLUTION + 5 * TICK);
        at("a", START + 7 * REVOLUTION + 6 * TICK);
        wheel.expire(START + 7 * REVOLUTION + 6 * TICK - 1);
        assertEquals(List.of(), fired);
        wheel.expire(START + 7 * REVOLUTION + 6 * TICK);
        assertEquals(List.of("a"), fired);
    }

    @Test
    void aCallbackThatCancelsAnotherDueEntryKeepsItFromFiring() {
        Entry b = new Entry("b");
        Entry a = at("a", START + TICK);
        wheel.schedule(b, START + TICK);
        a.onExpire = now -> wheel.cancel(b);
        b.onExpire = now -> wheel.cancel(a);
        wheel.expire(START + TICK);
        assertEquals(1, fired.size(), "whichever fires first cancels the other: " + fired);
        assertEquals(0, wheel.size());
    }

    @Test
    void aCallbackThatReArmsAnotherDueEntryMovesItToItsNewDeadline() {
        Entry a = at("a", START + TICK);
        Entry b = at("b", START + TICK);
        LongConsumer reArmOther = now -> {
            Entry other = fired.get(0).equals("a") ? b : a;
            wheel.schedule(other, now + 3 * REVOLUTION);
        };
        a.onExpire = reArmOther;
        b.onExpire = reArmOther;
        wheel.expire(START + TICK);
        assertEquals(1, fired.size());
        assertEquals(1, wheel.size());
        wheel.expire(START + TICK + 3 * REVOLUTION - 1);
        assertEquals(1, fired.size());
        wheel.expire(START + TICK + 3 * REVOLUTION);
        assertEquals(2, fired.size());
    }

    @Test
    void aCallbackThatReArmsItselfInThePastFiresAtTheNextExpiryNotInALoop() {
        Entry a = at("a", START + TICK);
        a.onExpire = now -> {
            if (fired.size() < 3) {
                wheel.schedule(a, now - 10 * REVOLUTION);
            }
        };
        wheel.expire(START + TICK);
        assertEquals(1, fired.size());
        wheel.expire(START + TICK);
        assertEquals(2, fired.size());
        wheel.expire(START + TICK + 1);
        assertEquals(3, fired.size());
        wheel.expire(START + 2 * TICK);
        assertEquals(3, fired.size());
    }

    @Test
    void clearDuringAnExpiryHandsOverEveryEntryAndFiresNoMore() {
        List<Entry> due = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            due.add(at("due" + i, START + TICK));
        }
        Entry later = at("later", START + 2 * REVOLUTION);
        List<WheelEntry> removed = new ArrayList<>();
        for (Entry e : due) {
            e.onExpire = now -> {
                if (fired.size() == 1) {
                    wheel.clear(removed::add);
                }
            };
        }
        wheel.expire(START + TICK);
        assertEquals(1, fired.size(), "the entries still waiting in the expiry must not fire after the clear");
        assertEquals(0, wheel.size());
        assertEquals(Long.MAX_VALUE, wheel.nextWakeUp());
        // every entry that was live when the clear began is handed over, including those waiting in the expiry
        assertTrue(removed.contains(later));
        for (Entry e : due) {
            if (!fired.contains(e.name)) {
                assertTrue(removed.contains(e), e + " was neither fired nor handed to the clear");
            }
        }
        assertEquals(5, removed.size());
        wheel.expire(START + 3 * REVOLUTION);
        assertEquals(1, fired.size());
    }

    @Test
    void cancelledEntriesLeaveTheWheelAndAStaleBoundOnlyWakesEarly() {
        Entry a = at("a", START + 2 * TICK);
        Entry b = at("b", START + 2 * TICK + 500);
        wheel.cancel(a);
        wheel.cancel(a); // twice is harmless
        assertEquals(1, wheel.size());
        assertTrue(wheel.nextWakeUp() <= b.deadline);
        wheel.expire(START + 2 * TICK);
        assertEquals(List.of(), fired);
        assertEquals(b.deadline, wheel.nextWakeUp());
        wheel.expire(b.deadline);
        assertEquals(List.of("b"), fired);
    }

    @Test
    void reSchedulingALinkedEntryMovesItRatherThanLinkingItTwice() {
        Entry a = at("a", START + TICK);
        wheel.schedule(a, START + 5 * TICK);
        assertEquals(1, wheel.size());
        wheel.expire(START + TICK);
        assertEquals(List.of(), fired);
        wheel.expire(START + 5 * TICK);
        assertEquals(List.of("a"), fired);
    }

    @Test
    void manyEntriesInOneExpiryGrowTheListOfDueOnes() {
        for (int i = 0; i < 200; i++) {
            at("e" + i, START + (i % 3) * TICK);
        }
        assertEquals(200, wheel.expire(START + 3 * TICK));
        assertEquals(200, fired.size());
    }

    @Test
    void onlyUserTimersAreCountedAndOnlyWhileLinked() {
        Entry user = at("user", START + TICK);
        WheelEntry housekeeping = new WheelEntry(false) {
            @Override
            public int expire(long now) {
                return 0;
            }
        };
        wheel.schedule(housekeeping, START + TICK);
        assertEquals(2, wheel.size());
        assertEquals(1, wheel.userTimers());
        wheel.schedule(user, START + 2 * TICK);
        assertEquals(1, wheel.userTimers(), "a move is no second timer");
        wheel.expire(START + 2 * TICK);
        assertEquals(0, wheel.userTimers());
        assertEquals(0, wheel.size());
        at("again", START + 3 * TICK);
        wheel.clear(e -> {
        });
        assertEquals(0, wheel.userTimers());
    }

    @Test
    void theTickIsRoundedUpToAPowerOfTwo() {
        TimerWheel odd = new TimerWheel(100_000, SLOTS, 0); // 131072 ns
        Entry a = new Entry("a");
        odd.schedule(a, 131_072 + 1);
        Entry b = new Entry("b");
        odd.schedule(b, 131_072 * 2);
        assertEquals(a.slot + 1, b.slot);
    }
}
