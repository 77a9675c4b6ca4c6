package io.quarkiverse.reactors.devmode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * In dev mode, changing a @Poller's period in the source reloads the application, which registers the
 * poller with the new period. As in a user's dev mode, an HTTP request makes Quarkus look for the change; the
 * registrations are read from the log.
 */
public class PollerPeriodReloadTest {

    static final int PORT = DevUiReactorsPageTest.PORT;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final QuarkusDevModeTest TEST = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(DevPoller.class)
                    .addAsResource(new StringAsset("quarkus.log.category.\"io.quarkiverse.reactors\".level=DEBUG\n"
                            + "quarkus.http.port=" + PORT + "\n"), "application.properties"))
            .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.quarkiverse.reactors"));

    @Test
    void changingThePeriodReloads() {
        awaitLog("@Poller " + DevPoller.class.getName()
                + "#tick() registered as 'DevPoller#tick' on reactors [0], every PT0.01S");
        TEST.modifySourceFile(DevPoller.class, source -> source.replace("every = \"10ms\"", "every = \"25ms\""));
        awaitReload("@Poller " + DevPoller.class.getName()
                + "#tick() registered as 'DevPoller#tick' on reactors [0], every PT0.025S");
        TEST.modifySourceFile(DevPoller.class, source -> source.replace("every = \"25ms\"", "every = \"off\""));
        awaitReload("@Poller " + DevPoller.class.getName() + "#tick() is disabled");
    }

    /**
     * Sends a request, as a browser would: in dev mode an HTTP request makes Quarkus look for changed sources
     * (at most once every two seconds), so the caller repeats it until the reload shows.
     */
    private static void scanForChanges() {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/")).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the application is restarting; the next look asks again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitLog(String expected) {
        await(expected, false);
    }

    private static void awaitReload(String expected) {
        await(expected, true);
    }

    private static void await(String expected, boolean scan) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            seen.clear();
            for (LogRecord record : TEST.getLogRecords()) {
                seen.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }
            if (seen.stream().anyMatch(m -> m.contains(expected))) {
                return;
            }
            if (scan) {
                scanForChanges();
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertTrue(false, "no log line contains '" + expected + "'; saw:\n" + String.join("\n", seen));
    }
}
