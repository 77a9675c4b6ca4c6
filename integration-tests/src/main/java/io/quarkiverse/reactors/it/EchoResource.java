package io.quarkiverse.reactors.it;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.NonBlocking;

/** Where the UDP echo listens and how much it answered. */
@Path("/echo")
@Produces(MediaType.APPLICATION_JSON)
public class EchoResource {

    @Inject
    UdpEcho echo;

    public record Echo(int port, int reactor, long echoed) {
    }

    @GET
    @NonBlocking
    public Echo echo() {
        return new Echo(echo.port(), echo.reactor(), echo.echoed());
    }
}
