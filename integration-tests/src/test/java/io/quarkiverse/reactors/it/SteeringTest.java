package io.quarkiverse.reactors.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * How HTTP connections map to reactors, and how a request whose key lives on another core gets there and
 * back.
 */
@QuarkusTest
public class SteeringTest {

    /**
     * Vert.x hands accepted connections to its event loops in turn, so every run of n new connections hits every reactor once.
     */
    @Test
    void newConnectionsGoToTheReactorsInTurn() {
        int count = given().when().get("/reactors/current").then().extract().jsonPath().getInt("count");
        List<Integer> served = new ArrayList<>();
        for (int i = 0; i < 4 * count; i++) {
            served.add(given().header("Connection", "close").when().get("/reactors/current")
                    .then().statusCode(200).extract().jsonPath().getInt("id"));
        }
        for (int from = 0; from + count <= served.size(); from++) {
            Set<Integer> window = new HashSet<>(served.subList(from, from + count));
            assertEquals(count, window.size(), "connections " + from + ".." + (from + count - 1) + " of " + served);
        }
    }

    /** A key owned elsewhere: the request hops to the owner with call() and the answer leaves from the caller's reactor. */
    @Test
    void requestsHopToTheKeysOwnerAndAnswerFromTheirOwnReactor() {
        int hops = 0;
        for (int k = 0; k < 16; k++) {
            JsonPath route = given().when().get("/store/key-" + k + "/route").then().statusCode(200).extract().jsonPath();
            assertEquals(route.getInt("owner"), route.getInt("ranOn"), "the operation ran on the key's owner");
            assertEquals(route.getInt("servedBy"), route.getInt("repliedOn"), "the reply left from the serving reactor");
            if (route.getInt("owner") != route.getInt("servedBy")) {
                hops++;
            }
            int again = given().header("Connection", "close").when().get("/store/key-" + k + "/route")
                    .then().extract().jsonPath().getInt("owner");
            assertEquals(route.getInt("owner"), again, "a key's owner does not depend on the connection");
        }
        int count = given().when().get("/reactors/current").then().extract().jsonPath().getInt("count");
        assertTrue(count < 2 || hops > 0, "with several reactors some of 16 keys live on another core");
    }
}
