package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Poller;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.Blocking;

/** @Blocking on a @Poller is reported: reactors never block. */
public class PollerMustNotBeBlockingTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, Problems.class))
            .assertException(failure -> Problems.assertReported(failure, "Bad#poll()",
                    "must not be @Blocking or @RunOnVirtualThread", "reactor.offload(...)"));

    public static class Bad {
        @Poller
        @Blocking
        void poll() {
        }
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
