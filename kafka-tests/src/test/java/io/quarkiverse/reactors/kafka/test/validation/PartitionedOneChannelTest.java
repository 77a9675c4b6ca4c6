package io.quarkiverse.reactors.kafka.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Partitioned;
import io.quarkus.test.QuarkusUnitTest;

/** A @Partitioned method consumes exactly one channel. */
public class PartitionedOneChannelTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, BuildFailure.class))
            .assertException(failure -> BuildFailure.assertMentions(failure, "Bad#on()", "must consume one channel"));

    public static class Bad {
        @Incoming("orders")
        @Incoming("refunds")
        @Partitioned
        void on(String record) {
        }
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
