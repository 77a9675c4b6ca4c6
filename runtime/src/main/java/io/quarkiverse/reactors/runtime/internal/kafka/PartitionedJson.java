package io.quarkiverse.reactors.runtime.internal.kafka;

import java.util.List;

import io.quarkiverse.reactors.PartitionedStats;
import io.quarkiverse.reactors.Partitions;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The {@code partitioned} section of {@code GET /q/reactors}: one object per {@code @Partitioned} channel. Refers to
 * no Kafka type, so the endpoint may call it in an application without Kafka (there it adds nothing). Stateless;
 * called on the HTTP thread serving the request.
 */
public final class PartitionedJson {

    private PartitionedJson() {
    }

    /** Adds {@code "partitioned": [...]} to {@code body} when the application has {@code @Partitioned} channels. */
    public static JsonObject addTo(JsonObject body) {
        if (Arc.container() == null) {
            return body;
        }
        try (InstanceHandle<Partitions> partitions = Arc.container().instance(Partitions.class)) {
            if (!partitions.isAvailable()) {
                return body;
            }
            List<PartitionedStats> stats = partitions.get().stats();
            if (!stats.isEmpty()) {
                JsonArray channels = new JsonArray();
                stats.forEach(s -> channels.add(channel(s)));
                body.put("partitioned", channels);
            }
        }
        return body;
    }

    static JsonObject channel(PartitionedStats s) {
        return new JsonObject()
                .put("channel", s.channel())
                .put("method", s.method())
                .put("dispatched", s.dispatched())
                .put("completed", s.completed())
                .put("failed", s.failed())
                .put("pauses", s.pauses())
                .put("pausedMillis", s.pausedNanos() / 1_000_000)
                .put("paused", s.paused())
                .put("inFlight", new JsonArray(s.inFlight()))
                .put("partitionPauses", s.partitionPauses())
                .put("partitionsPaused", new JsonArray(s.partitionsPaused()))
                .put("waiting", new JsonArray(s.waiting()))
                .put("partitions", new JsonArray(s.partitions().stream().map(JsonArray::new).toList()));
    }
}
