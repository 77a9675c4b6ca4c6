package io.quarkiverse.reactors.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.TimerHandle;

/**
 * The keys one reactor owns: a plain {@link HashMap}, no lock, because only that reactor's thread touches it.
 * A key with a time to live has a one-shot timer on the same reactor that removes it when it expires; a
 * read also checks the deadline, so an expired key is never returned even when its timer runs late.
 * <p>
 * Not thread-safe: owned by reactor {@link #reactor()}; every method must be called on it.
 */
final class Keyspace {

    /**
     * A stored value; its deadline in {@link System#nanoTime()} terms, {@code 0} for none. A value written by
     * INCR and friends is kept as a {@code long} ({@code value == null}), as Redis keeps integers, so that
     * counting allocates nothing; it is formatted when read.
     */
    private static final class Entry {
        byte[] value;
        long number;
        long deadline;
        TimerHandle timer;

        Entry(byte[] value) {
            this.value = value;
        }

        byte[] bytes() {
            return value != null ? value : Long.toString(number).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final Reactor reactor;
    private final HashMap<Key, Entry> map = new HashMap<>();
    private int expiring;

    Keyspace(Reactor reactor) {
        this.reactor = reactor;
    }

    Reactor reactor() {
        return reactor;
    }

    /** @return the value, or {@code null} when the key is absent or expired */
    byte[] get(byte[] key) {
        Entry e = live(new Key(key));
        return e == null ? null : e.bytes();
    }

    boolean exists(byte[] key) {
        return live(new Key(key)) != null;
    }

    /**
     * Stores {@code value}. {@code ttlMillis > 0} sets a time to live, {@code 0} removes any, and
     * {@code -1} keeps the one the key has ({@code KEEPTTL}).
     */
    void set(byte[] key, byte[] value, long ttlMillis) {
        Key k = new Key(key);
        Entry e = live(k);
        if (e == null) {
            e = new Entry(value);
            map.put(k, e);
        } else {
            e.value = value;
        }
        if (ttlMillis >= 0) {
            expireIn(k, e, ttlMillis);
        }
    }

    boolean delete(byte[] key) {
        Key k = new Key(key);
        Entry e = live(k);
        if (e == null) {
            return false;
        }
        remove(k, e);
        return true;
    }

    /**
     * Adds {@code delta} to the integer stored at {@code key} (absent counts as 0), keeping its time to live.
     *
     * @throws IllegalArgumentException with Redis' error text when the value is not an integer or would overflow
     */
    long incrBy(byte[] key, long delta) {
        Key k = new Key(key);
        Entry e = live(k);
        long current = 0;
        if (e != null) {
            current = e.value == null ? e.number
                    : Commands.parseLong(e.value, "ERR value is not an integer or out of range");
        }
        long next;
        try {
            next = Math.addExact(current, delta);
        } catch (ArithmeticException overflow) {
            throw new IllegalArgumentException("ERR increment or decrement would overflow");
        }
        if (e == null) {
            e = new Entry(null);
            map.put(k, e);
        }
        e.value = null;
        e.number = next;
        return next;
    }

    /** Sets a time to live; a non-positive one deletes the key, as in Redis. @return whether the key exists */
    boolean expire(byte[] key, long ttlMillis) {
        Key k = new Key(key);
        Entry e = live(k);
        if (e == null) {
            return false;
        }
        if (ttlMillis <= 0) {
            remove(k, e);
        } else {
            expireIn(k, e, ttlMillis);
        }
        return true;
    }

    /** @return the milliseconds left, {@code -1} for a key without a time to live, {@code -2} for no key */
    long ttlMillis(byte[] key) {
        Entry e = live(new Key(key));
        if (e == null) {
            return -2;
        }
        if (e.deadline == 0) {
            return -1;
        }
        return Math.max(0, (e.deadline - System.nanoTime()) / 1_000_000);
    }

    /** @return the number of keys, expired ones whose timer has not run yet included (as Redis counts them) */
    int size() {
        return map.size();
    }

    /** @return the number of keys with a time to live */
    int expiring() {
        return expiring;
    }

    void clear() {
        for (Entry e : map.values()) {
            if (e.timer != null) {
                e.timer.cancel();
            }
        }
        map.clear();
        expiring = 0;
    }

    private Entry live(Key k) {
        Entry e = map.get(k);
        if (e != null && e.deadline != 0 && e.deadline - System.nanoTime() <= 0) {
            remove(k, e);
            return null;
        }
        return e;
    }

    private void expireIn(Key k, Entry e, long ttlMillis) {
        if (e.timer != null) {
            e.timer.cancel();
            e.timer = null;
            expiring--;
        }
        e.deadline = 0;
        if (ttlMillis > 0) {
            e.deadline = System.nanoTime() + ttlMillis * 1_000_000;
            if (e.deadline == 0) {
                e.deadline = 1; // 0 means "no deadline"
            }
            e.timer = reactor.timer(Duration.ofMillis(ttlMillis), () -> expired(k, e));
            expiring++;
        }
    }

    /** The timer of {@code e} ran: remove it unless the key was deleted or replaced meanwhile. */
    private void expired(Key k, Entry e) {
        if (map.get(k) == e) {
            e.timer = null; // a fired one-shot timer needs no cancel
            expiring--;
            map.remove(k);
        }
    }

    private void remove(Key k, Entry e) {
        map.remove(k);
        if (e.timer != null) {
            e.timer.cancel();
            e.timer = null;
            expiring--;
        }
    }
}
