package io.quarkiverse.reactors.kafka.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import io.quarkiverse.reactors.runtime.internal.kafka.PartitionedJson;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.json.JsonObject;

/**
 * Each record runs on the reactor owning its partition ({@code partition mod 2}), in offset order per partition,
 * and is acked: the stats count every record completed, and the group's committed offsets reach the end of every
 * partition.
 */
public class PartitionedTest {

    static final int PARTITIONS = 4;
    static final int RECORDS = 400;

    static {
        Broker.createTopic("partitioned-orders", PARTITIONS);
    }

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Orders.class, Seen.class, Broker.class))
            .overrideRuntimeConfigKey("quarkus.reactors.count", "2")
            .overrideRuntimeConfigKey("kafka.bootstrap.servers", Broker.bootstrapServers())
            .overrideRuntimeConfigKey("mp.messaging.incoming.orders.topic", "partitioned-orders")
            .overrideRuntimeConfigKey("mp.messaging.incoming.orders.group.id", "partitioned-test")
            .overrideRuntimeConfigKey("mp.messaging.incoming.orders.auto.offset.reset", "earliest");

    public record Seen(int partition, long offset, int reactor, String thread, String value) {
    }

    public static class Orders {
        final List<Seen> seen = new CopyOnWriteArrayList<>();
        final Map<Integer, Integer> reactorOfPartition = new ConcurrentHashMap<>();

        @Inject
        Reactors reactors;

        @Incoming("orders")
        @Partitioned
        void apply(ConsumerRecord<String, String> record) {
            seen.add(new Seen(record.partition(), record.offset(), reactors.current().id(), Thread.currentThread().getName(),
                    record.value()));
        }
    }

    @Inject
    Orders orders;

    @Inject
    Partitions partitions;

    @Test
    void recordsRunOnTheOwningReactorInOffsetOrder() {
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            records.add(Map.entry("key-" + (i % 37), "value-" + i));
        }
        Broker.send("partitioned-orders", records);
        Broker.until(() -> orders.seen.size() >= RECORDS,
                () -> orders.seen.size() + " of " + RECORDS + " processed; " + partitions.stats());

        Map<Integer, Long> lastOffset = new ConcurrentHashMap<>();
        for (Seen seen : orders.seen) {
            assertEquals(seen.partition() % 2, seen.reactor(), "partition " + seen.partition() + " runs on its owner: " + seen);
            Long previous = lastOffset.put(seen.partition(), seen.offset());
            assertTrue(previous == null || previous < seen.offset(), "offset order in partition " + seen.partition()
                    + ": " + previous + " then " + seen.offset());
        }
        assertEquals(RECORDS, orders.seen.stream().map(Seen::value).distinct().count(), "every record once");
        assertTrue(lastOffset.size() > 1, "keys spread over partitions: " + lastOffset.keySet());

        Broker.until(() -> partitions.stats().get(0).completed() == RECORDS, () -> partitions.stats().toString());
        PartitionedStats stats = partitions.stats().get(0);
        assertEquals("orders", stats.channel());
        assertEquals(RECORDS, stats.dispatched());
        assertEquals(0, stats.failed());
        assertEquals(List.of(0, 0), stats.inFlight());
        assertEquals(2, stats.partitions().size(), "one list per reactor: " + stats.partitions());
        for (int reactor = 0; reactor < 2; reactor++) {
            for (String partition : stats.partitions().get(reactor)) {
                assertTrue(partition.startsWith("partitioned-orders-"), partition);
                assertEquals(reactor, Integer.parseInt(partition.substring(partition.lastIndexOf('-') + 1)) % 2,
                        partition + " listed under its owner");
            }
        }
        assertEquals(lastOffset.size(), stats.partitions().stream().mapToInt(List::size).sum(), stats.partitions()
                + " lists every partition that had records");

        // every ack reached SmallRye's commit handler: the commits cover every record (throttled: every 5 s)
        Map<Integer, Long> ends = Broker.countByPartition("partitioned-orders", PARTITIONS);
        Broker.until(() -> Broker.committed("partitioned-test", "partitioned-orders").equals(ends),
                () -> "committed " + Broker.committed("partitioned-test", "partitioned-orders") + ", end offsets " + ends);

        // the "partitioned" section of GET /q/reactors
        JsonObject section = PartitionedJson.addTo(new JsonObject()).getJsonArray("partitioned").getJsonObject(0);
        assertEquals("orders", section.getString("channel"));
        assertEquals(RECORDS, section.getLong("completed"));
        assertEquals(false, section.getBoolean("paused"));
        assertEquals(stats.partitions().get(1), section.getJsonArray("partitions").getJsonArray(1).getList());
    }
}
