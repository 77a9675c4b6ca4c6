package io.quarkiverse.reactors.redis;

import java.nio.charset.StandardCharsets;

/** Test keys chosen by the slot map: a key that a given reactor owns. */
final class Keys {

    private Keys() {
    }

    /** @return the first key {@code prefix + n} (n = 0, 1, ...) that {@code reactor} owns among {@code count} */
    static String ownedBy(int reactor, int count, String prefix) {
        HashSlots slots = new HashSlots(count);
        for (int n = 0;; n++) {
            String key = prefix + n;
            if (slots.ownerOf(key.getBytes(StandardCharsets.UTF_8)) == reactor) {
                return key;
            }
        }
    }
}
