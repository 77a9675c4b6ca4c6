package io.quarkiverse.reactors.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Per-core state updated through call(): the owner computes, the serving reactor answers. */
@QuarkusTest
public class StoreResourceTest {

    @Test
    void incrementsLandOnTheOwnerAndRepliesComeBackToTheServingReactor() {
        Set<Integer> owners = new HashSet<>();
        for (int k = 0; k < 8; k++) {
            String key = "counter-" + k;
            Integer owner = null;
            for (int i = 1; i <= 25; i++) {
                JsonPath entry = given().header("Connection", i % 5 == 0 ? "close" : "keep-alive")
                        .when().post("/store/" + key + "/increment")
                        .then().statusCode(200).extract().jsonPath();
                assertEquals(i, entry.getLong("value"), key);
                if (owner == null) {
                    owner = entry.getInt("owner");
                }
                assertEquals(owner, entry.getInt("owner"), "a key always has the same owner");
                assertTrue(entry.getString("repliedOn").startsWith("vert.x-eventloop-thread-"));
            }
            owners.add(owner);
        }
        int count = Runtime.getRuntime().availableProcessors();
        assertTrue(owners.size() >= Math.min(2, count), "keys spread over reactors: " + owners);
    }

    @Test
    void replyThreadIsTheServingReactorsThread() {
        // The same connection stays on one event loop: the reply must be on that loop's thread.
        io.restassured.specification.RequestSpecification spec = given().header("Connection", "keep-alive");
        for (int i = 0; i < 10; i++) {
            JsonPath entry = spec.when().put("/store/pinned-" + i + "/" + i).then().statusCode(200).extract().jsonPath();
            assertEquals(i, entry.getLong("value"));
            int servedBy = entry.getInt("servedBy");
            String repliedOn = entry.getString("repliedOn");
            String servedByThread = given().when().get("/reactors/stats").then().extract().jsonPath()
                    .getString("[" + servedBy + "].thread");
            assertEquals(servedByThread, repliedOn, "reply delivered on the reactor that served the request");
        }
    }

    @Test
    void putGetDeleteAndSize() {
        given().when().put("/store/alpha/41").then().statusCode(200);
        assertEquals(41, given().when().get("/store/alpha").then().extract().jsonPath().getLong("value"));
        assertEquals(42, given().when().post("/store/alpha/increment").then().extract().jsonPath().getLong("value"));
        long size = given().when().get("/store/size").then().statusCode(200).extract().as(Long.class);
        assertTrue(size >= 1);
        given().when().delete("/store/alpha").then().statusCode(200);
        assertNull(given().when().get("/store/alpha").then().extract().jsonPath().get("value"));
        assertEquals(size - 1, given().when().get("/store/size").then().extract().as(Long.class));
    }
}
