package io.quarkiverse.reactors.it.orders;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import io.quarkiverse.reactors.PerCore;

/**
 * Order totals per customer, one instance per reactor: a customer's orders all land on one partition (the record
 * key is the customer), and a partition on one reactor, so each instance is touched only on its reactor and needs
 * no lock.
 */
@PerCore
public class OrderTotals {

    private final Map<String, Long> totals = new HashMap<>();
    private final TreeSet<Integer> partitions = new TreeSet<>();
    private long orders;

    void add(int partition, String customer, long amount) {
        totals.merge(customer, amount, Long::sum);
        partitions.add(partition);
        orders++;
    }

    /** @return the customer's total on this reactor, 0 when none of its orders came here */
    long total(String customer) {
        return totals.getOrDefault(customer, 0L);
    }

    /** A copy of this reactor's figures, taken on its thread. */
    OrdersResource.Shard snapshot(int reactor) {
        return new OrdersResource.Shard(reactor, partitions.stream().toList(), orders, totals.size());
    }
}
