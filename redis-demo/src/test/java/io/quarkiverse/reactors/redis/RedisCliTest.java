package io.quarkiverse.reactors.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Debian's {@code redis-cli} in cluster mode ({@code -c}, it follows MOVED): from every reactor's port, a key
 * owned by every reactor goes round trip, and {@code --cluster check} accepts the topology.
 */
@QuarkusTest
class RedisCliTest {

    @Inject
    RedisServer server;

    private String cli(int port, String... command) throws Exception {
        String[] args = new String[command.length + 3];
        args[0] = "-c";
        args[1] = "-p";
        args[2] = String.valueOf(port);
        System.arraycopy(command, 0, args, 3, command.length);
        RedisTools.Result r = RedisTools.run("redis-cli", 30, args);
        assertEquals(0, r.exitCode(), "redis-cli " + String.join(" ", args) + ": " + r.output());
        return r.output().strip();
    }

    @Test
    void roundTripsFromEveryReactorsPortToEveryReactorsKeys() throws Exception {
        int n = server.count();
        assertEquals("OK", cli(server.plainPort(), "FLUSHALL"));
        for (int port = 0; port < n; port++) {
            int p = server.clusterPort(port);
            for (int owner = 0; owner < n; owner++) {
                String key = Keys.ownedBy(owner, n, "cli:" + port + ":");
                assertEquals("OK", cli(p, "SET", key, "from " + port));
                assertEquals("from " + port, cli(p, "GET", key));
                assertEquals("1", cli(p, "INCR", key + ":n"));
                // the plain port sees the same data: one keyspace, two ways in
                assertEquals("from " + port, cli(server.plainPort(), "GET", key));
            }
            assertTrue(cli(p, "INFO", "reactors").contains("serving_reactor:" + port), "served on reactor " + port);
        }
        assertEquals(String.valueOf(2 * n * n), cli(server.plainPort(), "DBSIZE"));
    }

    @Test
    void clusterCheckAcceptsTheTopology() throws Exception {
        RedisTools.Result r = RedisTools.run("redis-cli", 30, "--cluster", "check", "127.0.0.1:" + server.clusterPort(0));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("[OK] All 16384 slots covered."), r.output());
    }
}
