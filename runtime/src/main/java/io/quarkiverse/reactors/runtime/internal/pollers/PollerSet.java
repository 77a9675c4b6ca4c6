package io.quarkiverse.reactors.runtime.internal.pollers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * A reactor's every-iteration pollers: all of them, and the active ones (neither paused nor cancelled) with their
 * suppliers in a parallel array for the hot loop. Pausing, resuming or cancelling a poller does not touch these
 * arrays: the poller's owner calls {@link #rebuild(long)}, which replaces them, so {@link #run(long)} reads no
 * per-poller flag and a pass that a poller's own call changes goes on over the arrays it began with.
 * <p>
 * Not thread-safe: owned by one reactor's thread.
 */
public final class PollerSet {

    /** Pollers are timed on one pass in this many (a power of two). */
    static final int TIMING_INTERVAL = 64;

    private static final PollerImpl[] NONE = new PollerImpl[0];
    private static final IntSupplier[] NO_SUPPLIERS = new IntSupplier[0];

    /** Told of each cancelled poller as a rebuild drops it. */
    private final Consumer<PollerImpl> onDropped;
    private PollerImpl[] all = NONE;
    private PollerImpl[] active = NONE;
    private IntSupplier[] polls = NO_SUPPLIERS;

    public PollerSet(Consumer<PollerImpl> onDropped) {
        this.onDropped = onDropped;
    }

    /** @return whether the set holds no poller, active or not */
    public boolean isEmpty() {
        return all.length == 0;
    }

    /** @return whether any poller is active */
    public boolean hasActive() {
        return active.length != 0;
    }

    /** Adds an every-iteration poller; it is called from {@code iteration} on unless paused or cancelled. */
    public void add(PollerImpl poller, long iteration) {
        all = Arrays.copyOf(all, all.length + 1);
        all[all.length - 1] = poller;
        rebuild(iteration);
    }

    /**
     * Recomputes the active pollers after a registration, pause, resume or cancel, drops the cancelled ones, and
     * closes or opens each poller's spell of runs at {@code iteration}.
     */
    public void rebuild(long iteration) {
        List<PollerImpl> kept = new ArrayList<>(all.length);
        List<PollerImpl> running = new ArrayList<>(all.length);
        for (PollerImpl poller : all) {
            if (poller.cancelled()) {
                poller.inactiveAt(iteration);
                onDropped.accept(poller);
                continue;
            }
            kept.add(poller);
            if (poller.active()) {
                poller.activeFrom(iteration);
                running.add(poller);
            } else {
                poller.inactiveAt(iteration);
            }
        }
        all = kept.toArray(NONE);
        active = running.toArray(NONE);
        polls = running.stream().map(PollerImpl::supplier).toArray(IntSupplier[]::new);
    }

    /**
     * Runs the active pollers once: a plain loop over their suppliers, as Agrona's composite agent does. Reading
     * the clock costs about as much as a cheap poller, so only the pass of an {@code iteration} that is a multiple
     * of {@value #TIMING_INTERVAL} is timed, and its times count for the passes in between.
     *
     * @return how many pollers reported work
     */
    public int run(long iteration) {
        PollerImpl[] pollers = active;
        int work = 0;
        if ((iteration & (TIMING_INTERVAL - 1)) == 0) {
            long time = System.nanoTime();
            for (PollerImpl poller : pollers) {
                time = poller.runTimed(time, TIMING_INTERVAL);
                if (poller.lastWork > 0) {
                    work++;
                }
            }
            return work;
        }
        IntSupplier[] suppliers = polls;
        for (int i = 0; i < suppliers.length; i++) {
            int done;
            try {
                done = suppliers[i].getAsInt();
            } catch (Throwable t) {
                done = pollers[i].failed(t);
            }
            if (done > 0) {
                pollers[i].busy();
                work++;
            }
        }
        return work;
    }

    /**
     * At shutdown: cancels every poller (on the owner, each cancel rebuilds the set, which closes the poller's spell
     * of runs and drops it), then empties the set.
     */
    public void cancelAll() {
        for (PollerImpl poller : all) {
            poller.cancel();
        }
        all = NONE;
        active = NONE;
        polls = NO_SUPPLIERS;
    }
}
