package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Poller;
import io.quarkus.test.QuarkusUnitTest;

/** Two @Poller methods with one name are reported. */
public class PollerNamesMustBeUniqueTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, Problems.class))
            .assertException(failure -> Problems.assertReported(failure, "has the name 'ring', already used by"));

    public static class Bad {
        @Poller(name = "ring")
        void one() {
        }

        @Poller(name = "ring")
        void two() {
        }
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
