package io.quarkiverse.reactors.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** @NonBlocking and Uni handlers run on a reactor; a handler with a plain return type runs on a worker thread. */
@QuarkusTest
public class HandlerModesResourceTest {

    @Test
    void nonBlockingAndUniHandlersRunOnAReactor() {
        int count = Runtime.getRuntime().availableProcessors();
        for (String mode : new String[] { "non-blocking", "uni" }) {
            int id = Integer.parseInt(given().when().get("/modes/" + mode).then().statusCode(200).extract().asString());
            assertTrue(id >= 0 && id < count, mode + " ran on reactor " + id);
        }
    }

    @Test
    void aPlainHandlerRunsOnAWorkerAndHopsExplicitly() {
        String answer = given().when().get("/modes/worker").then().statusCode(200).extract().asString();
        assertTrue(answer.matches("false \\d+"), "not on a reactor, then the owner's id: " + answer);
    }

    @Test
    void theQuickStartCounterCountsPerKey() {
        assertEquals("1", given().when().post("/counters/quick-start-key/increment").then().statusCode(200).extract()
                .asString());
        assertEquals("2", given().when().post("/counters/quick-start-key/increment").then().statusCode(200).extract()
                .asString());
    }
}
