package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Poller;
import io.quarkus.test.QuarkusUnitTest;

/** A config expression without a value or a default fails startup, naming the property and the method. */
public class PollerConfigExpressionMissingTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, Problems.class))
            .assertException(failure -> Problems.assertReported(failure, "Bad#poll()",
                    "Config property ingest.missing.period", "has no value"));

    public static class Bad {
        @Poller(every = "${ingest.missing.period}")
        void poll() {
        }
    }

    @Test
    void startupFails() {
        fail("the application must not start");
    }
}
