package io.quarkiverse.reactors.scenario;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkiverse.reactors.Partitioned;
import io.quarkiverse.reactors.Reactors;

/**
 * Applies {@code key -> "key:sequence"} records on the reactor owning their partition and journals each one as
 * {@code partition offset reactor key sequence [problem]}.
 */
@ApplicationScoped
public class Ledger {

    @Inject
    Reactors reactors;

    @Inject
    PartitionState state;

    @Inject
    Journal journal;

    @Incoming("ledger")
    @Partitioned
    void apply(ConsumerRecord<String, String> record) {
        String value = record.value();
        String key = value.substring(0, value.indexOf(':'));
        int sequence = Integer.parseInt(value.substring(value.indexOf(':') + 1));
        String problem = state.apply(key, sequence);
        journal.add(record.partition() + " " + record.offset() + " " + reactors.current().id() + " " + key + " " + sequence
                + (problem == null ? "" : " " + problem.replace(' ', '_')));
    }
}
