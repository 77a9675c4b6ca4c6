package io.quarkiverse.reactors.kafka.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Partitioned;
import io.quarkiverse.reactors.PartitionedStats;
import io.quarkiverse.reactors.Partitions;
import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * With Micrometer in the application, each {@code @Partitioned} channel has meters tagged with its name (and the
 * reactor, for what is counted per reactor), scraped from the Prometheus endpoint: they show what the channel's
 * stats show.
 */
public class PartitionedMetersTest {

    static {
        Broker.createTopic("meters-orders", 2);
    }

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Orders.class, Broker.class))
            .setForcedDependencies(List.of(Dependency.of("io.quarkus",
                    "quarkus-micrometer-registry-prometheus-deployment", Version.getVersion())))
            .overrideRuntimeConfigKey("quarkus.reactors.count", "2")
            .overrideRuntimeConfigKey("kafka.bootstrap.servers", Broker.bootstrapServers())
            .overrideRuntimeConfigKey("mp.messaging.incoming.orders.topic", "meters-orders")
            .overrideRuntimeConfigKey("mp.messaging.incoming.orders.group.id", "meters-test")
            .overrideRuntimeConfigKey("mp.messaging.incoming.orders.auto.offset.reset", "earliest")
            .overrideRuntimeConfigKey("mp.messaging.incoming.orders.failure-strategy", "ignore");

    public static class Orders {

        @Incoming("orders")
        @Partitioned
        CompletionStage<Void> apply(Message<String> message) {
            return message.getPayload().startsWith("bad")
                    ? CompletableFuture.failedFuture(new IllegalArgumentException("refused " + message.getPayload()))
                    : CompletableFuture.completedFuture(null);
        }
    }

    @Inject
    Partitions partitions;

    @TestHTTPResource("/q/metrics")
    URL metrics;

    @Test
    void theChannelsMetersShowItsStats() throws Exception {
        Broker.send("meters-orders", List.of(Map.entry("a", "good-1"), Map.entry("b", "bad-1"),
                Map.entry("c", "good-2"), Map.entry("d", "good-3"), Map.entry("e", "bad-2")));
        Broker.until(() -> stats().completed() + stats().failed() == 5, () -> partitions.stats().toString());
        PartitionedStats stats = stats();
        String scraped = scrape();
        String channel = "{channel=\"orders\"}";
        assertEquals(5, value(scraped, "reactors_partitioned_records_dispatched_total" + channel), scraped);
        assertEquals(3, value(scraped, "reactors_partitioned_records_completed_total" + channel), scraped);
        assertEquals(2, value(scraped, "reactors_partitioned_records_failed_total" + channel), scraped);
        assertEquals(stats.partitionPauses(), value(scraped, "reactors_partitioned_partition_pauses_total" + channel));
        assertEquals(stats.pauses(), value(scraped, "reactors_partitioned_channel_pauses_total" + channel));
        assertTrue(scraped.contains("reactors_partitioned_channel_paused_time_seconds_total" + channel), scraped);
        for (int reactor = 0; reactor < 2; reactor++) {
            String tags = "{channel=\"orders\",reactor=\"" + reactor + "\"}";
            assertEquals(0, value(scraped, "reactors_partitioned_in_flight" + tags), scraped);
            assertEquals(0, value(scraped, "reactors_partitioned_waiting" + tags), scraped);
            assertEquals(0, value(scraped, "reactors_partitioned_partitions_paused" + tags), scraped);
        }
    }

    private PartitionedStats stats() {
        return partitions.stats().stream().filter(s -> s.channel().equals("orders")).findFirst().orElseThrow();
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(metrics.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** The value of the meter whose name and tags are {@code series}, or fails naming the reactors' meters seen. */
    private static double value(String scraped, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.E+-]+)$").matcher(scraped);
        assertTrue(m.find(), series + " not in\n" + scraped.lines().filter(l -> l.startsWith("reactors_partitioned"))
                .reduce("", (a, b) -> a + b + "\n"));
        return Double.parseDouble(m.group(1));
    }
}
