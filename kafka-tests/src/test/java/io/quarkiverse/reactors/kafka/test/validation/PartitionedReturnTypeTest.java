package io.quarkiverse.reactors.kafka.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Partitioned;
import io.quarkus.test.QuarkusUnitTest;

/** A @Partitioned method returns void, Uni or CompletionStage: the record is acked when it completes. */
public class PartitionedReturnTypeTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, BuildFailure.class))
            .assertException(
                    failure -> BuildFailure.assertMentions(failure, "Bad#on()", "must return void, Uni or CompletionStage"));

    public static class Bad {
        @Incoming("orders")
        @Partitioned
        String on(String record) {
            return record;
        }
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
