package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Poller;
import io.quarkus.test.QuarkusUnitTest;

/** A delayed value that is not a duration is reported, naming the value. */
public class PollerDelayedMustParseTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, Problems.class))
            .assertException(
                    failure -> Problems.assertReported(failure, "Bad#poll()", "delayed = \"later\" is not a duration"));

    public static class Bad {
        @Poller(every = "10ms", delayed = "later")
        void poll() {
        }
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
