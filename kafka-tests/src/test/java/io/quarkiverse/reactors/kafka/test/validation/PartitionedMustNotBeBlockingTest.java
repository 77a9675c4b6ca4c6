package io.quarkiverse.reactors.kafka.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Partitioned;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.Blocking;

/** A @Partitioned method runs on a reactor, so it must not be @Blocking. */
public class PartitionedMustNotBeBlockingTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, BuildFailure.class))
            .assertException(failure -> BuildFailure.assertMentions(failure, "Bad#on()", "must not be @Blocking"));

    public static class Bad {
        @Incoming("orders")
        @Partitioned
        @Blocking
        void on(String record) {
        }
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
