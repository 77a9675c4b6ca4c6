package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Poller;
import io.quarkus.test.QuarkusUnitTest;

/** An unparsable every value is reported with the value. */
public class PollerEveryMustParseTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, Problems.class))
            .assertException(
                    failure -> Problems.assertReported(failure, "Bad#poll()", "every = \"sometimes\" is not a duration"));

    public static class Bad {
        @Poller(every = "sometimes")
        void poll() {
        }
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
