package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.OnEvent;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Multi;

/** An @OnEvent method returns void, a value, a Uni or a CompletionStage: never a stream, which nothing would consume. */
public class OnEventReturnTypeTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, Problems.class))
            .assertException(failure -> Problems.assertReported(failure, "Bad#on(String)", "must not return a stream",
                    "io.smallrye.mutiny.Multi"));

    public static class Bad {
        @OnEvent
        Multi<String> on(String event) {
            return Multi.createFrom().item(event);
        }
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
