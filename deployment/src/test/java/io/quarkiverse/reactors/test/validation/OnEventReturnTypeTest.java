package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.OnEvent;
import io.quarkus.test.QuarkusUnitTest;

/** An @OnEvent method returns void, Uni or CompletionStage. */
public class OnEventReturnTypeTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, Problems.class))
            .assertException(failure -> Problems.assertReported(failure, "Bad#on()", "must return void, Uni or CompletionStage"));

    public static class Bad {
        @OnEvent
        String on(String event) {
            return event;
        }
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
