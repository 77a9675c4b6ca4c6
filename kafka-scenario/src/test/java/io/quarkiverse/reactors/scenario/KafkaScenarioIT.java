package io.quarkiverse.reactors.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.quarkiverse.reactors.test.kafka.KafkaBroker;

/**
 * Two instances of the packaged application in one consumer group over a topic of 8 partitions and 100 000 keyed
 * records. One instance is stopped (gracefully) mid-stream; the second half of the records is produced once it runs
 * again. Checked: every record processed at least once, per-key order within each instance's run, each partition
 * on its owning reactor, no record applied twice by one reactor, and the records processed twice bounded by what
 * can be in flight. One line prints the counts.
 */
class KafkaScenarioIT {

    static final int PARTITIONS = 8;
    static final int RECORDS = 100_000;
    static final int KEYS = 1000;
    static final int REACTORS = 2;
    static final int MAX_IN_FLIGHT = 256;

    @Test
    void twoInstancesOneRestartedMidStream() throws Exception {
        Path dir = Files.createTempDirectory("reactors-scenario-");
        try (KafkaBroker broker = KafkaBroker.start()) {
            broker.createTopic("ledger", PARTITIONS);
            Instance a1 = Instance.start(broker, dir, "a1");
            Instance b = Instance.start(broker, dir, "b");
            until(() -> a1.started(dir) && b.started(dir), Duration.ofSeconds(90), "both instances started");
            // Started is not yet in the group: without this wait one instance could take every partition until
            // the stop, and a run would process nothing.
            until(() -> assignedMembers(broker) == 2, Duration.ofSeconds(90), "both instances assigned partitions");
            CountDownLatch restarted = new CountDownLatch(1);
            Thread producer = new Thread(() -> produce(broker, restarted), "scenario-producer");
            producer.start();

            until(() -> processed(dir) >= RECORDS / 5, Duration.ofSeconds(90), "20% processed");
            a1.stop();
            Instance a2 = Instance.start(broker, dir, "a2");
            until(() -> a2.started(dir), Duration.ofSeconds(90), "a2 started");
            until(() -> assignedMembers(broker) == 2, Duration.ofSeconds(90), "a2 assigned partitions");
            restarted.countDown(); // the second half of the stream is produced with a2 in the group
            producer.join(TimeUnit.SECONDS.toMillis(60));
            until(() -> distinct(dir).size() >= RECORDS, Duration.ofSeconds(120), "every record processed");
            a2.stop();
            b.stop();

            Map<String, List<String[]>> journals = journals(dir);
            int total = journals.values().stream().mapToInt(List::size).sum();
            Set<String> distinct = distinct(dir);
            int duplicates = total - distinct.size();
            List<String> problems = new ArrayList<>();
            journals.forEach((run, lines) -> check(run, lines, problems));
            System.out.printf("kafka scenario: %d records, %d partitions, processed %s, %d distinct, %d twice"
                    + " (bound %d), %d problems%n", RECORDS, PARTITIONS, counts(journals), distinct.size(), duplicates,
                    2 * MAX_IN_FLIGHT * REACTORS, problems.size());
            assertEquals(RECORDS, distinct.size(), "every record processed at least once");
            assertEquals(List.of(), problems.subList(0, Math.min(20, problems.size())));
            assertTrue(duplicates <= 2 * MAX_IN_FLIGHT * REACTORS, duplicates + " processed twice");
            assertTrue(journals.get("a1").size() > 0 && journals.get("a2").size() > 0 && journals.get("b").size() > 0,
                    "every run processed records: " + counts(journals));
        } catch (AssertionError e) {
            printLogTails(dir); // what each instance said, for a failure seen only in CI
            throw e;
        }
    }

    /** Per run: each partition on reactor {@code p mod 2}, each key's sequence rising, no reactor-side replay. */
    private static void check(String run, List<String[]> lines, List<String> problems) {
        Map<String, Integer> last = new HashMap<>();
        for (String[] line : lines) {
            int partition = Integer.parseInt(line[0]);
            int reactor = Integer.parseInt(line[2]);
            if (reactor != partition % REACTORS) {
                problems.add(run + ": partition " + partition + " on reactor " + reactor);
            }
            int sequence = Integer.parseInt(line[4]);
            Integer previous = last.put(line[3], sequence);
            if (previous != null && previous >= sequence) {
                problems.add(run + ": key " + line[3] + " sequence " + sequence + " after " + previous);
            }
            if (line.length > 5) {
                problems.add(run + ": " + line[5]);
            }
        }
    }

    /** Produces the first half, waits until the stopped instance runs again, then produces the second half. */
    private static void produce(KafkaBroker broker, CountDownLatch restarted) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                String key = "k" + (i % KEYS);
                producer.send(new ProducerRecord<>("ledger", key, key + ":" + (i / KEYS)));
                if (i % 1000 == 999) {
                    Thread.sleep(100); // spread over about 10 s, so that instances process while it arrives
                }
                if (i == RECORDS / 2) {
                    producer.flush();
                    if (!restarted.await(3, TimeUnit.MINUTES)) {
                        throw new IllegalStateException("the stopped instance did not start again");
                    }
                }
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the members of the stable group "ledger" that hold partitions; 0 while it rebalances */
    private static int assignedMembers(KafkaBroker broker) {
        try (Admin admin = broker.admin()) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("ledger")).describedGroups()
                    .get("ledger").get(10, TimeUnit.SECONDS);
            if (group.groupState() != GroupState.STABLE) {
                return 0;
            }
            return (int) group.members().stream()
                    .filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
        } catch (ExecutionException | TimeoutException e) {
            return 0; // the group is not known yet: try again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void printLogTails(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                List<String> lines = Files.readAllLines(log);
                System.out.println("---- last lines of " + log.getFileName());
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.out::println);
            }
        } catch (IOException e) {
            System.out.println("cannot read the instances' logs: " + e);
        }
    }

    private static String counts(Map<String, List<String[]>> journals) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        journals.forEach((run, lines) -> counts.put(run, lines.size()));
        return counts.toString();
    }

    private static int processed(Path dir) {
        return journals(dir).values().stream().mapToInt(List::size).sum();
    }

    private static Set<String> distinct(Path dir) {
        Set<String> all = new HashSet<>();
        journals(dir).values().forEach(lines -> lines.forEach(l -> all.add(l[3] + ":" + l[4])));
        return all;
    }

    private static Map<String, List<String[]>> journals(Path dir) {
        Map<String, List<String[]>> journals = new HashMap<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".journal")).toList()) {
                List<String[]> lines = new ArrayList<>();
                for (String line : Files.readAllLines(file)) {
                    if (line.split(" ").length >= 5) { // a line being written may be cut
                        lines.add(line.split(" "));
                    }
                }
                journals.put(file.getFileName().toString().replace(".journal", ""), lines);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return journals;
    }

    private static void until(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(100);
        }
    }

    /** One run of the packaged application, in its own JVM; its output goes to {@code <name>.log}. */
    private record Instance(Process process, String name) {

        static Instance start(KafkaBroker broker, Path dir, String name) throws IOException {
            String app = System.getProperty("scenario.app", "target/quarkus-app/quarkus-run.jar");
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-Dkafka.bootstrap.servers=" + broker.bootstrapServers(),
                    "-Dscenario.journal=" + dir.resolve(name + ".journal"), "-jar", app)
                    .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
            return new Instance(process, name);
        }

        /** The application opens its journal when it has started. */
        boolean started(Path dir) {
            return Files.exists(dir.resolve(name + ".journal"));
        }

        /** A graceful stop (SIGTERM): the application drains and commits before it exits. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(name + " did not stop within 60 s");
            }
        }
    }
}
