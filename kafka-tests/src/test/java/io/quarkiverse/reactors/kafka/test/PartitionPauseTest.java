package io.quarkiverse.reactors.kafka.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Partitioned;
import io.quarkiverse.reactors.PartitionedStats;
import io.quarkiverse.reactors.Partitions;
import io.quarkiverse.reactors.Reactors;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

/**
 * A full reactor pauses its own partitions at Kafka, not the channel: reactor 0's records wait on a gate the test
 * holds shut, so reactor 0 reaches {@code max-in-flight}; reactor 1's partitions keep flowing and all its records
 * are processed meanwhile. Once the gate opens every record is processed once, in offset order per partition, and
 * reactor 0's partitions are resumed.
 */
public class PartitionPauseTest {

    static final int PARTITIONS = 4;
    static final int RECORDS = 400;
    static final int MAX_IN_FLIGHT = 64;

    static {
        Broker.createTopic("partition-pause", PARTITIONS);
    }

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Gated.class, Broker.class))
            .overrideRuntimeConfigKey("quarkus.reactors.count", "2")
            .overrideRuntimeConfigKey("quarkus.reactors.kafka.max-in-flight", String.valueOf(MAX_IN_FLIGHT))
            .overrideRuntimeConfigKey("kafka.bootstrap.servers", Broker.bootstrapServers())
            .overrideRuntimeConfigKey("mp.messaging.incoming.gated.topic", "partition-pause")
            .overrideRuntimeConfigKey("mp.messaging.incoming.gated.group.id", "partition-pause-test")
            .overrideRuntimeConfigKey("mp.messaging.incoming.gated.auto.offset.reset", "earliest")
            // small polls: what is fetched before the pause takes effect stays well below max-in-flight
            .overrideRuntimeConfigKey("mp.messaging.incoming.gated.max.poll.records", "10");

    public static class Gated {
        final CompletableFuture<Void> gate = new CompletableFuture<>();
        /** {partition, offset} per reactor, in processing order. */
        final Map<Integer, List<long[]>> done = new ConcurrentHashMap<>(Map.of(0, new CopyOnWriteArrayList<>(), 1,
                new CopyOnWriteArrayList<>()));

        @Inject
        Reactors reactors;

        @Incoming("gated")
        @Partitioned
        Uni<Void> apply(ConsumerRecord<String, String> record) {
            int reactor = reactors.current().id();
            Uni<Void> wait = reactor == 0 ? Uni.createFrom().completionStage(gate) : Uni.createFrom().voidItem();
            return wait.invoke(() -> done.get(reactor).add(new long[] { record.partition(), record.offset() }));
        }
    }

    @Inject
    Gated gated;

    @Inject
    Partitions partitions;

    @Test
    void aFullReactorPausesItsPartitionsAndTheOthersKeepFlowing() {
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            records.add(Map.entry("key-" + i, "value-" + i));
        }
        Broker.send("partition-pause", records);
        Broker.until(() -> stats().inFlight().get(0) == MAX_IN_FLIGHT && stats().partitionsPaused().get(0),
                () -> "reactor 0 full and its partitions paused: " + stats());
        long forReactor1 = count(1);
        Broker.until(() -> gated.done.get(1).size() == forReactor1, () -> gated.done.get(1).size() + " of "
                + forReactor1 + " records of reactor 1 processed while reactor 0 is full: " + stats());
        PartitionedStats full = stats();
        assertTrue(gated.done.get(0).isEmpty(), "reactor 0 holds its records");
        assertFalse(full.paused(), "the channel itself never stopped: " + full);
        assertFalse(full.partitionsPaused().get(1), "reactor 1's partitions flow: " + full);
        assertTrue(full.waiting().get(0) <= 4 * MAX_IN_FLIGHT, "what was fetched before the pause waits, bounded: " + full);

        gated.gate.complete(null);
        Broker.until(() -> gated.done.get(0).size() + gated.done.get(1).size() == RECORDS,
                () -> gated.done.get(0).size() + gated.done.get(1).size() + " of " + RECORDS + ": " + stats());
        for (int reactor = 0; reactor < 2; reactor++) {
            Map<Long, Long> last = new ConcurrentHashMap<>();
            for (long[] seen : gated.done.get(reactor)) {
                assertEquals(reactor, seen[0] % 2, "partition " + seen[0] + " on its owner");
                Long previous = last.put(seen[0], seen[1]);
                assertTrue(previous == null || previous < seen[1], "offset order in partition " + seen[0]);
            }
        }
        Broker.until(() -> !stats().partitionsPaused().get(0), () -> "reactor 0's partitions resumed: " + stats());
        PartitionedStats after = stats();
        assertEquals(RECORDS, after.completed(), "every record once: " + after);
        assertEquals(List.of(0, 0), after.waiting());
        assertTrue(after.partitionPauses() >= 1, after.toString());
    }

    private PartitionedStats stats() {
        return partitions.stats().get(0);
    }

    /** Records of the topic whose partition reactor {@code reactor} owns. */
    private static long count(int reactor) {
        return Broker.countByPartition("partition-pause", PARTITIONS).entrySet().stream()
                .filter(e -> e.getKey() % 2 == reactor).mapToLong(Map.Entry::getValue).sum();
    }
}
