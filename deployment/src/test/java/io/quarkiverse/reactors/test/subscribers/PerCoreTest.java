package io.quarkiverse.reactors.test.subscribers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.PerCore;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/** @PerCore: one instance per reactor, created there lazily, destroyed there at shutdown, unusable elsewhere. */
public class PerCoreTest {

    static final String KEY = PerCoreTest.class.getName();

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2, Shard.class)
            .setAfterUndeployListener(PerCoreTest::preDestroyRanOnEachReactor);

    @PerCore
    public static class Shard {
        final Map<String, Long> map = new HashMap<>();
        final String createdOn = Thread.currentThread().getName();

        long increment(String key) {
            return map.merge(key, 1L, Long::sum);
        }

        long get(String key) {
            return map.getOrDefault(key, 0L);
        }

        String createdOn() {
            return createdOn;
        }

        Shard self() {
            return this;
        }

        @PreDestroy
        void destroy() {
            @SuppressWarnings("unchecked")
            Map<String, String> destroyed = (Map<String, String>) System.getProperties()
                    .computeIfAbsent(KEY, k -> new ConcurrentHashMap<String, String>());
            destroyed.put(createdOn, Thread.currentThread().getName());
        }
    }

    @Inject
    Reactors reactors;

    @Inject
    Shard shard;

    @Test
    void oneInstancePerReactorCreatedOnIt() {
        Shard on0 = Await.result(reactors.reactor(0).callAsync(() -> shard.self()));
        Shard on1 = Await.result(reactors.reactor(1).callAsync(() -> shard.self()));
        assertNotSame(on0, on1);
        assertSame(on0, Await.result(reactors.reactor(0).callAsync(() -> shard.self())), "same instance on the same reactor");
        for (int id = 0; id < 2; id++) {
            String thread = Await.result(reactors.reactor(id).callAsync(() -> Thread.currentThread().getName()));
            assertEquals(thread, Await.result(reactors.reactor(id).callAsync(() -> shard.createdOn())));
        }
    }

    @Test
    void perCoreStateNeedsNoLock() {
        for (int i = 0; i < 100; i++) {
            reactors.reactor(i % 2).send(() -> shard.increment("k"));
        }
        long total = reactors.mapReduce(() -> shard.get("k"), Long::sum).await().atMost(Await.TIMEOUT);
        assertEquals(100, total, "each reactor counted its own 50, unsynchronised");
        long sum = Await.result(reactors.reactor(0).callAsync(() -> shard.increment("k")))
                + Await.result(reactors.reactor(1).callAsync(() -> shard.increment("k")));
        assertEquals(102, sum, "50 + 1 on each reactor");
    }

    @Test
    void offAReactorTheProxyNamesTheThread() {
        ContextNotActiveException e = assertThrows(ContextNotActiveException.class, () -> shard.increment("x"));
        assertTrue(e.getMessage().contains("thread '" + Thread.currentThread().getName() + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(Shard.class.getName()), e.getMessage());
    }

    @SuppressWarnings("unchecked")
    static void preDestroyRanOnEachReactor() {
        Map<String, String> destroyed = (Map<String, String>) System.getProperties().remove(KEY);
        assertTrue(destroyed != null, "@PreDestroy ran");
        assertEquals(2, destroyed.size(), "one instance per reactor was destroyed: " + destroyed);
        destroyed.forEach((createdOn, destroyedOn) -> assertEquals(createdOn, destroyedOn,
                "destroyed on the reactor that created it"));
        assertTrue(List.copyOf(destroyed.keySet()).stream().allMatch(t -> t.startsWith("vert.x-eventloop-thread-")));
    }
}
