package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Poller;
import io.quarkus.test.QuarkusUnitTest;

/** A @Poller method returns void, boolean, int or long. */
public class PollerReturnTypeTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, Problems.class))
            .assertException(failure -> Problems.assertReported(failure, "Bad#poll()",
                    "must return void (busy), boolean (busy or not), int or long", "java.lang.String"));

    public static class Bad {
        @Poller
        String poll() {
            return "";
        }
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
