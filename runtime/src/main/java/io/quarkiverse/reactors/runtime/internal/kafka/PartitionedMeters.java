package io.quarkiverse.reactors.runtime.internal.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import io.quarkiverse.reactors.PartitionedStats;
import io.quarkus.runtime.metrics.MetricsFactory;

/**
 * The {@code @Partitioned} channels' meters, through Quarkus' metrics SPI as the reactors' own
 * ({@code ReactorMeters}). Tagged {@code channel}, and {@code reactor} for what is counted per reactor. Every meter
 * reads the channel's stats snapshot when scraped, so the dispatch path writes nothing more for them; a channel not
 * registered yet (the metrics registry may come up first) reads as zero.
 */
public final class PartitionedMeters {

    private static final double NANOS_PER_SECOND = 1e9;
    /**
     * The meters' owners, one per channel name, held here because the registry holds a meter's owner weakly (the
     * reactors' meters are owned by the reactors, which the application holds).
     */
    private static final Map<String, Source> SOURCES = new ConcurrentHashMap<>();

    private PartitionedMeters() {
    }

    /**
     * @param channels the {@code @Partitioned} channels, known at build time
     * @param reactors how many reactors there are
     */
    public static void register(MetricsFactory factory, List<String> channels, int reactors) {
        if (!factory.metricsSystemSupported(MetricsFactory.MICROMETER)) {
            return;
        }
        for (String name : channels) {
            Source channel = SOURCES.computeIfAbsent(name, Source::new);
            counter(factory, channel, "reactors.partitioned.records.dispatched", "Records handed to a reactor",
                    PartitionedStats::dispatched);
            counter(factory, channel, "reactors.partitioned.records.completed",
                    "Records whose method completed (acked)", PartitionedStats::completed);
            counter(factory, channel, "reactors.partitioned.records.failed",
                    "Records whose method threw or whose result failed (nacked)", PartitionedStats::failed);
            counter(factory, channel, "reactors.partitioned.partition.pauses",
                    "Times a full reactor had its partitions paused at Kafka", PartitionedStats::partitionPauses);
            counter(factory, channel, "reactors.partitioned.channel.pauses",
                    "Times the whole channel stopped because records waited for one full reactor",
                    PartitionedStats::pauses);
            factory.builder("reactors.partitioned.channel.paused.time").description("Time the whole channel was stopped")
                    .unit("seconds").tag("channel", name).buildCounter(channel, Source::pausedSeconds);
            for (int reactor = 0; reactor < reactors; reactor++) {
                perReactor(factory, channel, reactor, "reactors.partitioned.in.flight",
                        "Records dispatched to the reactor and not completed yet", PartitionedStats::inFlight);
                perReactor(factory, channel, reactor, "reactors.partitioned.waiting",
                        "Records fetched before the reactor's partitions paused, waiting for it to drain",
                        PartitionedStats::waiting);
                perReactor(factory, channel, reactor, "reactors.partitioned.partitions.paused",
                        "1 while the reactor's partitions are paused at Kafka, else 0",
                        s -> s.partitionsPaused().stream().map(paused -> paused ? 1 : 0).toList());
            }
        }
    }

    /**
     * One channel for its meters: looked up by name when scraped. A scrape reads all of a channel's meters within
     * moments, so they share one snapshot of its stats (taken at most {@value #SNAPSHOT_NANOS} ns earlier) instead of
     * taking one each. Thread-safe: scrapes may run at once.
     */
    private static final class Source {

        /** How long a snapshot serves the meters of one scrape. */
        static final long SNAPSHOT_NANOS = 100_000_000;

        final String channel;
        private PartitionedStats snapshot;
        private long takenAt;
        /** The paused time as last reported: never lower, as a counter must not go down. */
        private long pausedNanos;

        Source(String channel) {
            this.channel = channel;
        }

        double read(ToDoubleFunction<PartitionedStats> value) {
            PartitionedStats stats = stats();
            return stats == null ? 0 : value.applyAsDouble(stats);
        }

        /** One reactor's entry of a per-reactor list; NaN when the list has none (a dev-mode restart with more reactors). */
        double readOf(int reactor, Function<PartitionedStats, List<? extends Number>> list) {
            PartitionedStats stats = stats();
            if (stats == null) {
                return 0;
            }
            List<? extends Number> values = list.apply(stats);
            return reactor < values.size() ? values.get(reactor).doubleValue() : Double.NaN;
        }

        double pausedSeconds() {
            PartitionedStats stats = stats();
            synchronized (this) {
                if (stats != null && stats.pausedNanos() > pausedNanos) {
                    pausedNanos = stats.pausedNanos();
                }
                return pausedNanos / NANOS_PER_SECOND;
            }
        }

        private synchronized PartitionedStats stats() {
            long now = System.nanoTime();
            if (snapshot == null || now - takenAt > SNAPSHOT_NANOS) {
                PartitionedChannel partitioned = PartitionedChannels.get(channel);
                if (partitioned == null) {
                    return null;
                }
                snapshot = partitioned.stats();
                takenAt = now;
            }
            return snapshot;
        }
    }

    private static void counter(MetricsFactory factory, Source channel, String name, String description,
            ToDoubleFunction<PartitionedStats> value) {
        factory.builder(name).description(description).tag("channel", channel.channel)
                .buildCounter(channel, c -> c.read(value));
    }

    private static void perReactor(MetricsFactory factory, Source channel, int reactor, String name, String description,
            Function<PartitionedStats, List<? extends Number>> perReactor) {
        factory.builder(name).description(description).tag("channel", channel.channel)
                .tag("reactor", Integer.toString(reactor)).buildGauge(channel, c -> c.readOf(reactor, perReactor));
    }
}
