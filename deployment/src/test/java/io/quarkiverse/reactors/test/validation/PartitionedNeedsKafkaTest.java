package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Partitioned;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Without quarkus-messaging-kafka (this module's tests have none), a @Partitioned method fails the build with
 * what to add, and the extension itself builds and runs without Kafka classes.
 */
public class PartitionedNeedsKafkaTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, Problems.class))
            .assertException(failure -> Problems.assertReported(failure, "Bad#on()",
                    "needs Kafka messaging: add the io.quarkus:quarkus-messaging-kafka dependency"));

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
