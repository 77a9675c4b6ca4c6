package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.OnEvent;
import io.quarkiverse.reactors.Poller;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Multi;

/** Every problem of every subscriber method is reported in one build failure, so all are fixed in one pass. */
public class AllProblemsAtOnceTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, AlsoBad.class, Problems.class))
            .assertException(failure -> {
                Problems.assertReported(failure, "Bad#first()", "must not be private");
                Problems.assertReported(failure, "Bad#first()", "every = \"soon\"");
                Problems.assertReported(failure, "Bad#second()", "must return void (busy)");
                Problems.assertReported(failure, "AlsoBad#on(String)", "must not return a stream");
            });

    public static class Bad {
        @Poller(every = "soon")
        private void first() {
        }

        @Poller
        Object second() {
            return null;
        }
    }

    public static class AlsoBad {
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
