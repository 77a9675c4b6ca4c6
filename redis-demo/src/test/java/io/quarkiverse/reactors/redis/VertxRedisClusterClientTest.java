package io.quarkiverse.reactors.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;

/**
 * The Vert.x Redis client (from Maven Central, nothing of this project) in cluster mode, on its own Vert.x
 * instance: it reads CLUSTER SLOTS from one node, then sends each key to its owner itself.
 */
@QuarkusTest
class VertxRedisClusterClientTest {

    @Inject
    RedisServer server;

    private Vertx vertx;
    private Redis client;
    private RedisAPI redis;

    @BeforeEach
    void connect() throws Exception {
        try (RespClient c = new RespClient(server.plainPort())) {
            assertEquals("OK", c.call("FLUSHALL"));
        }
        vertx = Vertx.vertx();
        client = Redis.createClient(vertx, new RedisOptions().setType(RedisClientType.CLUSTER)
                .addConnectionString("redis://127.0.0.1:" + server.clusterPort(0))
                .setMaxPoolSize(4).setMaxPoolWaiting(64));
        redis = RedisAPI.api(client);
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        await(vertx.close());
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void scriptedExchange() throws Exception {
        int n = server.count();
        List<String> keys = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            keys.add(Keys.ownedBy(r, n, "vertx:"));
        }
        for (String k : keys) {
            assertEquals("OK", await(redis.set(List.of(k, "v-" + k))).toString());
            assertEquals("v-" + k, await(redis.get(k)).toString());
            assertEquals(1L, await(redis.incr(k + ":count")).toLong());
            assertEquals(6L, await(redis.incrby(k + ":count", "5")).toLong());
            assertEquals(1L, await(redis.expire(List.of(k, "100"))).toLong());
            long ttl = await(redis.ttl(k)).toLong();
            assertTrue(ttl > 90 && ttl <= 100, "TTL " + ttl);
        }
        // every node holds the keys of its own slots
        for (int r = 0; r < n; r++) {
            try (RespClient c = new RespClient(server.clusterPort(r))) {
                assertEquals(2L, c.call("DBSIZE"), "keys on node " + r);
            }
        }
        // multi-key commands within one slot, by hash tag
        assertEquals("OK", await(redis.mset(List.of("{user:1}name", "ada", "{user:1}lang", "java"))).toString());
        Response both = await(redis.mget(List.of("{user:1}name", "{user:1}lang", "{user:1}none")));
        assertEquals("ada", both.get(0).toString());
        assertEquals("java", both.get(1).toString());
        assertNull(both.get(2));
        assertEquals(2L, await(redis.exists(List.of("{user:1}name", "{user:1}lang"))).toLong());
        assertEquals(2L, await(redis.del(List.of("{user:1}name", "{user:1}lang"))).toLong());
        assertNull(await(redis.get("{user:1}name")));
        assertEquals("PONG", await(redis.ping(List.of())).toString());
    }
}
