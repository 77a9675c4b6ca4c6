package io.quarkiverse.reactors.kafka.test.validation;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Partitioned;
import io.quarkus.test.QuarkusUnitTest;

/** A partition map naming a reactor beyond {@code count} stops the application, naming the key and the entry. */
public class PartitionMapInvalidTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Consumer.class))
            .overrideRuntimeConfigKey("quarkus.reactors.count", "2")
            .overrideRuntimeConfigKey("quarkus.reactors.kafka.partition-map.\"bad-map\"", "0-3:2")
            .overrideRuntimeConfigKey("kafka.bootstrap.servers", "127.0.0.1:9")
            .assertException(failure -> BuildFailure.assertMentions(failure,
                    "quarkus.reactors.kafka.partition-map.\"bad-map\"=0-3:2 is invalid: '0-3:2' names reactor 2, but"
                            + " there are 2 reactors (0-1, quarkus.reactors.count)"));

    public static class Consumer {
        @Incoming("bad-map")
        @Partitioned
        void apply(ConsumerRecord<String, String> record) {
        }
    }

    @Test
    void startupFails() {
        // assertException checks the failure
    }
}
