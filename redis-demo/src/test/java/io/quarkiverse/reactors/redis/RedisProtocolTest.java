package io.quarkiverse.reactors.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The demo over raw sockets: command semantics, routing (hops on the plain port, MOVED and CROSSSLOT on the
 * cluster ports), pipelined replies in order, expiry on the reactors' timers, and malformed input.
 */
@QuarkusTest
class RedisProtocolTest {

    @Inject
    RedisServer server;

    @BeforeEach
    void flush() throws Exception {
        try (RespClient c = new RespClient(server.plainPort())) {
            assertEquals("OK", c.call("FLUSHALL"));
        }
    }

    @Test
    void stringCommandsOnThePlainPort() throws Exception {
        try (RespClient c = new RespClient(server.plainPort())) {
            assertEquals("PONG", c.call("PING"));
            assertEquals("hi", c.call("PING", "hi"));
            assertEquals("echo me", c.call("ECHO", "echo me"));
            assertEquals(null, c.call("GET", "k"));
            assertEquals("OK", c.call("SET", "k", "v"));
            assertEquals("v", c.call("GET", "k"));
            assertEquals(null, c.call("SET", "k", "w", "NX"));
            assertEquals("v", c.call("GET", "k"));
            assertEquals("OK", c.call("SET", "k", "w", "XX"));
            assertEquals(null, c.call("SET", "absent", "w", "XX"));
            assertEquals("w", c.call("SET", "k", "x", "GET"));
            assertEquals(1L, c.call("INCR", "n"));
            assertEquals(11L, c.call("INCRBY", "n", "10"));
            assertEquals(10L, c.call("DECR", "n"));
            assertEquals("10", c.call("GET", "n"), "a counter reads back as its decimal text");
            assertEquals(List.of("10"), c.call("MGET", "n"));
            assertEquals("OK", c.call("SET", "n", "-7"));
            assertEquals(-9L, c.call("DECRBY", "n", "2"));
            assertEquals("-9", c.call("SET", "n", "10", "GET"));
            assertEquals(new RespClient.Error("ERR value is not an integer or out of range"), c.call("INCR", "k"));
            assertEquals("OK", c.call("SET", "max", String.valueOf(Long.MAX_VALUE)));
            assertEquals(new RespClient.Error("ERR increment or decrement would overflow"), c.call("INCR", "max"));
            assertEquals(new RespClient.Error("ERR syntax error"), c.call("SET", "k", "v", "NX", "XX"));
            assertEquals(new RespClient.Error("ERR invalid expire time in 'set' command"), c.call("SET", "k", "v", "EX", "0"));
            assertEquals(new RespClient.Error("ERR wrong number of arguments for 'get' command"), c.call("GET"));
            assertEquals(new RespClient.Error("ERR wrong number of arguments for 'mset' command"),
                    c.call("MSET", "a", "1", "b"));
            assertEquals(3L, c.call("DBSIZE"));
            assertEquals(2L, c.call("EXISTS", "k", "n", "nothing"));
            assertEquals(2L, c.call("DEL", "k", "n", "nothing"));
            assertEquals(1L, c.call("DBSIZE"));
        }
    }

    @Test
    void multiKeyCommandsOnThePlainPortSpanReactors() throws Exception {
        int n = server.count();
        List<String> keys = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            keys.add(Keys.ownedBy(r, n, "multi:"));
        }
        try (RespClient c = new RespClient(server.plainPort())) {
            List<String> mset = new ArrayList<>(List.of("MSET"));
            for (String k : keys) {
                mset.add(k);
                mset.add("value of " + k);
            }
            assertEquals("OK", c.call(mset.toArray(new String[0])));
            List<String> mget = new ArrayList<>(List.of("MGET", "missing"));
            mget.addAll(keys);
            List<Object> expected = new ArrayList<>();
            expected.add(null);
            keys.forEach(k -> expected.add("value of " + k));
            assertEquals(expected, c.call(mget.toArray(new String[0])));
            List<String> del = new ArrayList<>(List.of("DEL"));
            del.addAll(keys);
            assertEquals((long) n, c.call(del.toArray(new String[0])));
            assertEquals(0L, c.call("DBSIZE"));
        }
    }

    @Test
    void clusterPortsAnswerTheirOwnSlotsAndRedirectTheRest() throws Exception {
        int n = server.count();
        for (int r = 0; r < n; r++) {
            String mine = Keys.ownedBy(r, n, "own:");
            try (RespClient c = new RespClient(server.clusterPort(r))) {
                assertEquals("OK", c.call("SET", mine, "here"));
                assertEquals("here", c.call("GET", mine));
                assertEquals(1L, c.call("DBSIZE"), "a cluster node counts its own keys only");
                assertTrue(((String) c.call("INFO", "reactors")).contains("serving_reactor:" + r + "\r\n"),
                        "a connection to reactor " + r + "'s port is served on reactor " + r);
                for (int other = 0; other < n; other++) {
                    if (other == r) {
                        continue;
                    }
                    String foreign = Keys.ownedBy(other, n, "own:");
                    int slot = HashSlots.slot(foreign.getBytes(StandardCharsets.UTF_8));
                    assertEquals(new RespClient.Error("MOVED " + slot + " 127.0.0.1:" + server.clusterPort(other)),
                            c.call("GET", foreign));
                }
                assertEquals(new RespClient.Error("CROSSSLOT Keys in request don't hash to the same slot"),
                        c.call("MGET", "{a}1", "{b}1"));
                assertEquals("OK", c.call("FLUSHALL"));
            }
        }
        try (RespClient c = new RespClient(server.clusterPort(0))) {
            String tagged = "{" + Keys.ownedBy(0, n, "tag:") + "}";
            assertEquals("OK", c.call("MSET", tagged + "a", "1", tagged + "b", "2"));
            assertEquals(List.of("1", "2"), c.call("MGET", tagged + "a", tagged + "b"));
            assertEquals(2L, c.call("DEL", tagged + "a", tagged + "b"));
        }
    }

    @Test
    void plainPortConnectionsAreSpreadOverTheReactorsAndServedOnThem() throws Exception {
        int n = server.count();
        Set<String> serving = new TreeSet<>();
        List<RespClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 4 * n; i++) {
                RespClient c = new RespClient(server.plainPort());
                clients.add(c);
                // a connection not served on its reactor's thread is closed at once, and this call fails
                String info = (String) c.call("INFO", "reactors");
                serving.add(info.lines().filter(l -> l.startsWith("serving_reactor:")).findFirst().orElseThrow());
            }
        } finally {
            for (RespClient c : clients) {
                c.close();
            }
        }
        Set<String> all = new TreeSet<>();
        for (int r = 0; r < n; r++) {
            all.add("serving_reactor:" + r);
        }
        assertEquals(all, serving);
    }

    @Test
    void clusterTopologyCommands() throws Exception {
        int n = server.count();
        try (RespClient c = new RespClient(server.clusterPort(n - 1))) {
            List<?> slots = (List<?>) c.call("CLUSTER", "SLOTS");
            assertEquals(n, slots.size());
            long next = 0;
            for (int r = 0; r < n; r++) {
                List<?> range = (List<?>) slots.get(r);
                assertEquals(next, range.get(0));
                next = (Long) range.get(1) + 1;
                assertEquals(List.of("127.0.0.1", (long) server.clusterPort(r), String.format("%040x", r + 1)),
                        range.get(2));
            }
            assertEquals(16384L, next);
            String nodes = (String) c.call("CLUSTER", "NODES");
            assertEquals(n, nodes.lines().count());
            assertTrue(nodes.contains(String.format("%040x", n) + " 127.0.0.1:" + server.clusterPort(n - 1)
                    + "@0 myself,master - 0 0 " + n + " connected"), nodes);
            String info = (String) c.call("CLUSTER", "INFO");
            assertTrue(info.startsWith("cluster_state:ok\r\n"), info);
            assertTrue(info.contains("cluster_known_nodes:" + n + "\r\n"), info);
            assertEquals(n, ((List<?>) c.call("CLUSTER", "SHARDS")).size());
            assertEquals(12182L, c.call("CLUSTER", "KEYSLOT", "foo"));
        }
        try (RespClient c = new RespClient(server.plainPort())) {
            assertEquals(new RespClient.Error("ERR This instance has cluster support disabled"), c.call("CLUSTER", "SLOTS"));
        }
    }

    @Test
    void pipelinedRepliesComeBackInCommandOrderAcrossHops() throws Exception {
        int n = server.count();
        int commands = 2000;
        ByteArrayOutputStream pipeline = new ByteArrayOutputStream();
        for (int i = 0; i < commands; i++) {
            String key = "p:" + (i / 2 % 50); // SET then GET of one key, 50 keys across the reactors
            pipeline.write(i % 2 == 0 ? RespClient.encode("SET", key, "v" + i) : RespClient.encode("GET", key));
        }
        try (RespClient c = new RespClient(server.plainPort())) {
            c.send(pipeline.toByteArray());
            for (int i = 0; i < commands; i++) {
                Object reply = c.read();
                assertEquals(i % 2 == 0 ? "OK" : "v" + (i - 1), reply, "reply " + i);
            }
            assertEquals(50L, c.call("DBSIZE"));
        }
        assertTrue(n >= 1);
    }

    @Test
    void aClientThatDoesNotReadStopsBeingServedUntilItReads() throws Exception {
        int port = server.clusterPort(0);
        String key = "{" + Keys.ownedBy(0, server.count(), "big:") + "}";
        String value = "x".repeat(1 << 20);
        int gets = 500; // 500 MB of replies to 10 KB of requests
        try (RespClient observer = new RespClient(port); RespClient slow = new RespClient(port)) {
            assertEquals("OK", observer.call("SET", key, value));
            long before = processed(observer);
            ByteArrayOutputStream pipeline = new ByteArrayOutputStream();
            for (int i = 0; i < gets; i++) {
                pipeline.write(RespClient.encode("GET", key));
            }
            slow.send(pipeline.toByteArray());
            Thread.sleep(1000);
            long ran = processed(observer) - before - 1; // the observer's own INFO counts once
            assertTrue(ran < 100, ran + " of " + gets + " GETs ran for a client that read none of the replies");
            assertEquals("PONG", observer.call("PING"), "the reactor serves others meanwhile");
            for (int i = 0; i < gets; i++) {
                Object reply = slow.read();
                assertTrue(value.equals(reply), "reply " + i + " is not the value: " + String.valueOf(reply).substring(0,
                        Math.min(40, String.valueOf(reply).length())));
            }
            Object pong = slow.call("PING");
            assertTrue("PONG".equals(pong), "after " + gets + " GETs: " + String.valueOf(pong).length() + " chars");
        }
    }

    private static long processed(RespClient c) throws Exception {
        String info = (String) c.call("INFO", "stats");
        return info.lines().filter(l -> l.startsWith("total_commands_processed:"))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1))).findFirst().orElseThrow();
    }

    @Test
    void keysExpireOnTheOwnersTimers() throws Exception {
        try (RespClient c = new RespClient(server.plainPort())) {
            assertEquals("OK", c.call("SET", "short", "v", "PX", "100"));
            assertEquals("OK", c.call("SET", "long", "v", "EX", "100"));
            assertEquals("OK", c.call("SET", "kept", "v"));
            assertEquals(1L, c.call("EXPIRE", "kept", "100"));
            assertEquals(0L, c.call("EXPIRE", "absent", "100"));
            long ttl = (Long) c.call("TTL", "long");
            assertTrue(ttl > 90 && ttl <= 100, "TTL " + ttl);
            assertEquals("OK", c.call("SET", "plain", "v"));
            assertEquals(-1L, c.call("TTL", "plain"));
            assertEquals(-2L, c.call("TTL", "neverSet"));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (c.call("GET", "short") != null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(null, c.call("GET", "short"));
            // the timer removed it (not only the read-time check): wait until DBSIZE counts 3
            while ((Long) c.call("DBSIZE") != 3L && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(3L, c.call("DBSIZE"));
            assertEquals(1L, c.call("EXPIRE", "kept", "0"), "a non-positive EXPIRE deletes");
            assertEquals(null, c.call("GET", "kept"));
            assertTrue((Long) c.call("PTTL", "long") > 90_000);
            assertEquals("OK", c.call("SET", "long", "w"));
            assertEquals(-1L, c.call("TTL", "long"), "SET without options clears the time to live");
        }
    }

    @Test
    void unknownCommandsGetAnErrorAndTheConnectionStays() throws Exception {
        try (RespClient c = new RespClient(server.plainPort())) {
            assertEquals(new RespClient.Error("ERR unknown command 'NOPE', with args beginning with: 'a' 'b' "),
                    c.call("NOPE", "a", "b"));
            assertEquals("PONG", c.call("PING"));
        }
        try (RespClient c = new RespClient(server.clusterPort(0))) {
            assertEquals(new RespClient.Error("ERR unknown subcommand 'X' of CLUSTER; this server knows CLUSTER SLOTS, "
                    + "SHARDS, NODES, INFO, MYID and KEYSLOT"), c.call("CLUSTER", "X"));
            assertEquals("PONG", c.call("PING"));
        }
    }

    @Test
    void garbageGetsAnErrorThenTheConnectionClosesAndOthersGoOn() throws Exception {
        for (int port : new int[] { server.plainPort(), server.clusterPort(0) }) {
            try (RespClient bystander = new RespClient(port); RespClient garbage = new RespClient(port)) {
                assertEquals("OK", bystander.call("SET", "{g}k", "before"));
                garbage.send("*1\r\n:5\r\n".getBytes(StandardCharsets.US_ASCII));
                assertEquals(new RespClient.Error("ERR Protocol error: expected '$', got ':'"), garbage.read());
                assertTrue(garbage.closedByServer());
                assertEquals("before", bystander.call("GET", "{g}k"));
            }
        }
    }

    @Test
    void aOneGigabyteBulkLengthIsRefusedAndClosed() throws Exception {
        try (RespClient bystander = new RespClient(server.plainPort()); RespClient big = new RespClient(server.plainPort())) {
            // the replies of commands before the bad one still arrive, in order
            big.send(("*1\r\n$4\r\nPING\r\n*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1073741824\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertEquals("PONG", big.read());
            assertEquals(new RespClient.Error("ERR Protocol error: invalid bulk length 1073741824 (at most 4194304)"),
                    big.read());
            assertTrue(big.closedByServer());
            assertEquals("PONG", bystander.call("PING"));
            String info = (String) bystander.call("INFO", "stats");
            assertTrue(info.contains("total_protocol_errors:"), info);
        }
    }

    @Test
    void binaryGarbageWithoutLineEndsIsClosedOnceItPassesTheInlineLimit() throws Exception {
        try (RespClient c = new RespClient(server.plainPort())) {
            byte[] noise = new byte[70_000];
            Arrays.fill(noise, (byte) 7);
            c.send(noise);
            Object reply = c.read();
            assertInstanceOf(RespClient.Error.class, reply);
            assertEquals("ERR Protocol error: too big inline request (more than 65536 bytes)",
                    ((RespClient.Error) reply).message());
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void handshakeCommandsClientsSend() throws Exception {
        try (RespClient c = new RespClient(server.clusterPort(0))) {
            // as Redis 5: clients that open with HELLO 3 then fall back to RESP2
            assertEquals(new RespClient.Error("ERR unknown command 'HELLO', with args beginning with: '3' "),
                    c.call("HELLO", "3"));
            assertEquals("OK", c.call("CLIENT", "SETNAME", "t"));
            assertEquals("OK", c.call("SELECT", "0"));
            assertEquals(List.of("save", "", "appendonly", "no"), c.call("CONFIG", "GET", "save", "appendonly"));
            assertEquals((long) CommandSpec.values().length, c.call("COMMAND", "COUNT"));
            List<?> get = (List<?>) ((List<?>) c.call("COMMAND", "INFO", "get")).get(0);
            assertEquals(List.of("get", 2L), get.subList(0, 2));
            assertEquals(List.of(1L, 1L, 1L), get.subList(3, 6));
            assertEquals("OK", c.call("QUIT"));
            assertTrue(c.closedByServer());
        }
    }
}
