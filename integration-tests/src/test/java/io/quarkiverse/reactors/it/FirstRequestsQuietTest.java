package io.quarkiverse.reactors.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A fresh start of the demo, at the default {@code max-run-time}: its first requests (JSON from the store, the
 * hit pipeline, the stats) load classes and create serializers on the reactors' event loops. That is warm-up, not
 * blocking, and the watchdog reports none of it. The profile forces a start of its own, so these are the
 * application's first requests.
 */
@QuarkusTest
@TestProfile(FirstRequestsQuietTest.FreshStart.class)
public class FirstRequestsQuietTest {

    /** No overrides: only a fresh application. */
    public static class FreshStart implements QuarkusTestProfile {
    }

    static final Logger WATCHDOG = Logger.getLogger("io.quarkiverse.reactors.watchdog");
    static final List<String> WARNINGS = new CopyOnWriteArrayList<>();
    static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                WARNINGS.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void capture() {
        WATCHDOG.addHandler(CAPTURE);
    }

    @AfterAll
    static void release() {
        WATCHDOG.removeHandler(CAPTURE);
    }

    @Test
    void theFirstRequestsOfAFreshDemoAreNotReported() {
        for (int i = 0; i < 5; i++) {
            given().post("/store/quiet-" + i + "/increment").then().statusCode(200);
            given().get("/store/quiet-" + i).then().statusCode(200);
            given().get("/store/quiet-" + i + "/route").then().statusCode(200);
            given().post("/hits/quiet/1").then().statusCode(200);
            given().get("/hits/quiet").then().statusCode(200);
            given().get("/reactors/current").then().statusCode(200);
            given().get("/reactors/stats").then().statusCode(200);
            given().post("/chm/quiet-" + i + "/increment").then().statusCode(200);
        }
        assertTrue(WARNINGS.isEmpty(), "watchdog warnings under the demo's first requests: " + WARNINGS);
    }
}
