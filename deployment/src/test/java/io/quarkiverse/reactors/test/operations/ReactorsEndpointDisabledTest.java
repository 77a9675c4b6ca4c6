package io.quarkiverse.reactors.test.operations;

import static io.restassured.RestAssured.when;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/** {@code quarkus.reactors.endpoint.enabled=false} removes the endpoint. */
public class ReactorsEndpointDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(1)
            .overrideConfigKey("quarkus.reactors.endpoint.enabled", "false");

    @Test
    void noEndpoint() {
        when().get("/q/reactors").then().statusCode(404);
        when().get("/q/reactors/pollers").then().statusCode(404);
    }
}
