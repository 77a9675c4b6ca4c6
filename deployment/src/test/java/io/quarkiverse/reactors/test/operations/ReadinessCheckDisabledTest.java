package io.quarkiverse.reactors.test.operations;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/** {@code quarkus.reactors.health.enabled=false} leaves the readiness check out. */
public class ReadinessCheckDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(1)
            .overrideConfigKey("quarkus.reactors.health.enabled", "false");

    @Test
    void noReactorsCheck() {
        when().get("/q/health/ready").then().statusCode(200).body("checks.name", not(hasItem("Reactors")));
    }
}
