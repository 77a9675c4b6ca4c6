package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.OnEvent;
import io.quarkus.test.QuarkusUnitTest;

/** An @OnEvent method takes the event, optionally followed by a Reactor. */
public class OnEventParametersTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, Problems.class))
            .assertException(failure -> Problems.assertReported(failure, "@OnEvent method", "Bad#on(String, String)",
                    "must take the event as its parameter, optionally followed by an io.quarkiverse.reactors.Reactor"));

    public static class Bad {
        @OnEvent
        void on(String event, String other) {
        }
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
