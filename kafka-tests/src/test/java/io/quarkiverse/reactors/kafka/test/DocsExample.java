package io.quarkiverse.reactors.kafka.test;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkiverse.reactors.Partitioned;
import io.quarkiverse.reactors.PerCore;

/** The example of the "Beyond one machine" guide, compiled here so that the page shows code that builds. */
final class DocsExample {

    private DocsExample() {
    }

    // tag::kafka-partitioned-example[]
    @PerCore
    public static class Balances {
        final Map<String, Long> byAccount = new HashMap<>(); // one map per reactor: no lock
    }

    public static class Payments {

        @Inject
        Balances balances;

        @Incoming("payments")
        @Partitioned
        void apply(Payment payment) { // on the reactor that owns the record's partition
            balances.byAccount.merge(payment.account(), payment.amount(), Long::sum);
        }
    }
    // end::kafka-partitioned-example[]

    public record Payment(String account, long amount) {
    }
}
