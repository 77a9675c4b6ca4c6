package io.quarkiverse.reactors.runtime.internal.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkiverse.reactors.IdleStrategy;
import io.quarkiverse.reactors.runtime.internal.reactor.IdlePolicy.Decision;

/** The decisions each idle policy hands the loop, driven by a fake clock. */
class IdlePolicyTest {

    /** A clock the test moves by hand. */
    private long now = 1_000_000_000L;

    @Test
    void eachStrategyHasItsPolicy() {
        ReactorSettings defaults = ReactorSettings.defaults();
        assertInstanceOf(SpinIdlePolicy.class, IdlePolicy.of(defaults.withIdleStrategy(IdleStrategy.SPIN), () -> now));
        assertInstanceOf(BackoffIdlePolicy.class,
                IdlePolicy.of(defaults.withIdleStrategy(IdleStrategy.BACKOFF), () -> now));
        assertInstanceOf(ParkIdlePolicy.class, IdlePolicy.of(defaults.withIdleStrategy(IdleStrategy.PARK), () -> now));
        for (IdleStrategy strategy : IdleStrategy.values()) {
            IdlePolicy.of(defaults.withIdleStrategy(strategy), () -> now); // a new constant without a policy fails here
        }
    }

    @Test
    void spinAlwaysIteratesAndKeepsIteratingInsideTheSlice() {
        IdlePolicy spin = new SpinIdlePolicy();
        assertTrue(spin.keepsIterating());
        for (int i = 0; i < 1000; i++) {
            assertEquals(Decision.ITERATE, spin.idle(now - 1_000_000_000L));
        }
    }

    @Test
    void backoffSpinsThenYieldsThenParksForDoublingPeriodsUpToTheMaximum() {
        IdlePolicy backoff = new BackoffIdlePolicy(3, 2, 1_000, 5_000);
        assertFalse(backoff.keepsIterating());
        for (int i = 0; i < 3; i++) {
            assertEquals(Decision.ITERATE, backoff.idle(now), "spin " + i);
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(Decision.YIELD, backoff.idle(now), "yield " + i);
        }
        long[] parks = { 1_000, 2_000, 4_000, 5_000, 5_000 };
        for (long park : parks) {
            assertEquals(Decision.PARK, backoff.idle(now));
            assertEquals(park, backoff.parkNanos());
        }
    }

    @Test
    void backoffStartsOverAfterWork() {
        IdlePolicy backoff = new BackoffIdlePolicy(1, 1, 1_000, 1_000_000);
        backoff.idle(now);
        backoff.idle(now);
        backoff.idle(now);
        assertEquals(Decision.PARK, backoff.idle(now));
        assertEquals(2_000, backoff.parkNanos());
        backoff.workDone();
        assertEquals(Decision.ITERATE, backoff.idle(now));
        assertEquals(Decision.YIELD, backoff.idle(now));
        assertEquals(Decision.PARK, backoff.idle(now));
        assertEquals(1_000, backoff.parkNanos(), "the park period starts over too");
    }

    @Test
    void backoffWithoutSpinsOrYieldsParksAtOnce() {
        IdlePolicy backoff = new BackoffIdlePolicy(0, 0, 7, 7);
        assertEquals(Decision.PARK, backoff.idle(now));
        assertEquals(7, backoff.parkNanos());
    }

    @Test
    void parkIteratesWithinTheSpinWindowAfterWorkThenParksWithoutLimit() {
        IdlePolicy park = new ParkIdlePolicy(20_000, () -> now);
        assertFalse(park.keepsIterating());
        long lastWork = now;
        assertEquals(Decision.ITERATE, park.idle(lastWork));
        now += 19_999;
        assertEquals(Decision.ITERATE, park.idle(lastWork));
        now += 1;
        assertEquals(Decision.PARK, park.idle(lastWork));
        assertEquals(Long.MAX_VALUE, park.parkNanos(), "parks until an event, a deadline or a wake-up");
        assertEquals(Decision.ITERATE, park.idle(now), "new work opens a new window");
    }

    @Test
    void parkSpinsInsideTheSliceOnlyWithinTheWindowAfterEvents() {
        IdlePolicy park = new ParkIdlePolicy(20_000, () -> now);
        long lastEvents = now;
        assertTrue(park.spinsInSlice(lastEvents, now));
        assertTrue(park.spinsInSlice(lastEvents, now + 19_999));
        assertFalse(park.spinsInSlice(lastEvents, now + 20_000), "the window closed: the slice ends, the reactor parks");
        assertFalse(new ParkIdlePolicy(0, () -> now).spinsInSlice(now, now), "no window, no spin");
    }

    @Test
    void spinSpinsInsideTheSliceAndBackoffLeavesIt() {
        assertTrue(new SpinIdlePolicy().spinsInSlice(0, Long.MAX_VALUE));
        assertFalse(new BackoffIdlePolicy(3, 2, 1_000, 5_000).spinsInSlice(now, now),
                "backoff's spins are slices of their own, Netty's I/O between them");
    }

    @Test
    void parkWithoutSpinWindowParksAtOnce() {
        assertEquals(Decision.PARK, new ParkIdlePolicy(0, () -> now).idle(now));
    }
}
