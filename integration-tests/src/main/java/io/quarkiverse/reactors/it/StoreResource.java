package io.quarkiverse.reactors.it;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.smallrye.mutiny.Uni;

/**
 * A sharded counter store: each key lives on the reactor {@code forKey} names. A request hops to the
 * owner with {@code call} and the answer comes back on the reactor that serves the request.
 */
@Path("/store")
@Produces(MediaType.APPLICATION_JSON)
public class StoreResource {

    @Inject
    Reactors reactors;

    @Inject
    Shards shards;

    /**
     * @param value the value after the operation (null when absent)
     * @param owner the reactor that owns the key
     * @param servedBy the reactor that received the request
     * @param repliedOn the thread the reply was delivered on (the serving reactor's)
     */
    public record Entry(String key, Long value, int owner, int servedBy, String repliedOn) {
    }

    @GET
    @Path("/{key}")
    public Uni<Entry> get(@PathParam("key") String key) {
        return onOwner(key, () -> shards.local().get(key));
    }

    @PUT
    @Path("/{key}/{value}")
    public Uni<Entry> put(@PathParam("key") String key, @PathParam("value") long value) {
        return onOwner(key, () -> {
            shards.local().put(key, value);
            return value;
        });
    }

    @POST
    @Path("/{key}/increment")
    public Uni<Entry> increment(@PathParam("key") String key) {
        return onOwner(key, () -> shards.local().merge(key, 1L, Long::sum));
    }

    @DELETE
    @Path("/{key}")
    public Uni<Entry> delete(@PathParam("key") String key) {
        return onOwner(key, () -> shards.local().remove(key));
    }

    /**
     * Where a request for {@code key} runs: it arrives on the reactor of its connection's event loop
     * ({@code servedBy}), hops to the key's owner with {@code call} ({@code ranOn}), and answers from the
     * reactor that received it ({@code repliedOn}).
     */
    public record Route(String key, int owner, int ranOn, int servedBy, int repliedOn) {
    }

    // tag::route[]
    @GET
    @Path("/{key}/route")
    public Uni<Route> route(@PathParam("key") String key) {
        Reactor owner = reactors.forKey(key);
        int servedBy = reactors.current().id(); // the connection's reactor
        return owner.call(() -> reactors.current().id()) // runs on the owner
                .map(ranOn -> new Route(key, owner.id(), ranOn, servedBy,
                        reactors.current().id())); // back on the serving reactor
    }
    // end::route[]

    /** Total number of keys: a map-reduce over every reactor's shard. */
    @GET
    @Path("/size")
    public Uni<Long> size() {
        return reactors.mapReduce(() -> (long) shards.local().size(), Long::sum);
    }

    private Uni<Entry> onOwner(String key, java.util.function.Supplier<Long> operation) {
        Reactor owner = reactors.forKey(key);
        int servedBy = reactors.current().id();
        return owner.call(operation)
                .map(value -> new Entry(key, value, owner.id(), servedBy, Thread.currentThread().getName()));
    }
}
