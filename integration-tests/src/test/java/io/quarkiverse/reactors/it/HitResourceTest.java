package io.quarkiverse.reactors.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** @OnEvent counts hits into a @PerCore counter, a @Poller flushes it; all observed over HTTP. */
@QuarkusTest
public class HitResourceTest {

    @Test
    void hitsAreCountedPerCoreAndFlushedByThePoller() {
        int count = Runtime.getRuntime().availableProcessors();
        long expected = 0;
        for (int i = 0; i < 20; i++) {
            given().header("Connection", "close").when().post("/hits/home/3").then().statusCode(200);
            expected += 3;
        }
        given().when().post("/hits/home/5/everywhere").then().statusCode(200);
        expected += 5L * count;
        long total = expected;
        awaitFlushed("home", total);
        JsonPath pollers = given().when().get("/hits/pollers").then().statusCode(200).extract().jsonPath();
        assertEquals(count, pollers.getList("reactor").size(), "one flush poller per reactor");
        assertEquals(20_000_000L, pollers.getLong("[0].periodNanos"), "the default of ${demo.flush-period:20ms}");
    }

    /** DELETE /hits answers once every reactor has run the reset: no waiting, no polling. */
    @Test
    void resetAnswersAfterEveryReactorCleared() {
        given().when().post("/hits/reset-page/7/everywhere").then().statusCode(200);
        given().when().delete("/hits").then().statusCode(204);
        JsonPath counts = given().when().get("/hits/reset-page").then().statusCode(200).extract().jsonPath();
        assertEquals(0, counts.getLong("flushed"));
        assertEquals(0, counts.getLong("pending"));
    }

    private static void awaitFlushed(String page, long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonPath counts;
        do {
            counts = given().when().get("/hits/" + page).then().statusCode(200).extract().jsonPath();
            if (counts.getLong("flushed") == expected) {
                assertEquals(0, counts.getLong("pending"));
                assertTrue(counts.getLong("flushes") >= 1);
                return;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("expected " + expected + " flushed hits, last saw " + counts.prettify());
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
