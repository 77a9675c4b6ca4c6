package io.quarkiverse.reactors.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Debian's {@code redis-benchmark --cluster} against the cluster ports (a small, bounded run: this checks that
 * it works, it measures nothing), then the keys it wrote are on every node.
 */
@QuarkusTest
class RedisBenchmarkTest {

    @Inject
    RedisServer server;

    @Test
    void clusterModeRunsWithoutErrors() throws Exception {
        try (RespClient c = new RespClient(server.plainPort())) {
            assertEquals("OK", c.call("FLUSHALL"));
        }
        for (String pipeline : new String[] { "1", "16" }) {
            RedisTools.Result r = RedisTools.run("redis-benchmark", 120, "--cluster", "-h", "127.0.0.1", "-p",
                    String.valueOf(server.clusterPort(0)), "-t", "set,get,incr", "-n", "2000", "-c", "10", "-r", "1000",
                    "-P", pipeline, "--csv");
            assertEquals(0, r.exitCode(), r.output());
            String out = r.output().toLowerCase(Locale.ROOT);
            assertFalse(out.contains("error"), r.output());
            assertTrue(out.contains("cluster has " + server.count() + " master nodes"), r.output());
            for (String test : new String[] { "\"set\"", "\"get\"", "\"incr\"" }) {
                assertTrue(out.contains(test), test + " missing from: " + r.output());
            }
        }
        for (int node = 0; node < server.count(); node++) {
            try (RespClient c = new RespClient(server.clusterPort(node))) {
                long keys = (Long) c.call("DBSIZE");
                assertTrue(keys > 0, "redis-benchmark wrote no key on node " + node);
            }
        }
    }
}
