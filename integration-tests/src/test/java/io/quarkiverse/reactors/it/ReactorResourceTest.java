package io.quarkiverse.reactors.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A RESTEasy Reactive request served on event loop i runs on reactor i, with no hop. */
@QuarkusTest
public class ReactorResourceTest {

    @Test
    void requestsRunOnTheReactorOfTheirEventLoop() {
        Set<Integer> seen = new HashSet<>();
        int count = -1;
        for (int i = 0; i < 32; i++) {
            // a new connection each time, so that Vert.x spreads them over its event loops
            JsonPath here = given().header("Connection", "close")
                    .when().get("/reactors/current")
                    .then().statusCode(200)
                    .extract().jsonPath();
            count = here.getInt("count");
            int id = here.getInt("id");
            assertTrue(id >= 0 && id < count, "id " + id);
            assertEquals(here.getString("reactorThread"), here.getString("thread"),
                    "the request thread is the reactor's thread");
            assertTrue(here.getString("thread").startsWith("vert.x-eventloop-thread-"), here.getString("thread"));
            seen.add(id);
        }
        assertEquals(Runtime.getRuntime().availableProcessors(), count, "one reactor per processor by default");
        assertTrue(seen.size() >= Math.min(2, count), "connections land on several reactors: " + seen);
    }

    @Test
    void statsAreExposed() {
        JsonPath stats = given().when().get("/reactors/stats").then().statusCode(200).extract().jsonPath();
        assertEquals(Runtime.getRuntime().availableProcessors(), stats.getList("id").size());
        assertEquals(65536, stats.getInt("[0].queueCapacity"));
    }
}
