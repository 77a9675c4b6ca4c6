package io.quarkiverse.reactors.runtime.internal.timers;

/**
 * Something the {@link TimerWheel} fires at a deadline: a timer, or the tick of a periodic poller.
 * The entry is its own list node, so linking and unlinking allocate nothing and cost O(1).
 * <p>
 * Not thread-safe: owned by one reactor's thread.
 */
public abstract class WheelEntry {

    /** Whether the wheel counts this entry among the user's timers in stats (not pollers, not housekeeping). */
    final boolean userTimer;

    /** Absolute deadline, in {@link System#nanoTime()} units. */
    protected long deadline;
    WheelEntry prev;
    WheelEntry next;
    /** Slot index while linked into the wheel, -1 otherwise. */
    int slot = -1;
    /**
     * Set while the entry waits in the wheel's list of due entries; a cancel or a re-schedule during that
     * expiry clears it, so that the entry is not fired for a deadline it no longer has.
     */
    boolean due;

    protected WheelEntry(boolean userTimer) {
        this.userTimer = userTimer;
    }

    boolean scheduled() {
        return slot >= 0;
    }

    /**
     * Called on the owning reactor once the deadline passed, after the entry was unlinked.
     *
     * @return the work done, counted as busy for the reactor's idle strategy
     */
    public abstract int expire(long now);
}
