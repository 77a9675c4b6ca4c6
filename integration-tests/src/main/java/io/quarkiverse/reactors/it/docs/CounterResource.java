package io.quarkiverse.reactors.it.docs;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.it.Shards;
import io.smallrye.mutiny.Uni;

/** The README's quick start: a counter per key, kept in the key's owner's shard. */
// tag::counter-resource[]
@Path("/counters")
public class CounterResource {
    @Inject
    Reactors reactors;
    @Inject
    Shards shards;

    @POST
    @Path("/{key}/increment")
    public Uni<Long> increment(String key) {
        // hop to the key's owner; the reply comes back on the reactor serving this request
        return reactors.forKey(key).call(() -> shards.local().merge(key, 1L, Long::sum));
    }
}
// end::counter-resource[]
