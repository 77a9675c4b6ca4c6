package io.quarkiverse.reactors.benchmarks.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Partitioned;
import io.quarkiverse.reactors.test.kafka.KafkaBroker;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * B10: the same handler behind {@code @Partitioned} (each record on the reactor owning its partition) and behind
 * SmallRye's ways: {@code @Incoming @NonBlocking} (the channel's event loop), {@code @Blocking(ordered = false)}
 * (worker threads, unordered) and {@code @Incoming} alone (Quarkus runs a {@code void} method on one worker at a
 * time, in order), each on its own topic of the same shape (8 partitions), on one broker, in one run. First every
 * consumer handles {@code WARMUP} records and a second of paced ones, unmeasured (measured cold, the first consumer's
 * paced p50 came out three times the others'). Then:
 * <ul>
 * <li>records/s, one consumer at a time: {@code RECORDS} records produced while the channel's consumer has its
 * partitions paused (Kafka's {@code Consumer#pause}), then the time from resuming them to the last record handled;</li>
 * <li>end-to-end p50 and p99, all consumers at once (measured one after the other, the earlier ones came out slower
 * whatever the order): records produced at {@code RATE} per second to each topic, each carrying
 * {@code System.nanoTime()} at send; the handler takes the difference (producer and consumer share this JVM, so the
 * clocks agree).</li>
 * </ul>
 * Run by {@code benchmarks/run.sh} with {@code -Dbench.b10.out=FILE}, which enables it and receives the rows.
 */
@EnabledIfSystemProperty(named = "bench.b10.out", matches = ".+")
public class KafkaPartitionedBench {

    static final List<String> MODES = List.of("partitioned", "eventloop", "workers", "ordered");
    static final int PARTITIONS = 8;
    static final boolean QUICK = Boolean.getBoolean("bench.quick");
    static final int RECORDS = QUICK ? 20_000 : 200_000;
    /**
     * Records each consumer handles, unmeasured, before any is measured: the consumers share the Kafka client's and
     * SmallRye's code, so without this the first one measured (ours) would run it cold while the JIT compiles it.
     */
    static final int WARMUP = QUICK ? 5_000 : 50_000;
    /** Records per second to each topic while the latencies are measured: 2 000 per second in all. */
    static final int RATE = 500;
    static final int TIMED = QUICK ? 1_000 : 10_000;
    static final int KEYS = 1_000;
    /**
     * The handler's work per record, in rounds of a multiply and a shift: 64 (about 100 ns, the default) makes the
     * dispatch the cost; {@code -Dbench.b10.work=6400} (about 10 µs) is a handler with work worth spreading over cores.
     */
    static final int WORK_ROUNDS = Integer.getInteger("bench.b10.work", 64);
    private static final String SERVERS = "reactors.bench.kafka.bootstrap-servers";

    @RegisterExtension
    static final QuarkusUnitTest APP = app();

    static QuarkusUnitTest app() {
        QuarkusUnitTest app = new QuarkusUnitTest()
                .withApplicationRoot(jar -> jar.addClasses(Handlers.class, Work.class))
                .overrideConfigKey("quarkus.kafka.devservices.enabled", "false")
                .overrideRuntimeConfigKey("quarkus.reactors.count", "2")
                .overrideRuntimeConfigKey("kafka.bootstrap.servers", servers());
        for (String mode : MODES) {
            String channel = "mp.messaging.incoming." + mode + ".";
            app.overrideRuntimeConfigKey(channel + "topic", "b10-" + mode)
                    .overrideRuntimeConfigKey(channel + "group.id", "b10-" + mode)
                    .overrideRuntimeConfigKey(channel + "auto.offset.reset", "earliest");
        }
        return app;
    }

    /**
     * One broker for the JVM, started on first call. QuarkusUnitTest loads this class twice (JUnit's class loader
     * and the application's), so its address lives in a system property that both see.
     */
    static String servers() {
        synchronized (System.class) {
            String servers = System.getProperty(SERVERS);
            if (servers == null) {
                KafkaBroker broker = KafkaBroker.start();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
                for (String mode : MODES) {
                    broker.createTopic("b10-" + mode, PARTITIONS);
                }
                servers = broker.bootstrapServers();
                System.setProperty(SERVERS, servers);
            }
            return servers;
        }
    }

    /** What a handler does, the same for the three: a little arithmetic on the record, counted and timed. */
    public static final class Work {
        final AtomicLong handled = new AtomicLong();
        final AtomicLong lastNanos = new AtomicLong();
        final AtomicInteger samples = new AtomicInteger();
        final long[] latencies = new long[TIMED];
        final java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        volatile long sink;

        void apply(ConsumerRecord<String, String> record) {
            long now = System.nanoTime();
            long sent = Long.parseLong(record.value());
            if (sent != 0) {
                int i = samples.getAndIncrement();
                if (i < latencies.length) {
                    latencies[i] = now - sent;
                }
            }
            long h = record.key().hashCode();
            for (int i = 0; i < WORK_ROUNDS; i++) { // about 100 ns of work at 64 rounds, which the JIT cannot drop
                h = h * 0x9E3779B97F4A7C15L + i;
                h ^= h >>> 29;
            }
            sink = h;
            if (threads.size() < 64) {
                threads.add(Thread.currentThread().getName().replaceAll("[0-9]+$", "N"));
            }
            handled.incrementAndGet();
            lastNanos.accumulateAndGet(System.nanoTime(), Math::max);
        }
    }

    /** {@code @Singleton}, not {@code @ApplicationScoped}: the test reads its field, which a client proxy would not forward. */
    @Singleton
    public static class Handlers {
        final Map<String, Work> work = Map.of("partitioned", new Work(), "eventloop", new Work(), "workers", new Work(),
                "ordered", new Work());

        @Incoming("partitioned")
        @Partitioned
        void partitioned(ConsumerRecord<String, String> record) {
            work.get("partitioned").apply(record);
        }

        /** Without {@code @NonBlocking}, Quarkus takes a {@code void} method for blocking and runs it on a worker. */
        @Incoming("eventloop")
        @NonBlocking
        void eventloop(ConsumerRecord<String, String> record) {
            work.get("eventloop").apply(record);
        }

        @Incoming("workers")
        @Blocking(ordered = false)
        void workers(ConsumerRecord<String, String> record) {
            work.get("workers").apply(record);
        }

        /** Quarkus' default for this signature: one worker at a time, in order. */
        @Incoming("ordered")
        void ordered(ConsumerRecord<String, String> record) {
            work.get("ordered").apply(record);
        }
    }

    /** records/s, p50 and p99 in ms, and the threads the handler ran on. */
    record Figures(double recordsPerSecond, double p50Millis, double p99Millis, java.util.Set<String> threads) {
    }

    @Inject
    Handlers handlers;

    @Inject
    KafkaClientService clients;

    @Test
    void b10() throws Exception {
        Map<String, Figures> figures = new java.util.LinkedHashMap<>();
        try (KafkaProducer<String, String> bulk = producer(5); KafkaProducer<String, String> paced = producer(0)) {
            for (String mode : MODES) {
                // The consumers stay paused (Kafka's own pause of their partitions) until their turn
                await(() -> assigned(mode) == PARTITIONS, () -> mode + ": " + assigned(mode) + " partitions assigned");
                clients.getConsumer(mode).runOnPollingThread(consumer -> {
                    consumer.pause(consumer.assignment());
                }).await().atMost(Duration.ofSeconds(30));
            }
            produce(bulk, WARMUP);
            for (String mode : MODES) {
                warmUp(mode, paced);
            }
            produce(bulk, RECORDS);
            Map<String, Double> rates = new java.util.HashMap<>();
            for (String mode : MODES) {
                rates.put(mode, recordsPerSecond(mode));
            }
            // every consumer at once, so that each meets the same machine, broker and moment
            pace(MODES, paced, TIMED, true);
            for (String mode : MODES) {
                figures.put(mode, latencies(mode, rates.get(mode)));
            }
        }
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        List<String> rows = new ArrayList<>();
        Figures ours = figures.get("partitioned");
        Map<String, String> names = Map.of("eventloop", "@Incoming @NonBlocking (event loop)", "workers",
                "@Blocking(ordered = false)", "ordered", "@Incoming (Quarkus default: a worker, in order)");
        String work = WORK_ROUNDS == 64 ? "" : ", handler of " + WORK_ROUNDS + " rounds";
        for (String baseline : List.of("eventloop", "workers", "ordered")) {
            Figures theirs = figures.get(baseline);
            String name = names.get(baseline);
            rows.add(row("Kafka records/s, 8 partitions, 2 reactors" + work, "k records/s", true, ours.recordsPerSecond() / 1e3,
                    name, theirs.recordsPerSecond() / 1e3));
            rows.add(row("Kafka end-to-end p99 at " + RATE + " records/s, 4 channels at once" + work, "ms", false,
                    ours.p99Millis(),
                    name,
                    theirs.p99Millis()));
        }
        for (Map.Entry<String, Figures> entry : figures.entrySet()) {
            System.out.printf(Locale.ROOT, "B10 %-11s %8.1f k records/s  p50 %6.2f ms  p99 %6.2f ms  threads %s%n",
                    entry.getKey(), entry.getValue().recordsPerSecond() / 1e3, entry.getValue().p50Millis(),
                    entry.getValue().p99Millis(), entry.getValue().threads());
        }
        System.out.printf(Locale.ROOT, "B10 records/s ratio partitioned/eventloop %.2f, partitioned/workers %.2f,"
                + " partitioned/ordered %.2f; handler work %d rounds; load average %s%n",
                ours.recordsPerSecond() / figures.get("eventloop").recordsPerSecond(),
                ours.recordsPerSecond() / figures.get("workers").recordsPerSecond(),
                ours.recordsPerSecond() / figures.get("ordered").recordsPerSecond(), WORK_ROUNDS, load);
        Files.writeString(Path.of(System.getProperty("bench.b10.out")), "[\n" + String.join(",\n", rows) + "\n]\n");
    }

    private static void produce(KafkaProducer<String, String> bulk, int records) {
        for (String mode : MODES) {
            for (int i = 0; i < records; i++) {
                bulk.send(new ProducerRecord<>("b10-" + mode, "key-" + (i % KEYS), "0"));
            }
        }
        bulk.flush();
    }

    /**
     * Lets {@code mode}'s consumer handle the bulk warm-up records and a paced second of them (the paced producer's and
     * the consumer's low-rate path), then pauses its partitions again.
     */
    private void warmUp(String mode, KafkaProducer<String, String> paced) throws InterruptedException {
        clients.getConsumer(mode).runOnPollingThread(consumer -> {
            consumer.resume(consumer.assignment());
        }).await().atMost(Duration.ofSeconds(30));
        awaitHandled(mode, WARMUP);
        pace(List.of(mode), paced, 2 * RATE, false);
        clients.getConsumer(mode).runOnPollingThread(consumer -> {
            consumer.pause(consumer.assignment());
        }).await().atMost(Duration.ofSeconds(30));
    }

    /** records/s of {@code mode}: resumes its partitions and times its {@code RECORDS} waiting records; stays resumed. */
    private double recordsPerSecond(String mode) throws InterruptedException {
        Work work = handlers.work.get(mode);
        long handledBefore = work.handled.get();
        long start = System.nanoTime();
        clients.getConsumer(mode).runOnPollingThread(consumer -> {
            consumer.resume(consumer.assignment());
        }).await().atMost(Duration.ofSeconds(30));
        awaitHandled(mode, handledBefore + RECORDS);
        return RECORDS / ((work.lastNanos.get() - start) / 1e9);
    }

    /**
     * Sends {@code count} records to each of {@code modes}' topics, {@code RATE} per second to each, in turn; stamped
     * ones are timed by the handlers. Then waits until every consumer handled them.
     */
    private void pace(List<String> modes, KafkaProducer<String, String> paced, int count, boolean stamped)
            throws InterruptedException {
        Map<String, Long> handledBefore = new java.util.HashMap<>();
        for (String mode : modes) {
            handledBefore.put(mode, handlers.work.get(mode).handled.get());
        }
        long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
        long first = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = first + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            for (String mode : modes) {
                paced.send(new ProducerRecord<>("b10-" + mode, "key-" + (i % KEYS),
                        stamped ? Long.toString(System.nanoTime()) : "0"));
            }
        }
        paced.flush();
        for (String mode : modes) {
            awaitHandled(mode, handledBefore.get(mode) + count);
        }
    }

    /** p50 and p99 in ms of the stamped records {@code mode}'s handler timed. */
    private Figures latencies(String mode, double recordsPerSecond) {
        Work work = handlers.work.get(mode);
        long[] sorted = Arrays.copyOf(work.latencies, Math.min(TIMED, work.samples.get()));
        Arrays.sort(sorted);
        return new Figures(recordsPerSecond, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                new java.util.TreeSet<>(work.threads));
    }

    private void awaitHandled(String mode, long records) throws InterruptedException {
        Work work = handlers.work.get(mode);
        await(() -> work.handled.get() >= records, () -> mode + ": " + work.handled.get() + " of " + records);
    }

    private int assigned(String mode) {
        return clients.getConsumer(mode).getAssignments().await().atMost(Duration.ofSeconds(30)).size();
    }

    private static KafkaProducer<String, String> producer(int lingerMillis) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers(),
                ProducerConfig.LINGER_MS_CONFIG, lingerMillis, ProducerConfig.ACKS_CONFIG, "1"),
                new StringSerializer(), new StringSerializer());
    }

    private static void await(java.util.function.BooleanSupplier done, java.util.function.Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("B10 did not finish within 3 minutes: " + what.get());
            }
            Thread.sleep(5);
        }
    }

    private static String row(String name, String unit, boolean higherIsBetter, double ours, String baselineName,
            double baseline) {
        return String.format(Locale.ROOT,
                "{\"id\":\"B10\",\"name\":\"%s\",\"unit\":\"%s\",\"higherIsBetter\":%s,\"ours\":%.4f,\"oursError\":0,"
                        + "\"baselineName\":\"%s\",\"baseline\":%.4f,\"baselineError\":0}",
                name, unit, higherIsBetter, ours, baselineName, baseline);
    }
}
