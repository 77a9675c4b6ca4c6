package io.quarkiverse.reactors.redis;

import java.util.Arrays;

/**
 * A key as a {@link java.util.HashMap} key: Redis keys are binary, so equality is on the bytes.
 * Immutable; the byte array is owned by the key once created.
 */
final class Key {

    private final byte[] bytes;
    private final int hash;

    Key(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Key k && k.hash == hash && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
