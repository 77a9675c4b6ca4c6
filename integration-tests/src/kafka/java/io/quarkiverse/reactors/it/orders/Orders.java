package io.quarkiverse.reactors.it.orders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkiverse.reactors.Partitioned;

/**
 * The partitioned consumer of the demo (Maven profile {@code kafka}): each order record runs on the reactor that
 * owns its partition, in offset order, and is acked (its offset committed) once the method returns.
 */
// tag::consumer[]
@ApplicationScoped
public class Orders {

    @Inject
    OrderTotals totals;                      // @PerCore: the instance of the reactor running the record

    @Incoming("orders")
    @Partitioned
    void apply(ConsumerRecord<String, String> order) {
        totals.add(order.partition(), order.key(), Long.parseLong(order.value()));
    }
}
// end::consumer[]
