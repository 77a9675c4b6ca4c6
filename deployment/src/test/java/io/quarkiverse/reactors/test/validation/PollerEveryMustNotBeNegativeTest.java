package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Poller;
import io.quarkus.test.QuarkusUnitTest;

/** A negative every value is reported. */
public class PollerEveryMustNotBeNegativeTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, Problems.class))
            .assertException(failure -> Problems.assertReported(failure, "Bad#poll()", "is negative"));

    public static class Bad {
        @Poller(every = "-5s")
        void poll() {
        }
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
