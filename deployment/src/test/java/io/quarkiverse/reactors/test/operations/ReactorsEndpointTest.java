package io.quarkiverse.reactors.test.operations;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.PollerHandle;
import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.ReactorStats;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.path.json.JsonPath;

/**
 * {@code /q/reactors} and {@code /q/reactors/pollers} serve the stats as JSON, answer GET only, and reading
 * them sends nothing to a reactor.
 */
public class ReactorsEndpointTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2);

    @Inject
    Reactors reactors;

    @Test
    void reactorsJsonHasEveryReactorsCounters() {
        Reactor reactor = reactors.reactor(1);
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 100; i++) {
            reactor.send(ran::incrementAndGet);
        }
        Await.until(() -> ran.get() == 100);
        Await.until(() -> reactor.stats().executed() >= 100);

        JsonPath json = when().get("/q/reactors").then().statusCode(200)
                .header("Content-Type", containsString("application/json"))
                .body("reactors", hasSize(2))
                .body("reactors[0].id", is(0))
                .body("reactors[1].id", is(1))
                .body("reactors[1].thread", is(reactor.stats().thread()))
                .body("reactors[1].transport", is("nio"))
                .body("reactors[1].queueCapacity", is(reactor.stats().queueCapacity()))
                .body("reactors[1].failed", is(0))
                .body("reactors[1].callbackFailures", is(0))
                .body("reactors[1].rejected", is(0))
                .body("reactors[1].queueDepth", is(0))
                .body("reactors[1].iterations", greaterThan(0))
                .body("reactors[1].stalled", nullValue())
                .extract().jsonPath();
        assertTrue(json.getLong("reactors[1].executed") >= 100, json.prettify());
        assertTrue(json.getLong("reactors[1].busyNanos") > 0, json.prettify());
        assertTrue(json.getLong("reactors[1].idleNanos") > 0, json.prettify());
        assertTrue(json.getLong("reactors[1].accepted") >= 100, json.prettify());
        for (String field : new String[] { "queueHighWaterMark", "pollers", "timers" }) {
            assertTrue(json.get("reactors[0]." + field) != null, field + " missing: " + json.prettify());
        }
    }

    @Test
    void pollersJsonListsEveryPollerWithItsCounters() {
        PollerHandle every = reactors.reactor(0).poller("endpoint-every", () -> 1, Duration.ZERO);
        PollerHandle periodic = reactors.reactor(1).poller("endpoint-periodic", () -> 0, Duration.ofMillis(2));
        try {
            every.pause();
            Await.onReactor(reactors.reactor(0), () -> null); // the registration on reactor 0 has run
            Await.until(() -> periodic.stats().runs() > 3);
            when().get("/q/reactors/pollers").then().statusCode(200)
                    .body("pollers.name", hasItem("endpoint-every"))
                    .body("pollers.find { it.name == 'endpoint-every' }.reactor", is(0))
                    .body("pollers.find { it.name == 'endpoint-every' }.periodNanos", is(0))
                    .body("pollers.find { it.name == 'endpoint-every' }.paused", is(true))
                    .body("pollers.find { it.name == 'endpoint-periodic' }.reactor", is(1))
                    .body("pollers.find { it.name == 'endpoint-periodic' }.periodNanos", is(2_000_000))
                    .body("pollers.find { it.name == 'endpoint-periodic' }.paused", is(false))
                    .body("pollers.find { it.name == 'endpoint-periodic' }.runs", greaterThan(3))
                    .body("pollers.find { it.name == 'endpoint-periodic' }.totalNanos", greaterThan(0))
                    .body("pollers.find { it.name == 'endpoint-periodic' }.maxNanos", greaterThan(0))
                    .body("pollers.find { it.name == 'endpoint-periodic' }.failures", is(0))
                    .body("pollers.find { it.name == 'endpoint-periodic' }.busyRuns", notNullValue());
        } finally {
            every.cancel();
            periodic.cancel();
        }
    }

    @Test
    void onlyGetIsAnswered() {
        for (String path : new String[] { "/q/reactors", "/q/reactors/pollers" }) {
            given().body("{}").post(path).then().statusCode(405);
            given().body("{}").put(path).then().statusCode(405);
            when().delete(path).then().statusCode(405);
            when().patch(path).then().statusCode(405);
        }
    }

    @Test
    void readingTheStatsSendsNothingToTheReactors() {
        Reactor reactor = reactors.reactor(0);
        Await.result(reactor.callAsync(() -> null)); // settle: the reply of this call is the last event for now
        Await.until(() -> reactor.stats().queueDepth() == 0);
        ReactorStats before = reactor.stats();
        for (int i = 0; i < 20; i++) {
            when().get("/q/reactors").then().statusCode(200);
            when().get("/q/reactors/pollers").then().statusCode(200);
            given().body("{}").post("/q/reactors").then().statusCode(405);
        }
        ReactorStats after = reactor.stats();
        assertEquals(before.accepted(), after.accepted(), "events sent to reactor 0 by reading the stats");
        assertEquals(before.rejected(), after.rejected());
    }
}
