package io.quarkiverse.reactors.test.devmode;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkiverse.reactors.Reactors;

@Path("/dev")
public class DevResource {

    @Inject
    Reactors reactors;

    @GET
    @Path("/period")
    public String period() {
        return reactors.pollers("DevPoller#tick").stream().map(p -> String.valueOf(p.stats().periodNanos()))
                .findFirst().orElse("none");
    }
}
