package io.quarkiverse.reactors.test.operations;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.hasSize;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/** With the management interface enabled, the endpoint moves there and leaves the main HTTP server. */
public class ReactorsManagementEndpointTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2)
            .overrideConfigKey("quarkus.management.enabled", "true");

    @Test
    void servedOnTheManagementInterfaceOnly() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        given().port(port).get("/q/reactors").then().statusCode(200).body("reactors", hasSize(2));
        given().port(port).get("/q/reactors/pollers").then().statusCode(200);
        given().port(port).body("{}").post("/q/reactors").then().statusCode(405);
        when().get("/q/reactors").then().statusCode(404);
    }
}
