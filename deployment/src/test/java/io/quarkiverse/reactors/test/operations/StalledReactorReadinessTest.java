package io.quarkiverse.reactors.test.operations;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.runtime.internal.ops.ReactorWatchdog;
import io.quarkiverse.reactors.runtime.internal.ops.StatsJson;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;

/**
 * The readiness check is DOWN while a reactor is stuck longer than the stall threshold, naming the reactor and
 * the code it is stuck in, and UP again once it moves on.
 * <p>
 * While reactor 1 is stuck, the probe is read through the health reporter rather than over HTTP: an HTTP
 * connection accepted on the stuck event loop cannot be answered (a real probe times out there, which a
 * platform also counts as not ready).
 */
public class StalledReactorReadinessTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2, StalledReactorReadinessTest.class)
            .overrideRuntimeConfigKey("quarkus.reactors.stall-threshold", "1s")
            .overrideRuntimeConfigKey("quarkus.vertx.warning-exception-time", "30s")
            .overrideRuntimeConfigKey("quarkus.vertx.max-event-loop-execute-time", "30s");

    @Inject
    Reactors reactors;

    @Inject
    ReactorWatchdog monitor;

    @Inject
    SmallRyeHealthReporter health;

    @Test
    void downWhileAReactorIsStuckThenUpAgain() {
        when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Reactors' }.status", is("UP"));

        CountDownLatch release = new CountDownLatch(1);
        reactors.reactor(1).send(() -> stuckInAnEvent(release));
        reactors.reactor(1).send(() -> {
        }); // work waiting behind the stuck event
        try {
            // one snapshot, asserted as a whole
            SmallRyeHealth readiness = Awaitility.await().atMost(15, TimeUnit.SECONDS)
                    .until(health::getReadiness, SmallRyeHealth::isDown);
            JsonObject check = reactorsCheck(readiness);
            assertEquals("DOWN", check.getString("status"), check.toString());
            JsonObject data = check.getJsonObject("data");
            String reactor1 = data.getString("reactor 1");
            assertTrue(reactor1.startsWith("stalled: " + reactors.reactor(1).stats().thread() + " has made no progress for"),
                    reactor1);
            assertTrue(reactor1.contains("stuck in an event, at " + StalledReactorReadinessTest.class.getName()
                    + ".stuckInAnEvent"), reactor1);
            assertTrue(!data.containsKey("reactor 0"), "reactor 0 is fine: " + data);
            // the JSON endpoint's content says the same
            io.vertx.core.json.JsonObject json = StatsJson.reactors(reactors, monitor);
            assertTrue(json.getJsonArray("reactors").getJsonObject(1).getJsonObject("stalled").getString("in")
                    .contains("stuckInAnEvent"), json.encode());
            assertNull(json.getJsonArray("reactors").getJsonObject(0).getJsonObject("stalled"), json.encode());
        } finally {
            release.countDown();
        }
        Awaitility.await().atMost(15, TimeUnit.SECONDS).until(() -> !health.getReadiness().isDown());
        when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Reactors' }.status", is("UP"));
    }

    private static JsonObject reactorsCheck(SmallRyeHealth readiness) {
        return readiness.getPayload().getJsonArray("checks").stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("name").equals("Reactors")).findFirst()
                .orElseThrow(() -> new AssertionError("no Reactors check in " + readiness.getPayload()));
    }

    /** Blocks the reactor on purpose: the test's stalled reactor (released by the test, at most 20 s). */
    static void stuckInAnEvent(CountDownLatch release) {
        try {
            release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
