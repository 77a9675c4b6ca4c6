package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Poller;
import io.quarkus.test.QuarkusUnitTest;

/** A @Poller method takes no parameter or one Reactor. */
public class PollerParametersTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, Problems.class))
            .assertException(failure -> Problems.assertReported(failure, "Bad#poll(String)",
                    "must take no parameter or one io.quarkiverse.reactors.Reactor", "java.lang.String"));

    public static class Bad {
        @Poller
        void poll(String name) {
        }
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
