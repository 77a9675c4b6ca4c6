package io.quarkiverse.reactors.test.devmode;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/** In dev mode, changing a @Poller's period in the source reloads the application with the new period. */
public class PollerPeriodReloadTest {

    @RegisterExtension
    static final QuarkusDevModeTest TEST = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(DevPoller.class, DevResource.class));

    @Test
    void changingThePeriodReloads() {
        when().get("/dev/period").then().statusCode(200).body(is("10000000"));
        TEST.modifySourceFile(DevPoller.class, source -> source.replace("every = \"10ms\"", "every = \"25ms\""));
        when().get("/dev/period").then().statusCode(200).body(is("25000000"));
        TEST.modifySourceFile(DevPoller.class, source -> source.replace("every = \"25ms\"", "every = \"off\""));
        when().get("/dev/period").then().statusCode(200).body(is("none"));
    }
}
