package io.quarkiverse.reactors.it.docs;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkiverse.reactors.Reactors;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

/**
 * Which REST handlers run on a reactor: Quarkus REST runs a method that returns a {@code Uni} (or is
 * {@code @NonBlocking}) on the event loop that serves the connection, and a method with a plain return type
 * on a worker thread.
 */
@Path("/modes")
public class HandlerModesResource {

    @Inject
    Reactors reactors;

    // tag::handler-non-blocking[]
    @GET
    @Path("/non-blocking")
    @NonBlocking // runs on the event loop: reactors.current() works
    public int nonBlocking() {
        return reactors.current().id();
    }

    @GET
    @Path("/uni")
    public Uni<Integer> uni() { // a Uni return runs on the event loop too
        return Uni.createFrom().item(reactors.current().id());
    }
    // end::handler-non-blocking[]

    // tag::handler-worker[]
    @GET
    @Path("/worker")
    public String worker() { // a plain return type runs on a worker thread
        // reactors.current() would throw IllegalStateException here, and a @PerCore bean
        // ContextNotActiveException: hop to a reactor explicitly, and wait (a worker may block)
        return reactors.onReactor() + " " + reactors.forKey("k").call(() -> reactors.current().id())
                .await().atMost(java.time.Duration.ofSeconds(5));
    }
    // end::handler-worker[]
}
