package io.quarkiverse.reactors.kafka.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Partitioned;
import io.quarkus.test.QuarkusUnitTest;

/** A @Partitioned channel uses the Kafka connector: elsewhere a record has no partition. */
public class PartitionedNeedsKafkaChannelTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, BuildFailure.class))
            .overrideConfigKey("mp.messaging.incoming.orders.connector", "smallrye-in-memory")
            .assertException(failure -> BuildFailure.assertMentions(failure, "Bad#on()", "of connector 'smallrye-in-memory'"));

    public static class Bad {
        @Incoming("orders")
        @Partitioned
        void on(String record) {
        }
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
