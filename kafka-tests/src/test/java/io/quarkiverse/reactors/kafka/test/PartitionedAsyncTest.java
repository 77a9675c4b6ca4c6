package io.quarkiverse.reactors.kafka.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Partitioned;
import io.quarkiverse.reactors.PartitionedStats;
import io.quarkiverse.reactors.Partitions;
import io.quarkiverse.reactors.Reactors;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Asynchronous results: a record of a partition starts only once the previous one's {@code Uni} completed, the
 * completion comes back to the owning reactor, a failed result nacks the record (the channel's failure strategy,
 * here {@code ignore}, decides), and with {@code max-in-flight=2} dispatch stops and resumes (counted in the stats)
 * without losing a record.
 */
public class PartitionedAsyncTest {

    static final int RECORDS = 200;

    static {
        Broker.createTopic("async-slow", 2);
        Broker.createTopic("async-checked", 2);
    }

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Slow.class, Checked.class, Broker.class))
            .overrideRuntimeConfigKey("quarkus.reactors.count", "2")
            .overrideRuntimeConfigKey("quarkus.reactors.kafka.max-in-flight", "2")
            .overrideRuntimeConfigKey("kafka.bootstrap.servers", Broker.bootstrapServers())
            .overrideRuntimeConfigKey("mp.messaging.incoming.slow.topic", "async-slow")
            .overrideRuntimeConfigKey("mp.messaging.incoming.slow.group.id", "async-test")
            .overrideRuntimeConfigKey("mp.messaging.incoming.slow.auto.offset.reset", "earliest")
            .overrideRuntimeConfigKey("mp.messaging.incoming.checked.topic", "async-checked")
            .overrideRuntimeConfigKey("mp.messaging.incoming.checked.group.id", "async-test")
            .overrideRuntimeConfigKey("mp.messaging.incoming.checked.auto.offset.reset", "earliest")
            .overrideRuntimeConfigKey("mp.messaging.incoming.checked.failure-strategy", "ignore");

    public static class Slow {
        final List<String> done = new CopyOnWriteArrayList<>();
        final List<String> violations = new CopyOnWriteArrayList<>();
        final Set<Integer> running = ConcurrentHashMap.newKeySet();
        final Map<Integer, Long> lastOffset = new ConcurrentHashMap<>();

        @Inject
        Reactors reactors;

        @Incoming("slow")
        @Partitioned
        Uni<Void> apply(ConsumerRecord<String, String> record) {
            int partition = record.partition();
            if (!running.add(partition)) {
                violations.add("two records of partition " + partition + " at once, offset " + record.offset());
            }
            Long previous = lastOffset.put(partition, record.offset());
            if (previous != null && previous >= record.offset()) {
                violations.add("partition " + partition + ": offset " + record.offset() + " after " + previous);
            }
            int owner = reactors.current().id();
            return Uni.createFrom().item(record.value()).onItem().delayIt().by(Duration.ofMillis(1))
                    .invoke(value -> {
                        running.remove(partition);
                        done.add(value);
                    })
                    .replaceWithVoid()
                    .onTermination().invoke(() -> {
                        // the next record of the partition runs on the owner again: checked on entry above
                        if (owner != partition % 2) {
                            violations.add("partition " + partition + " ran on reactor " + owner);
                        }
                    });
        }
    }

    public static class Checked {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Incoming("checked")
        @Partitioned
        CompletionStage<Void> check(Message<String> message) {
            seen.add(message.getPayload());
            if (message.getPayload().startsWith("bad")) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("refused " + message.getPayload()));
            }
            int partition = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow().getPartition();
            assertTrue(partition >= 0);
            return CompletableFuture.completedFuture(null);
        }
    }

    @Inject
    Slow slow;

    @Inject
    Checked checked;

    @Inject
    Partitions partitions;

    @Test
    void asyncResultsKeepPartitionOrderAndBackpressureLosesNothing() {
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            records.add(Map.entry("k" + (i % 11), "v" + i));
        }
        Broker.send("async-slow", records);
        Broker.until(() -> slow.done.size() >= RECORDS, () -> slow.done.size() + " done; " + partitions.stats());
        assertEquals(List.of(), slow.violations);
        assertEquals(RECORDS, slow.done.stream().distinct().count());
        PartitionedStats stats = stats("slow");
        assertEquals(RECORDS, stats.completed());
        assertTrue(stats.pauses() > 0, "two in flight per reactor with 1 ms results must stop dispatch: " + stats);
        assertTrue(!stats.paused() && stats.pausedNanos() > 0, stats.toString());
    }

    @Test
    void failedResultsAreNackedAndTheChannelGoesOn() {
        Broker.send("async-checked", List.of(Map.entry("a", "good-1"), Map.entry("b", "bad-1"), Map.entry("c", "good-2"),
                Map.entry("a", "bad-2"), Map.entry("b", "good-3")));
        Broker.until(() -> stats("checked").completed() + stats("checked").failed() == 5,
                () -> partitions.stats().toString());
        assertEquals(3, stats("checked").completed());
        assertEquals(2, stats("checked").failed());
        assertEquals(5, checked.seen.size());
    }

    private PartitionedStats stats(String channel) {
        return partitions.stats().stream().filter(s -> s.channel().equals(channel)).findFirst().orElseThrow();
    }
}
