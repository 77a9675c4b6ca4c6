package io.quarkiverse.reactors.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** CRC16 and the key-to-slot map against Redis' own vectors, and the split of the slots across reactors. */
class HashSlotsTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void crc16MatchesRedisTestVector() {
        // redis/src/crc16.c: "Output for "123456789" : 31C3"
        assertEquals(0x31C3, Crc16.of(b("123456789"), 0, 9));
        assertEquals(0, Crc16.of(new byte[0], 0, 0));
    }

    @Test
    void slotsMatchRedis() {
        // values of CLUSTER KEYSLOT on a real Redis
        assertEquals(12182, HashSlots.slot(b("foo")));
        assertEquals(5061, HashSlots.slot(b("bar")));
        assertEquals(866, HashSlots.slot(b("hello")));
        assertEquals(0, HashSlots.slot(b("")));
    }

    @Test
    void hashTagsFollowTheClusterSpecification() {
        // examples of the Redis Cluster specification, "Hash tags"
        assertEquals(HashSlots.slot(b("user1000")), HashSlots.slot(b("{user1000}.following")));
        assertEquals(HashSlots.slot(b("user1000")), HashSlots.slot(b("{user1000}.followers")));
        assertEquals(HashSlots.slot(b("bar")), HashSlots.slot(b("foo{bar}{zap}")));
        assertEquals(HashSlots.slot(b("{bar")), HashSlots.slot(b("foo{{bar}}zap")));
        // "{}" is no tag: the whole key is hashed
        assertEquals(Crc16.of(b("foo{}{bar}"), 0, 10) & 16383, HashSlots.slot(b("foo{}{bar}")));
        // an unclosed brace is no tag either
        assertEquals(Crc16.of(b("foo{bar"), 0, 7) & 16383, HashSlots.slot(b("foo{bar")));
    }

    @Test
    void slotsSplitIntoContiguousRangesOnePerReactor() {
        for (int count : new int[] { 1, 2, 3, 7, 16, 1000, 16384 }) {
            HashSlots slots = new HashSlots(count);
            assertEquals(0, slots.first(0));
            assertEquals(16383, slots.last(count - 1));
            int expected = 0;
            for (int slot = 0; slot < 16384; slot++) {
                if (expected + 1 < count && slot == slots.first(expected + 1)) {
                    expected++;
                }
                assertEquals(expected, slots.owner(slot), "owner of slot " + slot + " with " + count + " reactors");
            }
            assertEquals(count - 1, expected);
        }
        assertEquals(8191, new HashSlots(2).last(0));
    }

    @Test
    void reactorCountOutsideTheSlotRangeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HashSlots(16385));
        assertEquals("The reactor count must be in 1..16384 to split the hash slots, got 16385", e.getMessage());
    }
}
