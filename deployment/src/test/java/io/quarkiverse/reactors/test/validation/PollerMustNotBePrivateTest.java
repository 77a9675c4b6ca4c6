package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Poller;
import io.quarkus.test.QuarkusUnitTest;

/** A private @Poller method is reported: the generated invoker cannot call it without reflection. */
public class PollerMustNotBePrivateTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, Problems.class))
            .assertException(failure -> Problems.assertReported(failure, "@Poller method", "Bad#poll()", "must not be private",
                    "[method: "));

    public static class Bad {
        @Poller
        private void poll() {
        }
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
