package io.quarkiverse.reactors.kafka.test.devmode;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkiverse.reactors.Partitioned;

/** Two {@code @Partitioned} channels; {@link PartitionedDevModeReloadTest} removes the second from the source. */
public class ReloadChannels {

    @Incoming("reload-kept")
    @Partitioned
    void kept(ConsumerRecord<String, String> record) {
    }

    // removed:start
    @Incoming("reload-removed")
    @Partitioned
    void removed(ConsumerRecord<String, String> record) {
    }
    // removed:end
}
