package io.quarkiverse.reactors.redis;

/**
 * Redis Cluster's key-to-slot map and this demo's slot-to-reactor map.
 * <p>
 * A key's slot is {@code CRC16(key) mod 16384}, or the CRC16 of its hash tag when the key holds a
 * non-empty {@code {...}}: the bytes between the first {@code '{'} and the first {@code '}'} after it,
 * exactly as Redis' {@code keyHashSlot}. The slots are split into {@code count} contiguous ranges, one per
 * reactor, in reactor order: reactor {@code i} owns {@code [i*16384/count, (i+1)*16384/count)}.
 * <p>
 * Immutable; any thread may call it.
 */
final class HashSlots {

    /** The number of hash slots of a Redis Cluster. */
    static final int SLOTS = 16384;

    private final int count;

    HashSlots(int count) {
        if (count < 1 || count > SLOTS) {
            throw new IllegalArgumentException(
                    "The reactor count must be in 1.." + SLOTS + " to split the hash slots, got " + count);
        }
        this.count = count;
    }

    /** @return the hash slot of {@code key}, in {@code 0..16383} */
    static int slot(byte[] key) {
        int open = indexOf(key, (byte) '{', 0);
        if (open >= 0) {
            int close = indexOf(key, (byte) '}', open + 1);
            // "{}" is no tag: Redis then hashes the whole key
            if (close > open + 1) {
                return Crc16.of(key, open + 1, close) & (SLOTS - 1);
            }
        }
        return Crc16.of(key, 0, key.length) & (SLOTS - 1);
    }

    /** @return the number of reactors the slots are split across */
    int count() {
        return count;
    }

    /** @return the reactor that owns {@code slot} */
    int owner(int slot) {
        // the largest i with first(i) <= slot; the estimate is off by at most one either way
        int i = (int) ((long) slot * count / SLOTS);
        while (i + 1 < count && first(i + 1) <= slot) {
            i++;
        }
        while (first(i) > slot) {
            i--;
        }
        return i;
    }

    /** @return the reactor that owns {@code key} */
    int ownerOf(byte[] key) {
        return owner(slot(key));
    }

    /** @return the first slot reactor {@code reactor} owns */
    int first(int reactor) {
        return (int) ((long) reactor * SLOTS / count);
    }

    /** @return the last slot reactor {@code reactor} owns (inclusive, as CLUSTER SLOTS reports it) */
    int last(int reactor) {
        return first(reactor + 1) - 1;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
