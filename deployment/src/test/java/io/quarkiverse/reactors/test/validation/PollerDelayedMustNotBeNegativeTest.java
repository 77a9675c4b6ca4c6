package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Poller;
import io.quarkus.test.QuarkusUnitTest;

/** A negative delayed value is reported. */
public class PollerDelayedMustNotBeNegativeTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, Problems.class))
            .assertException(failure -> Problems.assertReported(failure, "Bad#poll()", "delayed = \"-1s\" is negative"));

    public static class Bad {
        @Poller(every = "10ms", delayed = "-1s")
        void poll() {
        }
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
