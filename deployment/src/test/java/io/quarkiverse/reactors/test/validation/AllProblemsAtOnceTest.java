package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.OnEvent;
import io.quarkiverse.reactors.Poller;
import io.quarkus.test.QuarkusUnitTest;

/** Every problem of every subscriber method is reported in one build failure, so all are fixed in one pass. */
public class AllProblemsAtOnceTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, AlsoBad.class, Problems.class))
            .assertException(failure -> {
                Problems.assertReported(failure, "Bad#first()", "must not be private");
                Problems.assertReported(failure, "Bad#first()", "every = \"soon\"");
                Problems.assertReported(failure, "Bad#second()", "must return void (busy)");
                Problems.assertReported(failure, "AlsoBad#on()", "must return void, Uni or CompletionStage");
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
        int on(String event) {
            return 0;
        }
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
