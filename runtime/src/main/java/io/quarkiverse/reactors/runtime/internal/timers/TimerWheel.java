package io.quarkiverse.reactors.runtime.internal.timers;

/**
 * A hashed timer wheel: {@code slots} doubly-linked lists, one per tick, reused
 * every revolution. Scheduling and cancelling are O(1) whatever the number of live timers; expiring a
 * tick walks that slot only, where entries due in a later revolution stay, so the cost of a revolution
 * is one look at each live entry.
 * <p>
 * Not thread-safe: owned by one reactor's thread (other threads hop to it).
 */
public final class TimerWheel {

    /** The tick is a power of two nanoseconds: a tick number is a shift, not a division. */
    private final int tickShift;
    private final int mask;
    private final WheelEntry[] heads;
    /** Per slot, a lower bound of its entries' deadlines (exact after each walk of the slot). */
    private final long[] slotMin;
    private final long origin;
    /** The next tick to expire; every tick before it has been processed. */
    private long currentTick;
    private int size;
    /** Linked entries that are the user's timers: what stats() reports, counted where they are linked. */
    private int userTimers;
    /** Entries taken off the wheel for the expiry in progress, run after the walk (callbacks may reschedule). */
    private WheelEntry[] expiring = new WheelEntry[64];

    /**
     * @param tickNanos the resolution, rounded up to a power of two nanoseconds (100 us becomes 131 us)
     */
    public TimerWheel(long tickNanos, int slots, long now) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, was " + slots);
        }
        this.tickShift = 64 - Long.numberOfLeadingZeros(Math.max(1, tickNanos - 1));
        this.mask = slots - 1;
        this.heads = new WheelEntry[slots];
        this.slotMin = new long[slots];
        java.util.Arrays.fill(slotMin, Long.MAX_VALUE);
        this.origin = now;
        this.currentTick = 0;
    }

    public int size() {
        return size;
    }

    /** @return the linked entries that are user timers ({@link WheelEntry#userTimer}) */
    public int userTimers() {
        return userTimers;
    }

    /** Links {@code entry}, which must not be scheduled, to fire at {@code deadline}. */
    public void schedule(WheelEntry entry, long deadline) {
        if (entry.slot >= 0) {
            cancel(entry); // re-armed while linked: move it, never link a node twice
        }
        entry.due = false;
        entry.deadline = deadline;
        long tick = tickOf(deadline);
        if (tick < currentTick) {
            tick = currentTick; // already due: fire at the next expiry
        }
        int slot = (int) (tick & mask);
        WheelEntry head = heads[slot];
        entry.prev = null;
        entry.next = head;
        if (head != null) {
            head.prev = entry;
        }
        heads[slot] = entry;
        entry.slot = slot;
        if (deadline < slotMin[slot]) {
            slotMin[slot] = deadline;
        }
        size++;
        if (entry.userTimer) {
            userTimers++;
        }
    }

    /** Unlinks {@code entry} if it is scheduled. */
    public void cancel(WheelEntry entry) {
        entry.due = false;
        int slot = entry.slot;
        if (slot < 0) {
            return;
        }
        WheelEntry prev = entry.prev;
        WheelEntry next = entry.next;
        if (prev == null) {
            heads[slot] = next;
            if (next == null) {
                slotMin[slot] = Long.MAX_VALUE;
            }
        } else {
            prev.next = next;
        }
        if (next != null) {
            next.prev = prev;
        }
        entry.prev = null;
        entry.next = null;
        entry.slot = -1;
        size--;
        if (entry.userTimer) {
            userTimers--;
        }
    }

    /**
     * Fires every entry whose deadline is at or before {@code now}.
     *
     * @return the work the fired entries reported
     */
    public int expire(long now) {
        if (size == 0) {
            currentTick = Math.max(currentTick, tickOf(now));
            return 0;
        }
        long nowTick = tickOf(now);
        if (nowTick < currentTick) {
            return 0;
        }
        // After a long sleep, one revolution visits every slot: no need to walk the same slot twice.
        long last = Math.min(nowTick, currentTick + mask);
        int count = 0;
        for (long tick = currentTick; tick <= last; tick++) {
            int slot = (int) (tick & mask);
            if (slotMin[slot] > now) {
                continue; // nothing due here this revolution
            }
            long remainingMin = Long.MAX_VALUE;
            WheelEntry entry = heads[slot];
            while (entry != null) {
                WheelEntry next = entry.next;
                if (entry.deadline <= now) {
                    cancel(entry);
                    entry.due = true;
                    if (count == expiring.length) {
                        expiring = java.util.Arrays.copyOf(expiring, count * 2);
                    }
                    expiring[count++] = entry;
                } else if (entry.deadline < remainingMin) {
                    remainingMin = entry.deadline;
                }
                entry = next;
            }
            slotMin[slot] = remainingMin;
        }
        // The current tick may still hold entries due later in this tick: walk it again next time.
        currentTick = nowTick;
        int work = 0;
        for (int i = 0; i < count; i++) {
            WheelEntry entry = expiring[i];
            expiring[i] = null;
            if (entry.due) { // not cancelled or re-armed by an earlier callback of this expiry
                entry.due = false;
                work += entry.expire(now);
            }
        }
        return work;
    }

    /**
     * @return a time at or before the earliest deadline, {@code Long.MAX_VALUE} when empty. It reads one
     *         bound per slot, not every entry; a bound can be stale after a cancel, which only makes the
     *         reactor wake early and wait again.
     */
    public long nextWakeUp() {
        if (size == 0) {
            return Long.MAX_VALUE;
        }
        long earliest = Long.MAX_VALUE;
        for (long bound : slotMin) {
            if (bound < earliest) {
                earliest = bound;
            }
        }
        return earliest;
    }

    /**
     * Unlinks every entry, handing each to {@code onRemoved}; called from inside an expiry, also the entries still
     * waiting in it to fire (they were unlinked for the expiry, but are live: they must be handed over, not lost).
     */
    public void clear(java.util.function.Consumer<WheelEntry> onRemoved) {
        for (WheelEntry waiting : expiring) {
            if (waiting != null && waiting.due) {
                waiting.due = false; // cleared from inside an expiry: the entries still waiting there must not fire
                onRemoved.accept(waiting);
            }
        }
        for (int slot = 0; slot < heads.length; slot++) {
            WheelEntry entry;
            while ((entry = heads[slot]) != null) {
                cancel(entry);
                onRemoved.accept(entry);
            }
        }
    }

    private long tickOf(long time) {
        long elapsed = time - origin;
        return elapsed <= 0 ? 0 : elapsed >>> tickShift;
    }
}
