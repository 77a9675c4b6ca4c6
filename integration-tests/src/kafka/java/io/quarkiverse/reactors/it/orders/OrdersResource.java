package io.quarkiverse.reactors.it.orders;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import io.quarkiverse.reactors.Reactors;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.Record;

/**
 * Orders through REST: {@code POST /orders/{customer}/{amount}} produces a record to topic {@code orders} (key: the
 * customer); {@link Orders} consumes it on the reactor owning its partition; {@code GET} reads the per-core totals.
 */
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    @Inject
    Reactors reactors;

    @Inject
    OrderTotals totals;

    @Inject
    @Channel("orders-out")
    Emitter<Record<String, String>> producer;

    /**
     * One reactor's share of the orders.
     *
     * @param partitions the partitions whose records ran on this reactor
     * @param orders records applied here
     * @param customers customers with a total here
     */
    public record Shard(int reactor, List<Integer> partitions, long orders, int customers) {
    }

    /** A customer's total: the sum over reactors, of which only the owner of the customer's partition has a share. */
    public record Total(String customer, long total) {
    }

    /** Produces one order; answers once the broker has acknowledged it (not once it is applied). */
    @POST
    @Path("/{customer}/{amount}")
    public Uni<Void> order(@PathParam("customer") String customer, @PathParam("amount") long amount) {
        if (amount <= 0) {
            throw new BadRequestException("An order amount must be positive, found " + amount);
        }
        return Uni.createFrom().completionStage(producer.send(Record.of(customer, Long.toString(amount))));
    }

    @GET
    @Path("/{customer}")
    public Uni<Total> total(@PathParam("customer") String customer) {
        return reactors.mapReduce(() -> new Total(customer, totals.total(customer)),
                (a, b) -> new Total(customer, a.total() + b.total()));
    }

    /** Each reactor's partitions and counts, in reactor order. */
    @GET
    public Uni<List<Shard>> shards() {
        return reactors.mapReduce(() -> List.of(totals.snapshot(reactors.current().id())), (a, b) -> {
            List<Shard> all = new ArrayList<>(a);
            all.addAll(b);
            all.sort(java.util.Comparator.comparingInt(Shard::reactor));
            return all;
        });
    }
}
