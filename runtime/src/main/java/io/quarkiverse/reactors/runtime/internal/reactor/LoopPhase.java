package io.quarkiverse.reactors.runtime.internal.reactor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import io.quarkiverse.reactors.runtime.internal.pollers.PollerImpl;

/** The phase, between the paddings ({@link PaddedBefore}). */
abstract class PhaseField extends PaddedBefore {
    int phase;
}

/** Cache-line padding after the phase; see {@link PaddedBefore}. */
@SuppressWarnings("unused")
abstract class PhasePadAfter extends PhaseField {
    private long q00, q01, q02, q03, q04, q05, q06, q07;
    private long q08, q09, q10, q11, q12, q13, q14, q15;
}

/**
 * Which part of its loop a reactor is in, published for the watchdog: the loop makes one opaque store per phase
 * (a plain {@code mov} on x86, no fence), the watchdog reads it with an opaque load from its own thread. So the
 * watchdog names what a stuck reactor runs without matching method names in a stack trace.
 * <p>
 * Written only by the reactor's thread; read by any thread. Padded on both sides ({@link PaddedBefore}), so that the
 * stores every iteration makes do not dirty the cache line holding the fields that senders read on every send.
 */
public final class LoopPhase extends PhasePadAfter {

    /** Not in the reactor loop: parked, or Netty serving I/O and other tasks (an HTTP handler, a Vert.x timer). */
    static final int OUTSIDE = 0;
    /** Running a batch of queued events, or a reply that travelled beside a full queue. */
    static final int EVENTS = 1;
    /** Running the every-iteration pollers. */
    static final int POLLERS = 2;
    /** Expiring the timer wheel (timers, periodic pollers) and the every-iteration timers. */
    static final int TIMERS = 3;
    /** Handing channel readiness to watch handlers. */
    public static final int WATCHES = 4;

    private static final VarHandle PHASE;

    static {
        try {
            PHASE = MethodHandles.lookup().findVarHandle(PhaseField.class, "phase", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** On the reactor: the loop enters {@code phase}. */
    void enter(int phase) {
        PHASE.setOpaque(this, phase);
    }

    /** @return the phase last entered; any thread */
    int current() {
        return (int) PHASE.getOpaque(this);
    }

    /**
     * @param lastCallback the timer or periodic poller the reactor began last (names a {@link #TIMERS} phase), or null
     * @return what a reactor in {@code phase} is running, for a watchdog report
     */
    static String describe(int phase, Object lastCallback) {
        switch (phase) {
            case EVENTS:
                return "an event";
            case POLLERS:
                return "an every-iteration poller";
            case TIMERS:
                return lastCallback instanceof PollerImpl p ? "periodic poller '" + p.name() + "'" : "a timer callback";
            case WATCHES:
                return "a watch handler";
            default:
                return "a task of its event loop outside the reactor loop (such as an HTTP handler)";
        }
    }
}
