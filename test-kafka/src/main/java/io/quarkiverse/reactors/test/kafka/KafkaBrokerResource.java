package io.quarkiverse.reactors.test.kafka;

import java.util.Arrays;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a {@link KafkaBroker} for a {@code @QuarkusTest} and points {@code kafka.bootstrap.servers} at it;
 * stops it when the tests of the resource end. Called by Quarkus' test framework on the test thread.
 * <p>
 * The init argument {@code topics}, e.g. {@code orders:8,audit:1}, creates topics with those partitions before the
 * application starts (the broker would otherwise create a topic with one partition on first use).
 */
public final class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private KafkaBroker broker;
    private String topics = "";

    @Override
    public void init(Map<String, String> initArgs) {
        topics = initArgs.getOrDefault("topics", "");
    }

    @Override
    public Map<String, String> start() {
        broker = KafkaBroker.start();
        broker.createTopics(Arrays.stream(topics.split(",")).filter(topic -> !topic.isBlank()).toList());
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
