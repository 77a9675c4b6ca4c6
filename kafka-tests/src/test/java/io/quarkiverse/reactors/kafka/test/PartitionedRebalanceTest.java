package io.quarkiverse.reactors.kafka.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Partitioned;
import io.quarkiverse.reactors.Partitions;
import io.quarkiverse.reactors.Reactors;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

/**
 * A second member joins the consumer group mid-stream, so the application's partitions are revoked and half of them
 * move. Checked: every record is processed at least once across both members, per-key order holds within each
 * member, the application ran each partition on its owning reactor only, and the records processed twice are
 * bounded by what the application could have in flight.
 */
public class PartitionedRebalanceTest {

    /**
     * Enough that the stream outlasts the group's join: with 4,000 it could end first, and the check that both
     * members processed records failed once in CI.
     */
    static final int RECORDS = 20_000;
    static final int KEYS = 100;
    static final int MAX_IN_FLIGHT = 64;
    static final int REACTORS = 2;

    static {
        Broker.createTopic("rebalance", 4);
    }

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Shards.class, Broker.class))
            .overrideRuntimeConfigKey("quarkus.reactors.count", String.valueOf(REACTORS))
            .overrideRuntimeConfigKey("quarkus.reactors.kafka.max-in-flight", String.valueOf(MAX_IN_FLIGHT))
            .overrideRuntimeConfigKey("kafka.bootstrap.servers", Broker.bootstrapServers())
            .overrideRuntimeConfigKey("mp.messaging.incoming.shards.topic", "rebalance")
            .overrideRuntimeConfigKey("mp.messaging.incoming.shards.group.id", "rebalance-test")
            .overrideRuntimeConfigKey("mp.messaging.incoming.shards.auto.offset.reset", "earliest");

    public static class Shards {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final List<String> violations = new CopyOnWriteArrayList<>();

        @Inject
        Reactors reactors;

        @Incoming("shards")
        @Partitioned
        Uni<Void> apply(ConsumerRecord<String, String> record) {
            if (reactors.current().id() != record.partition() % REACTORS) {
                violations.add("partition " + record.partition() + " on reactor " + reactors.current().id());
            }
            seen.add(record.value());
            // slow enough that the second member joins while records are in flight
            return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(1));
        }
    }

    @Inject
    Shards shards;

    @Inject
    Partitions partitions;

    @Test
    void aMemberJoiningMidStreamLosesNothing() {
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            String key = "k" + (i % KEYS);
            records.add(Map.entry(key, key + ":" + (i / KEYS)));
        }
        Broker.send("rebalance", records);
        Broker.until(() -> shards.seen.size() >= RECORDS / 8, () -> shards.seen.size() + " processed");

        List<String> other = new ArrayList<>();
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "rebalance-test", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> member = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            member.subscribe(List.of("rebalance"));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (union(other).size() < RECORDS && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : member.poll(Duration.ofMillis(100))) {
                    other.add(record.value());
                }
                member.commitSync();
            }
            assertTrue(!member.assignment().isEmpty(), "the second member took partitions");
        }

        Set<String> all = union(other);
        assertEquals(RECORDS, all.size(), "every record processed at least once");
        assertEquals(List.of(), shards.violations);
        assertOrderPerKey(shards.seen, "application");
        assertOrderPerKey(other, "second member");
        int duplicates = shards.seen.size() + other.size() - all.size();
        System.out.printf("rebalance: %d records, %d processed by the application, %d by the second member,"
                + " %d processed twice (bound %d)%n", RECORDS, shards.seen.size(), other.size(), duplicates,
                MAX_IN_FLIGHT * REACTORS);
        assertTrue(duplicates <= MAX_IN_FLIGHT * REACTORS, duplicates + " duplicates exceed what was in flight");
        assertTrue(other.size() > 0 && shards.seen.size() > RECORDS / 8, "both members processed records");
    }

    private Set<String> union(List<String> other) {
        Set<String> all = new HashSet<>(shards.seen);
        all.addAll(other);
        return all;
    }

    /** Values are {@code key:sequence}; a member sees each key's sequence rising (a re-read restarts lower only once). */
    private static void assertOrderPerKey(List<String> values, String who) {
        Map<String, Integer> last = new HashMap<>();
        Map<String, Integer> restarts = new ConcurrentHashMap<>();
        for (String value : values) {
            String key = value.substring(0, value.indexOf(':'));
            int sequence = Integer.parseInt(value.substring(value.indexOf(':') + 1));
            Integer previous = last.put(key, sequence);
            if (previous != null && previous >= sequence) {
                restarts.merge(key, 1, Integer::sum);
            }
        }
        assertEquals(Map.of(), restarts, who + ": per-key order broken for keys " + restarts.keySet());
    }
}
