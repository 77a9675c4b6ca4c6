package io.quarkiverse.reactors.test.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkus.test.QuarkusUnitTest;

/**
 * forKey and ownerOf steer a key to the same reactor every time, by the published key map, spread keys evenly, and reject null.
 */
public class ForKeyTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideRuntimeConfigKey("quarkus.reactors.count", "4");

    @Inject
    Reactors reactors;

    @Test
    void stableForAGivenKey() {
        for (int i = 0; i < 1000; i++) {
            String key = "user-" + i;
            Reactor owner = reactors.forKey(key);
            assertSame(owner, reactors.forKey(new String(key.toCharArray())), key);
        }
    }

    @Test
    void stableAcrossReleases() {
        // Pinned outputs of the published key map (docs: key-map-vectors.csv): changing them moves users' data
        // between cores and breaks shard-aware clients.
        assertEquals(3, reactors.forKey("user-1").id());
        assertEquals(3, reactors.forKey("user-2").id());
        assertEquals(0, reactors.forKey("user-3").id());
        assertEquals(2, reactors.forKey("user-42").id());
        assertEquals(3, reactors.forKey("order-8").id());
        assertEquals(1, reactors.forKey(0).id());
        assertEquals(1, reactors.forKey(1L).id());
    }

    @Test
    void ownerOfNamesForKeysReactor() {
        for (int i = 0; i < 1000; i++) {
            assertEquals(reactors.forKey("user-" + i).id(), reactors.ownerOf("user-" + i));
            assertEquals(reactors.forKey((long) i).id(), reactors.ownerOf(i));
        }
        assertEquals(2, reactors.ownerOf("user-42"));
        NullPointerException e = assertThrows(NullPointerException.class, () -> reactors.ownerOf(null));
        assertTrue(e.getMessage().contains("key must not be null"), e.getMessage());
    }

    @Test
    void spreadsConsecutiveKeysEvenly() {
        int[] perReactor = new int[4];
        for (int i = 0; i < 40_000; i++) {
            perReactor[reactors.forKey(i).id()]++;
        }
        for (int n : perReactor) {
            assertTrue(n > 9_000 && n < 11_000, java.util.Arrays.toString(perReactor));
        }
    }

    @Test
    void nullKeyIsRejected() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> reactors.forKey(null));
        assertTrue(e.getMessage().contains("key must not be null"), e.getMessage());
    }
}
