package io.quarkiverse.reactors.kafka.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Partitioned;
import io.quarkus.test.QuarkusUnitTest;

/** A @Partitioned method is also an @Incoming method. */
public class PartitionedNeedsIncomingTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, BuildFailure.class))
            .assertException(failure -> BuildFailure.assertMentions(failure, "Bad#on()", "must also be annotated @Incoming"));

    public static class Bad {
        @Partitioned
        void on(String record) {
        }
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
