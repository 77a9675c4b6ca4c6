package io.quarkiverse.reactors.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The reactors run on the transport the build selected: NIO here, epoll and io_uring in demo-variants/epoll and
 * demo-variants/io-uring (each sets reactors.expected-transport), so a silent fallback to NIO fails the run.
 */
@QuarkusTest
public class TransportTest {

    @Test
    void everyReactorRunsOnTheExpectedTransport() {
        String expected = System.getProperty("reactors.expected-transport", "nio");
        List<String> transports = given().when().get("/reactors/stats").then().statusCode(200).extract().jsonPath()
                .getList("transport", String.class);
        assertEquals(Runtime.getRuntime().availableProcessors(), transports.size());
        for (String transport : transports) {
            assertEquals(expected, transport);
        }
    }
}
