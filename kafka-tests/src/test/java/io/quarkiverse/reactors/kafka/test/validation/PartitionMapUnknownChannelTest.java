package io.quarkiverse.reactors.kafka.test.validation;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Partitioned;
import io.quarkus.test.QuarkusUnitTest;

/** A partition map for a channel without a {@code @Partitioned} method (a typo) stops the application. */
public class PartitionMapUnknownChannelTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Consumer.class))
            .overrideRuntimeConfigKey("quarkus.reactors.count", "2")
            .overrideRuntimeConfigKey("quarkus.reactors.kafka.partition-map.\"ordres\"", "0-3:1")
            .overrideRuntimeConfigKey("kafka.bootstrap.servers", "127.0.0.1:9")
            .assertException(failure -> BuildFailure.assertMentions(failure,
                    "quarkus.reactors.kafka.partition-map.\"ordres\" names a channel without a @Partitioned method;"
                            + " the @Partitioned channels are [orders]"));

    public static class Consumer {
        @Incoming("orders")
        @Partitioned
        void apply(ConsumerRecord<String, String> record) {
        }
    }

    @Test
    void startupFails() {
        // assertException checks the failure
    }
}
