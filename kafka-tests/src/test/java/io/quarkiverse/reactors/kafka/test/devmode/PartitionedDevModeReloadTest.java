package io.quarkiverse.reactors.kafka.test.devmode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Predicate;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.kafka.test.Broker;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * In dev mode, removing a {@code @Partitioned} method from the source reloads the application, and the removed
 * channel is no longer listed in {@code GET /q/reactors} (nor in {@code Partitions.stats()}, which the endpoint
 * shows): the registry outlives the reload, so the new start forgets what it no longer has. A request makes dev
 * mode look for changed sources, as a browser's would.
 */
public class PartitionedDevModeReloadTest {

    static final int PORT = freePort();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static {
        Broker.createTopic("reload-kept", 2);
        Broker.createTopic("reload-removed", 2);
    }

    @RegisterExtension
    static final QuarkusDevModeTest TEST = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(ReloadChannels.class)
                    .addAsResource(new StringAsset("quarkus.http.port=" + PORT + "\n"
                            + "quarkus.reactors.count=2\n"
                            + "kafka.bootstrap.servers=" + Broker.bootstrapServers() + "\n"
                            // for every channel: a channel configured by name must exist, and one of them goes
                            + "mp.messaging.connector.smallrye-kafka.group.id=reload-test\n"), "application.properties"));

    @Test
    void aRemovedChannelIsNoLongerListed() {
        String before = await(body -> body.contains("\"reload-kept\"") && body.contains("\"reload-removed\""));
        TEST.modifySourceFile(ReloadChannels.class,
                source -> source.substring(0, source.indexOf("// removed:start"))
                        + source.substring(source.indexOf("// removed:end") + "// removed:end".length()));
        String after = await(body -> body.contains("\"reload-kept\"") && !body.contains("\"reload-removed\""));
        assertTrue(after.contains("\"partitioned\""), "before: " + before + "\nafter: " + after);
    }

    /** Asks {@code /q/reactors} until its body passes {@code expected} (60 s at most); each request is also a scan. */
    private static String await(Predicate<String> expected) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        String last = "(no answer)";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/q/reactors")).build(),
                        HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200 && expected.test(response.body())) {
                    return response.body();
                }
            } catch (IOException e) {
                last = e.toString(); // the application is restarting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("GET /q/reactors never showed what was expected; last answer: " + last);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
