package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Poller;
import io.quarkus.test.QuarkusUnitTest;

/** Cores beyond the reactor count can only be known at startup, which fails naming the method and the range. */
public class PollerCoresOutOfRangeTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, Problems.class))
            .overrideRuntimeConfigKey("quarkus.reactors.count", "2")
            .assertException(failure -> Problems.assertReported(failure, "@Poller", "Bad#poll()",
                    "reactor 5 does not exist: reactor ids are 0..1"));

    public static class Bad {
        @Poller(cores = "0,5")
        void poll() {
        }
    }

    @Test
    void startupFails() {
        fail("the application must not start");
    }
}
