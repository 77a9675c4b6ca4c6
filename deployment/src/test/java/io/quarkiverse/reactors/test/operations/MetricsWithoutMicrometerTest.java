package io.quarkiverse.reactors.test.operations;

import static io.restassured.RestAssured.when;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Without {@code quarkus-micrometer} (this module's tests do not have it) the extension builds and starts, and no
 * meters are served. The meters themselves are tested in the integration tests, which have Micrometer.
 */
public class MetricsWithoutMicrometerTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(1);

    @Test
    void noMicrometerNoMeters() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.micrometer.core.instrument.MeterRegistry",
                false, Thread.currentThread().getContextClassLoader()));
        when().get("/q/metrics").then().statusCode(404);
        when().get("/q/reactors").then().statusCode(200);
    }
}
