package io.quarkiverse.reactors.it;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.reactors.Reactors;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

/** The three annotations through REST: fire @OnEvent hits on the serving reactor, read the @PerCore counts. */
@Path("/hits")
@Produces(MediaType.APPLICATION_JSON)
public class HitResource {

    @Inject
    Reactors reactors;

    @Inject
    HitCounter counter;

    public record Counts(String page, long flushed, long pending, long flushes) {
    }

    /** Counts hits on the reactor serving this request: a local event, no hop. */
    // tag::hit-resource[]
    @POST
    @Path("/{page}/{count}")
    @NonBlocking // served on the event loop, that is, on a reactor
    public int hit(@PathParam("page") String page, @PathParam("count") long count) {
        reactors.current().fire(new Hit(page, count)); // this reactor's subscribers only: counted once
        return reactors.current().id();
    }
    // end::hit-resource[]

    /** Clears the counts on every reactor; answers once every reactor has run the reset. */
    // tag::hit-reset[]
    @DELETE
    public Uni<Void> reset() {
        return reactors.deliver(new ResetHits()); // completes after HitCounter#reset ran on every reactor
    }
    // end::hit-reset[]

    /** Counts hits on every reactor. */
    @POST
    @Path("/{page}/{count}/everywhere")
    @NonBlocking
    public int hitEverywhere(@PathParam("page") String page, @PathParam("count") long count) {
        reactors.fire(new Hit(page, count));
        return reactors.count();
    }

    /** Sums the per-core counts of a page over all reactors. */
    @GET
    @Path("/{page}")
    public Uni<Counts> counts(@PathParam("page") String page) {
        return reactors.mapReduce(() -> new Counts(page, counter.flushed(page), counter.pending(page), counter.flushes()),
                (a, b) -> new Counts(page, a.flushed() + b.flushed(), a.pending() + b.pending(), a.flushes() + b.flushes()));
    }

    /** The flush poller's handles, one per reactor. */
    @GET
    @Path("/pollers")
    @NonBlocking
    public java.util.List<io.quarkiverse.reactors.PollerStats> pollers() {
        return reactors.pollers("HitPipeline#flush").stream().map(p -> p.stats()).toList();
    }
}
