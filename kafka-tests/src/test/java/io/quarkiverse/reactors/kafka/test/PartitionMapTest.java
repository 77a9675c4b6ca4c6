package io.quarkiverse.reactors.kafka.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Partitioned;
import io.quarkiverse.reactors.Reactors;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code quarkus.reactors.kafka.partition-map."mapped"=0:1,1:0} swaps partitions 0 and 1 between the two reactors;
 * partitions 2 and 3, not listed, stay on {@code partition mod 2}.
 */
public class PartitionMapTest {

    static final int RECORDS = 200;

    static {
        Broker.createTopic("partition-map", 4);
    }

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Mapped.class, Broker.class))
            .overrideRuntimeConfigKey("quarkus.reactors.count", "2")
            .overrideRuntimeConfigKey("quarkus.reactors.kafka.partition-map.\"mapped\"", "0:1, 1:0")
            .overrideRuntimeConfigKey("kafka.bootstrap.servers", Broker.bootstrapServers())
            .overrideRuntimeConfigKey("mp.messaging.incoming.mapped.topic", "partition-map")
            .overrideRuntimeConfigKey("mp.messaging.incoming.mapped.group.id", "partition-map-test")
            .overrideRuntimeConfigKey("mp.messaging.incoming.mapped.auto.offset.reset", "earliest");

    public static class Mapped {
        /** {partition, reactor} of each record. */
        final List<int[]> seen = new CopyOnWriteArrayList<>();

        @Inject
        Reactors reactors;

        @Incoming("mapped")
        @Partitioned
        void apply(ConsumerRecord<String, String> record) {
            seen.add(new int[] { record.partition(), reactors.current().id() });
        }
    }

    @Inject
    Mapped mapped;

    @Test
    void listedPartitionsRunWhereTheMapSaysTheOthersOnModulo() {
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            records.add(Map.entry("key-" + i, "value-" + i));
        }
        Broker.send("partition-map", records);
        Broker.until(() -> mapped.seen.size() >= RECORDS, () -> mapped.seen.size() + " of " + RECORDS);
        Map<Integer, Integer> expected = Map.of(0, 1, 1, 0, 2, 0, 3, 1);
        Set<Integer> partitions = new TreeSet<>();
        for (int[] seen : mapped.seen) {
            assertEquals(expected.get(seen[0]), seen[1], "partition " + seen[0] + " runs on reactor " + seen[1]);
            partitions.add(seen[0]);
        }
        assertEquals(Set.of(0, 1, 2, 3), partitions, "200 keys reach all 4 partitions");
    }
}
