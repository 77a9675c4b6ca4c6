package io.quarkiverse.reactors.it;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * With {@code quarkus-micrometer-registry-prometheus} and {@code quarkus-smallrye-health} in the application, the
 * extension publishes per-reactor and per-poller meters and a readiness check, beside its JSON endpoint.
 */
@QuarkusTest
public class OperationsTest {

    @Test
    void reactorMetersArePublished() {
        // some traffic: a hop to the key's owner per request
        for (int i = 0; i < 20; i++) {
            given().post("/store/key-" + i + "/increment").then().statusCode(200);
        }
        int count = when().get("/q/reactors").then().statusCode(200).extract().jsonPath().getList("reactors").size();
        String metrics = when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (int id = 0; id < count; id++) {
            for (String meter : new String[] { "reactors_events_accepted_total", "reactors_events_executed_total",
                    "reactors_events_failed_total", "reactors_events_rejected_total", "reactors_iterations_total",
                    "reactors_idle_wakeups_total",
                    "reactors_queue_depth", "reactors_queue_high_water_mark", "reactors_pollers", "reactors_timers",
                    "reactors_busy_time_seconds_total", "reactors_idle_time_seconds_total" }) {
                assertTrue(metrics.contains(meter + "{reactor=\"" + id + "\"}"), meter + " for reactor " + id + " in\n"
                        + grep(metrics, "reactors_"));
            }
        }
        double executed = 0;
        Matcher m = Pattern.compile("reactors_events_executed_total\\{reactor=\"\\d+\"} ([0-9.E+]+)").matcher(metrics);
        while (m.find()) {
            executed += Double.parseDouble(m.group(1));
        }
        assertTrue(executed >= 20, "the hops were counted: " + grep(metrics, "reactors_events_executed"));
    }

    @Test
    void pollerMetersArePublished() throws InterruptedException {
        List<Map<String, Object>> pollers = when().get("/q/reactors/pollers").then().statusCode(200).extract()
                .jsonPath().getList("pollers");
        assertFalse(pollers.isEmpty(), "the demo's @Poller runs on every reactor");
        String metrics = "";
        // meters for pollers are created by the watchdog thread within a tick of their registration
        for (int attempt = 0; attempt < 50; attempt++) {
            metrics = when().get("/q/metrics").then().statusCode(200).extract().asString();
            if (metrics.contains("reactors_poller_runs_total")) {
                break;
            }
            Thread.sleep(100);
        }
        for (Map<String, Object> poller : pollers) {
            String tags = "{poller=\"" + poller.get("name") + "\",reactor=\"" + poller.get("reactor") + "\"}";
            for (String meter : new String[] { "reactors_poller_runs_total", "reactors_poller_busy_runs_total",
                    "reactors_poller_failures_total", "reactors_poller_time_seconds_total",
                    "reactors_poller_max_time_seconds" }) {
                assertTrue(metrics.contains(meter + tags), meter + tags + " in\n" + grep(metrics, "reactors_poller"));
            }
        }
    }

    @Test
    void readinessIncludesTheReactors() {
        JsonPath ready = when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Reactors' }.status", is("UP"))
                .extract().jsonPath();
        int count = when().get("/q/reactors").then().extract().jsonPath().getList("reactors").size();
        assertEquals(count, ready.getInt("checks.find { it.name == 'Reactors' }.data.reactors"));
    }

    private static String grep(String text, String prefix) {
        StringBuilder lines = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                lines.append(line).append('\n');
            }
        }
        return lines.toString();
    }
}
