package io.quarkiverse.reactors.it;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.ReactorStats;
import io.quarkiverse.reactors.Reactors;
import io.smallrye.common.annotation.NonBlocking;

/** Shows that a request served on event loop i is already on reactor i: no hop, no lock. */
@Path("/reactors")
@Produces(MediaType.APPLICATION_JSON)
public class ReactorResource {

    @Inject
    Reactors reactors;

    public record Here(int id, int count, String thread, String reactorThread) {
    }

    /** Runs on the event loop that accepted the connection, which is a reactor. */
    @GET
    @Path("/current")
    @NonBlocking
    public Here current() {
        Reactor here = reactors.current();
        return new Here(here.id(), reactors.count(), Thread.currentThread().getName(), here.stats().thread());
    }

    @GET
    @Path("/stats")
    @NonBlocking
    public List<ReactorStats> stats() {
        return reactors.all().stream().map(Reactor::stats).toList();
    }
}
