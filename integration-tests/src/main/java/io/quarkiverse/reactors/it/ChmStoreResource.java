package io.quarkiverse.reactors.it;

import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.reactors.Reactors;
import io.smallrye.common.annotation.NonBlocking;

/**
 * Benchmark B6's baseline: the counter store as it would be written without reactors, one
 * {@link ConcurrentHashMap} shared by every event loop. Same responses as {@link StoreResource}.
 */
@Path("/chm")
@Produces(MediaType.APPLICATION_JSON)
public class ChmStoreResource {

    private final ConcurrentHashMap<String, Long> store = new ConcurrentHashMap<>();

    @Inject
    Reactors reactors;

    @POST
    @Path("/{key}/increment")
    @NonBlocking
    public StoreResource.Entry increment(@PathParam("key") String key) {
        long value = store.merge(key, 1L, Long::sum);
        int here = reactors.current().id();
        return new StoreResource.Entry(key, value, -1, here, Thread.currentThread().getName());
    }
}
