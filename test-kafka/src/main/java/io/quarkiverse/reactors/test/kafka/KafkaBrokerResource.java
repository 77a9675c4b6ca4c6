package io.quarkiverse.reactors.test.kafka;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a {@link KafkaBroker} for a {@code @QuarkusTest} and points {@code kafka.bootstrap.servers} at it;
 * stops it when the tests of the resource end. Called by Quarkus' test framework on the test thread.
 */
public final class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        broker = KafkaBroker.start();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
