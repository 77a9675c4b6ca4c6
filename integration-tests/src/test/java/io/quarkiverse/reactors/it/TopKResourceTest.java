package io.quarkiverse.reactors.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The three leaderboards (on the owner, a lock per key, one lock) give the same answers for the same posts. */
@QuarkusTest
public class TopKResourceTest {

    @Test
    void threeVersionsAgree() {
        for (String version : new String[] { "top", "top-locked", "top-global" }) {
            JsonPath last = null;
            for (int score = 1; score <= 40; score++) {
                int posted = (score * 37) % 41; // a permutation of 1..40
                last = given().when().post("/" + version + "/board-" + version + "/" + posted)
                        .then().statusCode(200).extract().jsonPath();
            }
            assertEquals("board-" + version, last.getString("key"), version);
            assertEquals(40, last.getLong("posted"), version);
            assertEquals(40, last.getLong("best"), version);
            assertEquals(40 - TopKResource.K + 1, last.getLong("entryBar"), version);
        }
    }
}
