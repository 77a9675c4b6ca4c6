package io.quarkiverse.reactors.test.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.http.HttpServer;

/**
 * With spin, a reactor never sleeps, yet the HTTP server on its event loop is still served and Vert.x's
 * blocked-thread checker does not report it.
 */
public class SpinStrategyTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2, IdleStrategyTest.class)
            .overrideRuntimeConfigKey("quarkus.reactors.idle-strategy", "spin")
            .overrideRuntimeConfigKey("quarkus.vertx.max-event-loop-execute-time", "500ms")
            .overrideRuntimeConfigKey("quarkus.vertx.warning-exception-time", "500ms")
            .setLogRecordPredicate(r -> r.getMessage() != null && r.getMessage().contains("has been blocked"))
            .assertLogRecords(records -> assertTrue(records.isEmpty(), "blocked-thread warnings: " + records.size()));

    @Inject
    Reactors reactors;

    @Test
    void spinningReactorBurnsItsCoreAndStillServesHttp() throws Exception {
        Reactor reactor = reactors.reactor(1);
        // an HTTP server bound to reactor 1's event loop
        CompletableFuture<HttpServer> started = new CompletableFuture<>();
        reactor.send(() -> reactor.context().owner().createHttpServer()
                .requestHandler(request -> request.response().end("served by " + Thread.currentThread().getName()))
                .listen(0, "127.0.0.1").onComplete(r -> {
                    if (r.succeeded()) {
                        started.complete(r.result());
                    } else {
                        started.completeExceptionally(r.cause());
                    }
                }));
        HttpServer server = Await.result(started);
        String reactorThread = Await.result(reactor.callAsync(() -> Thread.currentThread().getName()));

        // A spinning reactor keeps iterating with nothing to do (a parked one iterates only when woken). Counted in
        // iterations, not CPU time: on a loaded machine the spinning thread may get little CPU, yet it still spins.
        long iterationsBefore = reactor.stats().iterations();
        long cpu = IdleStrategyTest.cpuNanosOver(reactor, 1_000);
        long iterations = reactor.stats().iterations() - iterationsBefore;
        assertTrue(iterations > 10_000, "a spinning reactor iterates while idle: " + iterations + " iterations and "
                + cpu / 1_000_000 + " ms of CPU in 1 s");

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("served by " + reactorThread, response.body());
        }
        Await.result(server.close().toCompletionStage());
    }
}
