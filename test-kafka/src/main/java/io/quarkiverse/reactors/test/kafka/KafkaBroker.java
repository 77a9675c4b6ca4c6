package io.quarkiverse.reactors.test.kafka;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker (broker and controller in one JVM) started from the Maven artifact
 * {@code org.apache.kafka:kafka_2.13} in a child process, listening on 127.0.0.1 only, on ports free at start.
 * Its data lives in a temporary directory that {@link #close()} deletes. Not thread-safe: one test thread
 * starts and stops it.
 *
 * <pre>
 * try (KafkaBroker broker = KafkaBroker.start()) {
 *     broker.createTopic("orders", 8);
 *     String servers = broker.bootstrapServers(); // 127.0.0.1:PORT
 * }
 * </pre>
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final Process process;
    private final String bootstrapServers;

    private KafkaBroker(Path dir, Process process, String bootstrapServers) {
        this.dir = dir;
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats a fresh log directory and starts the broker; returns once it answers an admin request. */
    public static KafkaBroker start() {
        return start(0);
    }

    /**
     * As {@link #start()}, listening on {@code port} ({@code 0}: a free port).
     *
     * @throws IllegalStateException if the port is taken, with the broker's log
     */
    public static KafkaBroker start(int port) {
        try {
            Path dir = Files.createTempDirectory("reactors-kafka-");
            port = port == 0 ? freePort() : port;
            int controllerPort = freePort();
            Path properties = dir.resolve("server.properties");
            Files.writeString(properties, serverProperties(dir.resolve("data"), port, controllerPort));
            Path log = dir.resolve("broker.log");
            run(dir, log, List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                    properties.toString()), Duration.ofSeconds(60));
            Process process = javaProcess(dir, log, List.of("kafka.Kafka", properties.toString())).start();
            KafkaBroker broker = new KafkaBroker(dir, process, "127.0.0.1:" + port);
            try {
                broker.awaitReady(log);
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Kafka broker", e);
        }
    }

    /**
     * Runs a broker for trying the demo's partitioned consumer by hand, until the JVM is stopped (Ctrl+C):
     * {@code ./mvnw -pl test-kafka compile exec:exec}. Arguments: the port (default 9092, Kafka's and the demo's
     * default) and topics as {@code name:partitions} (default {@code orders:8}).
     */
    public static void main(String[] args) {
        int port = args.length > 0 ? parsePort(args[0]) : 9092;
        List<String> topics = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("orders:8");
        KafkaBroker broker = start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
        broker.createTopics(topics);
        System.out.println("Kafka broker ready on " + broker.bootstrapServers() + " with topics " + topics
                + "; Ctrl+C stops it and deletes its data");
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int parsePort(String port) {
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The first argument is the broker's port, e.g. 9092; found '" + port + "'");
        }
    }

    /** {@code 127.0.0.1:PORT}, for {@code kafka.bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates a topic with the given partitions (replication factor 1) and waits until it exists. */
    public void createTopic(String name, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create topic " + name + " on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted creating topic " + name, e);
        }
    }

    /**
     * Creates topics given as {@code name:partitions}, e.g. {@code orders:8}.
     *
     * @throws IllegalArgumentException naming the spec that is not {@code name:partitions}
     */
    public void createTopics(List<String> specs) {
        for (String spec : specs) {
            int colon = spec.lastIndexOf(':');
            int partitions = -1;
            try {
                partitions = colon < 1 ? -1 : Integer.parseInt(spec.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                // reported below
            }
            if (partitions < 1) {
                throw new IllegalArgumentException("A topic is given as name:partitions with at least one partition,"
                        + " e.g. orders:8; found '" + spec + "'");
            }
            createTopic(spec.substring(0, colon).trim(), partitions);
        }
    }

    /** An admin client on this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
    }

    /** Stops the broker process (waiting for it to exit) and deletes its data. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        delete(dir);
    }

    private void awaitReady(Path log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Kafka broker exited with " + process.exitValue() + "; its log:\n"
                        + tail(log));
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = e;
            }
            sleep(200);
        }
        throw new IllegalStateException("The Kafka broker did not answer within " + START_TIMEOUT + "; its log:\n"
                + tail(log), last);
    }

    private static String serverProperties(Path data, int port, int controllerPort) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // a consumer joining an empty group starts at once instead of after 3 s
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "");
    }

    private static void run(Path dir, Path log, List<String> mainAndArgs, Duration timeout) throws IOException {
        Process process = javaProcess(dir, log, mainAndArgs).start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(mainAndArgs.get(0) + " did not finish within " + timeout);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted running " + mainAndArgs.get(0), e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(mainAndArgs + " exited with " + process.exitValue() + ":\n" + tail(log));
        }
    }

    /**
     * A JVM on this JVM's class path, which holds {@code kafka_2.13} and its dependencies (this module depends
     * on it). Output goes to {@code log}, so a failing start can show it.
     */
    private static ProcessBuilder javaProcess(Path dir, Path log, List<String> mainAndArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Djava.net.preferIPv4Stack=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(mainAndArgs);
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for the Kafka broker", e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // best effort: a temporary directory
        }
    }
}
