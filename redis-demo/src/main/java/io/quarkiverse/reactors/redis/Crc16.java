package io.quarkiverse.reactors.redis;

/**
 * CRC16-CCITT in its XMODEM form (polynomial 0x1021, initial value 0, no reflection): the checksum Redis
 * Cluster takes of a key to find its hash slot. {@code crc16("123456789") == 0x31C3}, the test vector of
 * Redis' own {@code crc16.c}.
 * <p>
 * Stateless; any thread may call it.
 */
final class Crc16 {

    /** One entry per byte value, so each key byte costs one lookup instead of eight shifts. */
    private static final int[] TABLE = new int[256];

    static {
        for (int b = 0; b < 256; b++) {
            int crc = b << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            TABLE[b] = crc & 0xFFFF;
        }
    }

    private Crc16() {
    }

    /** @return the CRC16 of {@code bytes[from..to)}, in {@code 0..0xFFFF} */
    static int of(byte[] bytes, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ bytes[i]) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }
}
