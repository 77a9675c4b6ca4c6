package io.quarkiverse.reactors.runtime.internal.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The phase a loop publishes, and how the watchdog names it. */
class LoopPhaseTest {

    @Test
    void theLastPhaseEnteredIsCurrent() {
        LoopPhase phase = new LoopPhase();
        assertEquals(LoopPhase.OUTSIDE, phase.current());
        phase.enter(LoopPhase.POLLERS);
        assertEquals(LoopPhase.POLLERS, phase.current());
        phase.enter(LoopPhase.OUTSIDE);
        assertEquals(LoopPhase.OUTSIDE, phase.current());
    }

    @Test
    void eachPhaseHasItsDescription() {
        assertEquals("an event", LoopPhase.describe(LoopPhase.EVENTS, null));
        assertEquals("an every-iteration poller", LoopPhase.describe(LoopPhase.POLLERS, null));
        assertEquals("a timer callback", LoopPhase.describe(LoopPhase.TIMERS, null));
        assertEquals("a timer callback", LoopPhase.describe(LoopPhase.TIMERS, "not a poller"));
        assertEquals("a watch handler", LoopPhase.describe(LoopPhase.WATCHES, null));
        assertEquals("a task of its event loop outside the reactor loop (such as an HTTP handler)",
                LoopPhase.describe(LoopPhase.OUTSIDE, null));
    }
}
