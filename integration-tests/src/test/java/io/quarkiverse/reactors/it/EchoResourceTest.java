package io.quarkiverse.reactors.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The UDP echo bean watches its channel on a reactor, on whichever transport the build selected. */
@QuarkusTest
public class EchoResourceTest {

    @Test
    void datagramsAreEchoedByTheWatchingReactor() throws Exception {
        JsonPath before = given().when().get("/echo").then().statusCode(200).extract().jsonPath();
        int port = before.getInt("port");
        assertTrue(port > 0, "bound to an ephemeral port");
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(5_000);
            for (String word : new String[] { "ping", "reactor" }) {
                byte[] out = word.getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(out, out.length, InetAddress.getLoopbackAddress(), port));
                DatagramPacket in = new DatagramPacket(new byte[64], 64);
                socket.receive(in);
                assertEquals(word.toUpperCase(), new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8));
            }
        }
        long echoed = given().when().get("/echo").then().statusCode(200).extract().jsonPath().getLong("echoed");
        assertEquals(before.getLong("echoed") + 2, echoed);
    }
}
