package io.quarkiverse.reactors.runtime.internal.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The key map is the documented function: owners computed by a plain transcription of the docs (bytes of the
 * key, MurmurHash3 x86 32-bit with seed 0, multiply-shift) agree with the code, and with the test vectors
 * published in the docs.
 */
class KeyMapTest {

    /** The docs' table of test vectors, which clients in other languages check themselves against. */
    static final Path VECTORS = Path.of("../docs/modules/ROOT/pages/includes/key-map-vectors.csv");

    /** MurmurHash3_x86_32 as the reference C code writes it, with a seed, over bytes. */
    static int murmur3(byte[] data, int seed) {
        int h = seed;
        int n = data.length / 4;
        for (int i = 0; i < n; i++) {
            int k = ByteBuffer.wrap(data, 4 * i, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
            k *= 0xcc9e2d51;
            k = Integer.rotateLeft(k, 15);
            k *= 0x1b873593;
            h ^= k;
            h = Integer.rotateLeft(h, 13);
            h = h * 5 + 0xe6546b64;
        }
        int k = 0;
        int tail = 4 * n;
        switch (data.length & 3) {
            case 3:
                k ^= (data[tail + 2] & 0xff) << 16;
            case 2:
                k ^= (data[tail + 1] & 0xff) << 8;
            case 1:
                k ^= data[tail] & 0xff;
                k *= 0xcc9e2d51;
                k = Integer.rotateLeft(k, 15);
                k *= 0x1b873593;
                h ^= k;
            default:
        }
        h ^= data.length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** The bytes of a key, as the docs specify them. */
    static byte[] documentedBytes(Object key) {
        if (key instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        if (key instanceof byte[] b) {
            return b;
        }
        if (key instanceof Number n) {
            return ByteBuffer.allocate(8).putLong(n.longValue()).array();
        }
        if (key instanceof UUID u) {
            return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
        }
        return ByteBuffer.allocate(4).putInt(key.hashCode()).array();
    }

    static int documentedOwner(Object key, int count) {
        long unsigned = murmur3(documentedBytes(key), 0) & 0xFFFF_FFFFL;
        return (int) ((unsigned * count) >>> 32);
    }

    @Test
    void referenceImplementationMatchesPublishedMurmur3Vectors() {
        // Vectors of MurmurHash3_x86_32 published with the algorithm (seeded), so the transcription above is the
        // real function and not only consistent with the code.
        assertEquals(0x00000000, murmur3(new byte[0], 0));
        assertEquals(0x514E28B7, murmur3(new byte[0], 1));
        assertEquals(0x81F16F39, murmur3(new byte[0], 0xffffffff));
        assertEquals(0x2362F9DE, murmur3(new byte[4], 0));
        assertEquals(0x5A97808A, murmur3("aaaa".getBytes(StandardCharsets.US_ASCII), 0x9747b28c));
        assertEquals(0x283E0130, murmur3("aaa".getBytes(StandardCharsets.US_ASCII), 0x9747b28c));
        assertEquals(0x5D211726, murmur3("aa".getBytes(StandardCharsets.US_ASCII), 0x9747b28c));
        assertEquals(0x7FA09EA6, murmur3("a".getBytes(StandardCharsets.US_ASCII), 0x9747b28c));
        assertEquals(0x24884CBA, murmur3("Hello, world!".getBytes(StandardCharsets.US_ASCII), 0x9747b28c));
        assertEquals(0x2FA826CD,
                murmur3("The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII), 0x9747b28c));
    }

    @Test
    void stringsHashTheirUtf8Bytes() {
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 20_000; i++) {
            int length = random.nextInt(0, 24);
            StringBuilder key = new StringBuilder();
            for (int c = 0; c < length; c++) {
                // mostly ASCII, some Latin-1, CJK, surrogate pairs and lone surrogates
                switch (random.nextInt(8)) {
                    case 0 -> key.append((char) random.nextInt(0x80, 0x800));
                    case 1 -> key.append((char) random.nextInt(0x4e00, 0x9fff));
                    case 2 -> key.appendCodePoint(random.nextInt(0x10000, 0x10ffff));
                    case 3 -> key.append((char) random.nextInt(0xd800, 0xe000));
                    default -> key.append((char) random.nextInt(0x20, 0x7f));
                }
            }
            String s = key.toString();
            assertEquals(murmur3(s.getBytes(StandardCharsets.UTF_8), 0), KeyMap.hash(s), s);
            for (int count : new int[] { 1, 2, 3, 7, 16, 128 }) {
                assertEquals(documentedOwner(s, count), KeyMap.ownerOf(s, count), s + " of " + count);
            }
        }
    }

    @Test
    void numbersBytesAndUuidsFollowTheDocumentedBytes() {
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < 20_000; i++) {
            long v = random.nextLong();
            byte[] bytes = new byte[random.nextInt(0, 40)];
            random.nextBytes(bytes);
            UUID uuid = new UUID(random.nextLong(), random.nextLong());
            for (Object key : List.of(v, (int) v, (short) v, (byte) v, uuid, bytes, new java.awt.Point((int) v, 3))) {
                for (int count : new int[] { 1, 2, 5, 64 }) {
                    assertEquals(documentedOwner(key, count), KeyMap.ownerOf(key, count), key + " of " + count);
                }
            }
        }
        assertEquals(KeyMap.ownerOf(42L, 16), KeyMap.ownerOf(42, 16), "an int and a long of one value share an owner");
    }

    @Test
    void ownerIsInRangeAndKeysSpreadEvenly() {
        int[] perReactor = new int[4];
        for (int i = 0; i < 40_000; i++) {
            perReactor[KeyMap.ownerOf("k" + i, 4)]++;
            perReactor[KeyMap.ownerOf(i, 4)]++;
        }
        for (int n : perReactor) {
            assertTrue(n > 18_000 && n < 22_000, java.util.Arrays.toString(perReactor));
        }
    }

    @Test
    void nullKeyIsRejectedWithAReason() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> KeyMap.ownerOf(null, 2));
        assertTrue(e.getMessage().contains("key must not be null"), e.getMessage());
    }

    @Test
    void publishedVectorsMatchTheCode() throws IOException {
        List<String> rows = Files.readAllLines(VECTORS).stream().filter(l -> !l.isBlank()).toList();
        assertEquals("type,key,murmur3_x86_32,owner of 2,owner of 3,owner of 4,owner of 16", rows.get(0));
        assertTrue(rows.size() > 10, "vectors: " + rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            Object key = switch (f[0]) {
                case "String" -> f[1];
                case "byte[]" -> HexFormat.of().parseHex(f[1]);
                case "long" -> Long.parseLong(f[1]);
                case "int" -> Integer.parseInt(f[1]);
                case "UUID" -> UUID.fromString(f[1]);
                default -> throw new AssertionError("unknown key type in " + row);
            };
            assertEquals(Integer.parseUnsignedInt(f[2].substring(2), 16), KeyMap.hash(key), row);
            assertEquals(Integer.parseUnsignedInt(f[2].substring(2), 16), murmur3(documentedBytes(key), 0), row);
            int[] counts = { 2, 3, 4, 16 };
            for (int c = 0; c < counts.length; c++) {
                assertEquals(Integer.parseInt(f[3 + c]), KeyMap.ownerOf(key, counts[c]), row + " of " + counts[c]);
            }
        }
    }

    /** Prints the vectors table (run by hand when adding rows; the test above keeps it honest). */
    public static void main(String[] args) {
        Object[][] keys = {
                { "String", "" }, { "String", "user-42" }, { "String", "user-1" }, { "String", "order-8" },
                { "String", "k1" }, { "String", "k10000" }, { "String", "abc" }, { "String", "héllo" },
                { "String", "日本" }, { "String", "😀" },
                { "byte[]", "" }, { "byte[]", "00" }, { "byte[]", "deadbeef" }, { "byte[]", "0102030405" },
                { "long", "0" }, { "long", "1" }, { "long", "42" }, { "long", "-1" }, { "long", "9223372036854775807" },
                { "int", "42" },
                { "UUID", "123e4567-e89b-12d3-a456-426614174000" },
        };
        System.out.println("type,key,murmur3_x86_32,owner of 2,owner of 3,owner of 4,owner of 16");
        for (Object[] k : keys) {
            Object key = switch ((String) k[0]) {
                case "String" -> k[1];
                case "byte[]" -> HexFormat.of().parseHex((String) k[1]);
                case "long" -> Long.parseLong((String) k[1]);
                case "int" -> Integer.parseInt((String) k[1]);
                default -> UUID.fromString((String) k[1]);
            };
            System.out.printf("%s,%s,0x%08x,%d,%d,%d,%d%n", k[0], k[1], KeyMap.hash(key), KeyMap.ownerOf(key, 2),
                    KeyMap.ownerOf(key, 3), KeyMap.ownerOf(key, 4), KeyMap.ownerOf(key, 16));
        }
    }
}
