package io.quarkiverse.reactors.kafka.test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import io.quarkiverse.reactors.test.kafka.KafkaBroker;

/**
 * The broker shared by the tests of one JVM (started on first use, stopped at JVM exit), and client helpers.
 * One broker for all test classes keeps the module's run short; each test uses its own topics and groups.
 * A QuarkusUnitTest loads the test class twice (JUnit's class loader and the application's), so the broker's
 * address is kept in a system property, which both see, rather than in a static field.
 */
public final class Broker {

    private static final String PROPERTY = "reactors.test.kafka.bootstrap-servers";

    private Broker() {
    }

    /** {@code 127.0.0.1:PORT} of the shared broker, started on first call. */
    public static String bootstrapServers() {
        synchronized (System.class) {
            String servers = System.getProperty(PROPERTY);
            if (servers == null) {
                KafkaBroker broker = KafkaBroker.start();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
                servers = broker.bootstrapServers();
                System.setProperty(PROPERTY, servers);
            }
            return servers;
        }
    }

    /** Creates a topic with {@code partitions} partitions on the shared broker, unless it exists (second class load). */
    public static void createTopic(String name, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + name, e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topic " + name, e);
        }
    }

    /** Sends {@code key -> value} records, in order, and waits until all are acknowledged by the broker. */
    public static void send(String topic, List<Map.Entry<String, String>> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (Map.Entry<String, String> record : records) {
                producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue()));
            }
            producer.flush();
            producer.close(java.time.Duration.ofSeconds(30));
        }
    }

    /** @return per partition of {@code topic}, how many records it has (its end offset: topics here start at 0) */
    public static Map<Integer, Long> countByPartition(String topic, int partitions) {
        try (Admin admin = admin()) {
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new org.apache.kafka.common.TopicPartition(topic, p),
                        org.apache.kafka.clients.admin.OffsetSpec.latest());
            }
            Map<Integer, Long> counts = new java.util.TreeMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, offset) -> counts.put(partition.partition(), offset.offset()));
            return counts;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the end offsets of " + topic, e);
        }
    }

    /** @return per partition of {@code topic}, the offset {@code group} has committed (absent: none yet) */
    public static Map<Integer, Long> committed(String group, String topic) {
        try (Admin admin = admin()) {
            Map<Integer, Long> offsets = new java.util.TreeMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .forEach((partition, offset) -> {
                        if (partition.topic().equals(topic) && offset != null) {
                            offsets.put(partition.partition(), offset.offset());
                        }
                    });
            return offsets;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the offsets " + group + " committed on " + topic, e);
        }
    }

    /** An admin client on the broker; the caller closes it. */
    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Waits until {@code condition} holds, at most 60 s. */
    public static void until(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
