package io.quarkiverse.reactors.runtime.internal.ingress;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The published key map: which reactor owns a key. A key is turned into bytes, the bytes are hashed with
 * MurmurHash3 x86 32-bit (seed 0), and the unsigned hash is scaled onto {@code [0, count)} by a
 * multiply-shift. Every step is specified byte for byte (see the key-map section of the docs), so a client in
 * any language can compute a key's owner and send the request to that reactor's shard port.
 * <p>
 * The bytes of a key:
 * <ul>
 * <li>{@code String}: its UTF-8 encoding (as {@code String.getBytes(UTF_8)}: an unpaired surrogate becomes
 * {@code '?'});</li>
 * <li>{@code byte[]}: the array itself;</li>
 * <li>{@code Long}, {@code Integer}, {@code Short}, {@code Byte}: the value as a signed 64-bit two's-complement
 * integer, 8 bytes big-endian (so {@code 42} and {@code 42L} have one owner);</li>
 * <li>{@code UUID}: its 16 bytes, most significant long first, each big-endian;</li>
 * <li>any other key: {@code key.hashCode()} as 4 bytes big-endian. Java only, and stable across JVMs only where
 * {@code hashCode} is specified: not for records, enums or identity hashes. Prefer one of the types above.</li>
 * </ul>
 * Stateless and thread-safe; allocation-free for ASCII strings and numbers.
 */
public final class KeyMap {

    /** The hash's name, as {@code GET /q/reactors/shards} reports it. */
    public static final String HASH_NAME = "murmur3_x86_32";

    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private KeyMap() {
    }

    /**
     * @return the owner of {@code key} among {@code count} reactors, in {@code [0, count)}
     * @throws NullPointerException when {@code key} is null
     */
    public static int ownerOf(Object key, int count) {
        if (key == null) {
            throw new NullPointerException("key must not be null: a reactor is chosen by the key's bytes");
        }
        return scale(hash(key), count);
    }

    /** Maps an unsigned 32-bit hash onto {@code [0, count)} without a division: {@code (h * count) >>> 32}. */
    public static int scale(int hash, int count) {
        return (int) (((hash & 0xFFFF_FFFFL) * count) >>> 32);
    }

    /** @return the 32-bit MurmurHash3 of the key's bytes, as specified in the class comment */
    public static int hash(Object key) {
        if (key instanceof String s) {
            return string(s);
        }
        if (key instanceof byte[] bytes) {
            return bytes(bytes);
        }
        if (key instanceof Long || key instanceof Integer || key instanceof Short || key instanceof Byte) {
            return int64(((Number) key).longValue());
        }
        if (key instanceof UUID uuid) {
            int h = mixLong(0, uuid.getMostSignificantBits());
            h = mixLong(h, uuid.getLeastSignificantBits());
            return finish(h, 16);
        }
        int v = key.hashCode();
        return finish(mixBlock(0, Integer.reverseBytes(v)), 4);
    }

    /** MurmurHash3 x86 32-bit, seed 0, of {@code bytes}. */
    public static int bytes(byte[] bytes) {
        int h = 0;
        int blocks = bytes.length & ~3;
        for (int i = 0; i < blocks; i += 4) {
            h = mixBlock(h, (bytes[i] & 0xff) | (bytes[i + 1] & 0xff) << 8 | (bytes[i + 2] & 0xff) << 16
                    | (bytes[i + 3] & 0xff) << 24);
        }
        int tail = 0;
        for (int i = bytes.length - 1; i >= blocks; i--) {
            tail = tail << 8 | (bytes[i] & 0xff);
        }
        return finish(mixTail(h, tail, bytes.length - blocks), bytes.length);
    }

    /** The UTF-8 bytes of {@code s}, hashed; ASCII strings are read char by char without encoding them. */
    static int string(String s) {
        int length = s.length();
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) >= 0x80) {
                return bytes(s.getBytes(StandardCharsets.UTF_8));
            }
        }
        int h = 0;
        int blocks = length & ~3;
        for (int i = 0; i < blocks; i += 4) {
            h = mixBlock(h, s.charAt(i) | s.charAt(i + 1) << 8 | s.charAt(i + 2) << 16 | s.charAt(i + 3) << 24);
        }
        int tail = 0;
        for (int i = length - 1; i >= blocks; i--) {
            tail = tail << 8 | s.charAt(i);
        }
        return finish(mixTail(h, tail, length - blocks), length);
    }

    /** The 8 big-endian bytes of {@code v}, hashed. */
    static int int64(long v) {
        return finish(mixLong(0, v), 8);
    }

    /** Mixes the 8 big-endian bytes of {@code v}: two blocks, each read little-endian as MurmurHash3 reads. */
    private static int mixLong(int h, long v) {
        h = mixBlock(h, Integer.reverseBytes((int) (v >>> 32)));
        return mixBlock(h, Integer.reverseBytes((int) v));
    }

    private static int mixBlock(int h, int k) {
        k *= C1;
        k = Integer.rotateLeft(k, 15);
        k *= C2;
        h ^= k;
        h = Integer.rotateLeft(h, 13);
        return h * 5 + 0xe6546b64;
    }

    private static int mixTail(int h, int tail, int tailLength) {
        if (tailLength == 0) {
            return h;
        }
        int k = tail * C1;
        k = Integer.rotateLeft(k, 15);
        k *= C2;
        return h ^ k;
    }

    private static int finish(int h, int length) {
        h ^= length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
