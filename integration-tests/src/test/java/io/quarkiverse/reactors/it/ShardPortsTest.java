package io.quarkiverse.reactors.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.reactors.Reactors;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Zero-hop ingress, end to end, on the transport the build selected (NIO, epoll or io_uring): a request sent to
 * the shard port of its key's owner is served on that owner and runs there without a hop, over HTTP and over the
 * demo's TCP protocol; {@code /q/reactors/shards} tells the client where the ports are.
 */
@QuarkusTest
@TestProfile(ShardPortsProfile.class)
public class ShardPortsTest {

    @Inject
    Reactors reactors;

    /** {@code n} keys owned by {@code reactor}. */
    List<String> keysOwnedBy(int reactor, int n) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; keys.size() < n; i++) {
            if (reactors.ownerOf("shard-key-" + i) == reactor) {
                keys.add("shard-key-" + i);
            }
        }
        return keys;
    }

    @Test
    void shardsEndpointNamesTheHashAndThePorts() {
        JsonPath shards = given().when().get("/q/reactors/shards").then().statusCode(200).extract().jsonPath();
        assertEquals(reactors.count(), shards.getInt("count"));
        assertEquals("murmur3_x86_32", shards.getString("hash"));
        List<Integer> ports = shards.getList("ports", Integer.class);
        assertEquals(reactors.count(), ports.size());
        for (int i = 0; i < ports.size(); i++) {
            assertEquals(ShardPortsProfile.httpBase() + i, ports.get(i));
        }
    }

    @Test
    void eachShardPortServesItsKeysOnTheOwnerWithoutAHop() {
        for (int reactor = 0; reactor < reactors.count(); reactor++) {
            int port = ShardPortsProfile.httpBase() + reactor;
            for (String key : keysOwnedBy(reactor, 10)) {
                JsonPath route = given().port(port).header("Connection", "close")
                        .when().get("/store/" + key + "/route").then().statusCode(200).extract().jsonPath();
                assertEquals(reactor, route.getInt("owner"), key);
                assertEquals(reactor, route.getInt("servedBy"), "port " + port + " serves on reactor " + reactor);
                assertEquals(reactor, route.getInt("ranOn"), key);
                assertEquals(reactor, route.getInt("repliedOn"), key);
                JsonPath entry = given().port(port).when().post("/store/" + key + "/increment")
                        .then().statusCode(200).extract().jsonPath();
                assertEquals(reactor, entry.getInt("servedBy"));
                assertEquals(reactor, entry.getInt("owner"));
            }
        }
    }

    @Test
    void aKeySentToAnotherShardPortStillReachesItsOwner() {
        if (reactors.count() < 2) {
            return;
        }
        String key = keysOwnedBy(1, 1).get(0);
        JsonPath route = given().port(ShardPortsProfile.httpBase()).when().get("/store/" + key + "/route")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(0, route.getInt("servedBy"));
        assertEquals(1, route.getInt("ranOn"));
        assertEquals(0, route.getInt("repliedOn"));
    }

    @Test
    void tcpShardPortsServeOnTheirReactor() throws IOException {
        for (int reactor = 0; reactor < reactors.count(); reactor++) {
            try (Socket socket = new Socket("localhost", ShardPortsProfile.tcpBase() + reactor)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                List<String> keys = keysOwnedBy(reactor, 5);
                for (String key : keys) {
                    out.write(("tcp-" + key + "\n").getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
                for (int i = 0; i < keys.size(); i++) {
                    String[] reply = in.readLine().split(" ");
                    assertEquals(3, reply.length, String.join(" ", reply));
                    assertTrue(Long.parseLong(reply[0]) >= 1);
                    assertEquals(String.valueOf(reactor), reply[2], "TCP port " + (ShardPortsProfile.tcpBase() + reactor));
                }
            }
        }
    }
}
