package io.quarkiverse.reactors.test.operations;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

/**
 * A fresh start of a plain REST application with Jackson, at the default {@code max-run-time}: its first JSON
 * responses, served on the reactors' event loops, load classes and create the ObjectMapper (Jackson modules,
 * serializers), which can take longer than 100 ms on a busy machine. That is warm-up, not blocking: the watchdog
 * reports nothing.
 */
public class WatchdogQuietRestJacksonTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Greetings.class, Greeting.class))
            .setForcedDependencies(
                    List.of(Dependency.of("io.quarkus", "quarkus-rest-jackson-deployment", Version.getVersion())))
            .overrideRuntimeConfigKey("quarkus.reactors.count", "2")
            .setLogRecordPredicate(r -> "io.quarkiverse.reactors.watchdog".equals(r.getLoggerName()))
            .assertLogRecords(records -> assertTrue(records.isEmpty(), "watchdog warnings: " + records));

    public record Greeting(String text, Instant at, LocalDate day, List<String> tags) {
    }

    @Path("/greetings")
    public static class Greetings {

        /** On the event loop (a Uni): the first call creates the ObjectMapper there. */
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Uni<Greeting> greeting() {
            return Uni.createFrom().item(new Greeting("hello", Instant.now(), LocalDate.now(), List.of("a", "b")));
        }

        @GET
        @Path("/list")
        @Produces(MediaType.APPLICATION_JSON)
        public Uni<List<Greeting>> list() {
            return Uni.createFrom().item(List.of(new Greeting("one", Instant.now(), LocalDate.now(), List.of())));
        }
    }

    @Test
    void firstJsonResponsesAreNotReported() {
        for (int i = 0; i < 5; i++) {
            when().get("/greetings").then().statusCode(200).body(containsString("hello"));
            when().get("/greetings/list").then().statusCode(200).body(containsString("one"));
        }
    }
}
