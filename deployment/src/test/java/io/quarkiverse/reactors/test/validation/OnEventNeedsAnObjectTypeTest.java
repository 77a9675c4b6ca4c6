package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.OnEvent;
import io.quarkus.test.QuarkusUnitTest;

/** A primitive event type is reported. */
public class OnEventNeedsAnObjectTypeTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, Problems.class))
            .assertException(failure -> Problems.assertReported(failure, "Bad#on(int)",
                    "must take an object type as its event, found int"));

    public static class Bad {
        @OnEvent
        void on(int event) {
        }
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
