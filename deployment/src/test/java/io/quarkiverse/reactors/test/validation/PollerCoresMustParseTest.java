package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Poller;
import io.quarkus.test.QuarkusUnitTest;

/** A malformed cores selector is reported with the value. */
public class PollerCoresMustParseTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, Problems.class))
            .assertException(failure -> Problems.assertReported(failure, "Bad#poll()", "cores = \"0,x-2\" is invalid",
                    "\"x-2\" is not a reactor id"));

    public static class Bad {
        @Poller(cores = "0,x-2")
        void poll() {
        }
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
