package io.quarkiverse.reactors;

/**
 * A set of channel readiness conditions, for {@link Reactor#watch watches}: what a watch waits for
 * ({@link #READ}, {@link #WRITE}, both, or {@link #NONE} to suspend it) and what a
 * {@link WatchHandler} is told is ready. {@link #ERROR} and {@link #HANG_UP} are only ever reported:
 * a watch receives them whether it asked or not, as with {@code epoll}.
 * <p>
 * Immutable; the sixteen possible sets are shared constants, so combining and reporting them allocates nothing.
 */
public final class Interest {

    private static final int READ_BIT = 1;
    private static final int WRITE_BIT = 2;
    private static final int ERROR_BIT = 4;
    private static final int HANG_UP_BIT = 8;
    private static final Interest[] ALL = new Interest[16];
    static {
        for (int bits = 0; bits < ALL.length; bits++) {
            ALL[bits] = new Interest(bits);
        }
    }

    /** Nothing: a watch updated to this set is suspended until updated again. */
    public static final Interest NONE = ALL[0];
    /** The channel can be read without blocking (for a server socket: a connection can be accepted). */
    public static final Interest READ = ALL[READ_BIT];
    /** The channel can be written without blocking (for a connecting socket: the connection can be finished). */
    public static final Interest WRITE = ALL[WRITE_BIT];
    /** Both {@link #READ} and {@link #WRITE}. */
    public static final Interest READ_WRITE = ALL[READ_BIT | WRITE_BIT];
    /** Reported only: the channel's registration failed; the watch has ended. */
    public static final Interest ERROR = ALL[ERROR_BIT];
    /** Reported only: the channel was closed while watched; the watch has ended. */
    public static final Interest HANG_UP = ALL[HANG_UP_BIT];

    private final int bits;

    private Interest(int bits) {
        this.bits = bits;
    }

    /** @return the union of this set and {@code other} */
    public Interest and(Interest other) {
        return ALL[bits | other.bits];
    }

    /** @return this set without the conditions of {@code other} */
    public Interest without(Interest other) {
        return ALL[bits & ~other.bits];
    }

    /** @return the conditions that are in both this set and {@code other} */
    public Interest common(Interest other) {
        return ALL[bits & other.bits];
    }

    /** @return whether every condition of {@code other} is in this set (true for {@link #NONE}) */
    public boolean contains(Interest other) {
        return (bits & other.bits) == other.bits;
    }

    /** @return whether this set and {@code other} share a condition */
    public boolean overlaps(Interest other) {
        return (bits & other.bits) != 0;
    }

    /** @return whether this is {@link #NONE} */
    public boolean isEmpty() {
        return bits == 0;
    }

    @Override
    public String toString() {
        if (bits == 0) {
            return "NONE";
        }
        StringBuilder s = new StringBuilder();
        String[] names = { "READ", "WRITE", "ERROR", "HANG_UP" };
        for (int i = 0; i < names.length; i++) {
            if ((bits & (1 << i)) != 0) {
                s.append(s.length() == 0 ? "" : "|").append(names[i]);
            }
        }
        return s.toString();
    }
}
