package io.quarkiverse.reactors.devmode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * The demo application (integration-tests, compiled into this module) in dev mode, its Dev UI Reactors page
 * opened in headless Chromium: both tables show the running application's reactors and pollers and their
 * numbers move, and the page's Pause and Resume buttons pause and resume the real poller, as
 * {@code /q/reactors/pollers} reports. The page is a web component: the script reads the grids through their
 * shadow roots. Without Chromium the test is reported as skipped, with the reason ({@code .ci/run} installs it).
 * A screenshot of the page with the first poller paused goes to {@code target/devui-reactors.png}.
 */
public class DevUiReactorsPageTest {

    static final int PORT = Integer.getInteger("quarkus.http.test-port", 8081);
    static final String POLLER = "HitPipeline#flush";
    static final String PAGE = "/q/dev-ui/quarkus-reactors/reactors";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Finds the page's web component and its grids through the shadow roots (the Dev UI nests them). */
    private static final String FIND_PAGE = """
            const find = root => {
              const hit = root.querySelector('qwc-reactors-reactors');
              if (hit) return hit;
              for (const el of root.querySelectorAll('*')) {
                if (el.shadowRoot) { const f = find(el.shadowRoot); if (f) return f; }
              }
              return null;
            };
            const page = find(document);
            const grid = id => page && page.shadowRoot && page.shadowRoot.getElementById(id);
            const rows = id => { const g = grid(id); return g && g.shadowRoot ? [...g.shadowRoot.querySelectorAll('#items tr')] : []; };
            const cell = (id, td) => { const slot = td.querySelector('slot'); return slot && grid(id).querySelector('[slot="' + slot.name + '"]'); };
            """;

    /** The grids as the page renders them: one list of cell texts per row. */
    private static final String READ_GRIDS = "(() => {" + FIND_PAGE + """
            if (!page) return null;
            const texts = id => rows(id).map(tr => [...tr.querySelectorAll('td')]
                .map(td => { const c = cell(id, td); return c ? c.textContent.trim() : ''; }));
            return { reactors: texts('reactors'), pollers: texts('pollers') };
            })()""";

    /** Clicks the button in the last column of pollers row %1$d if it reads %2$s; says what it did. */
    private static final String CLICK = "(() => {" + FIND_PAGE + """
            const tr = rows('pollers')[%1$d];
            const c = tr && cell('pollers', [...tr.querySelectorAll('td')].pop());
            const button = c && c.querySelector('vaadin-button');
            if (!button || button.textContent.trim() !== '%2$s') return 'no %2$s button in pollers row %1$d';
            button.click();
            return 'clicked';
            })()""";

    @RegisterExtension
    static final QuarkusDevModeTest TEST = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addPackage("io.quarkiverse.reactors.it")
                    .addAsResource(new StringAsset(demoProperties() + "\nquarkus.http.port=" + PORT + "\n"),
                            "application.properties"));

    @Test
    void reactorsPageShowsTheLiveAppAndPausesItsPoller() throws Exception {
        Path chromium = Chromium.binary();
        Assumptions.assumeTrue(chromium != null, "no chromium on the PATH (Debian: apt-get install chromium; or "
                + "-D" + Chromium.BINARY_PROPERTY + "=/path/to/chromium): the Dev UI page was not opened");
        JsonNode reactors = get("/q/reactors").path("reactors");
        assertTrue(reactors.size() > 0, "/q/reactors lists no reactors");
        List<JsonNode> pollers = pollers();
        assertEquals(reactors.size(), pollers.size(), "one " + POLLER + " per reactor expected: " + pollers);

        try (Chromium browser = Chromium.open(chromium, "http://localhost:" + PORT + PAGE)) {
            // both tables filled: one row per reactor, with its event-loop thread, and one poller row per reactor
            JsonNode first = await(browser, "both tables filled from the running application",
                    grids -> grids.path("reactors").size() == reactors.size()
                            && grids.path("pollers").size() == pollers.size());
            for (int i = 0; i < reactors.size(); i++) {
                JsonNode row = first.path("reactors").get(i);
                assertEquals(reactors.get(i).path("id").asText(), row.get(0).asText(), "reactor id, row " + i);
                assertEquals(reactors.get(i).path("thread").asText(), row.get(1).asText(), "reactor thread, row " + i);
                assertEquals(reactors.get(i).path("transport").asText(), row.get(2).asText(), "transport, row " + i);
            }
            for (JsonNode row : first.path("pollers")) {
                assertEquals(POLLER, row.get(0).asText(), "poller name in " + row);
                assertEquals("Pause", row.get(row.size() - 1).asText(), "a running poller offers Pause: " + row);
            }
            // live: the page refreshes every second, and the loop iterations and poller runs it shows go up
            long iterations = sum(first.path("reactors"), ITERATIONS);
            long runs = sum(first.path("pollers"), 3);
            await(browser, "the iterations and poller runs shown go up",
                    grids -> sum(grids.path("reactors"), ITERATIONS) > iterations && sum(grids.path("pollers"), 3) > runs);
            // the last column shows each reactor's idle wake-ups per second, computed between two refreshes
            await(browser, "an idle wake-up rate in every reactor row",
                    grids -> grids.path("reactors").size() == reactors.size() && java.util.stream.StreamSupport
                            .stream(grids.path("reactors").spliterator(), false)
                            .allMatch(row -> lastCell(row).matches("\\d+\\.\\d")));

            // Pause on the first poller row pauses exactly that poller of the application
            int reactor = first.path("pollers").get(0).get(1).asInt();
            click(browser, 0, "Pause");
            awaitPaused(reactor, true);
            await(browser, "the paused poller's button reads Resume",
                    grids -> "Resume".equals(lastCell(grids.path("pollers").get(0))));
            browser.screenshot(Path.of("target/devui-reactors.png"));

            click(browser, 0, "Resume");
            awaitPaused(reactor, false);
            await(browser, "the resumed poller's button reads Pause again",
                    grids -> "Pause".equals(lastCell(grids.path("pollers").get(0))));
        }
    }

    private static void click(Chromium browser, int row, String label) {
        assertEquals("clicked", browser.evaluate(CLICK.formatted(row, label)).asText(), "clicking " + label);
    }

    /** Waits until the application reports the poller on {@code reactor} paused (or running). */
    private static void awaitPaused(int reactor, boolean paused) throws Exception {
        List<JsonNode> seen = List.of();
        for (long deadline = System.nanoTime() + 30_000_000_000L; System.nanoTime() < deadline;) {
            seen = pollers();
            if (seen.stream().allMatch(p -> p.path("paused").asBoolean() == (paused && p.path("reactor").asInt() == reactor))) {
                return;
            }
            Thread.sleep(Chromium.POLL.toMillis());
        }
        throw new AssertionError("/q/reactors/pollers should show " + POLLER + " on reactor " + reactor
                + (paused ? " paused" : " running") + " and every other one running; it shows " + seen);
    }

    private static JsonNode await(Chromium browser, String what, Predicate<JsonNode> condition) throws Exception {
        JsonNode grids = null;
        for (long deadline = System.nanoTime() + 60_000_000_000L; System.nanoTime() < deadline;) {
            grids = browser.evaluate(READ_GRIDS);
            if (grids != null && grids.isObject() && condition.test(grids)) {
                return grids;
            }
            Thread.sleep(Chromium.POLL.toMillis());
        }
        throw new AssertionError("the Dev UI page never showed " + what + "; it last showed " + grids);
    }

    /** The reactors grid's "Iterations" column (see qwc-reactors-reactors.js). */
    private static final int ITERATIONS = 9;

    private static long sum(JsonNode rows, int column) {
        long sum = 0;
        for (JsonNode row : rows) {
            sum += Long.parseLong(row.get(column).asText());
        }
        return sum;
    }

    private static String lastCell(JsonNode row) {
        return row == null ? null : row.get(row.size() - 1).asText();
    }

    private static List<JsonNode> pollers() throws Exception {
        List<JsonNode> list = new ArrayList<>();
        get("/q/reactors/pollers").path("pollers").forEach(p -> {
            if (POLLER.equals(p.path("name").asText())) {
                list.add(p);
            }
        });
        return list;
    }

    static JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "GET " + path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    /** The demo's own configuration, read from its source tree (the pom passes the directory). */
    private static String demoProperties() {
        try {
            return Files.readString(Path.of(System.getProperty("reactors.demo.dir", "../integration-tests"),
                    "src/main/resources/application.properties"));
        } catch (IOException e) {
            throw new IllegalStateException("the demo's application.properties could not be read", e);
        }
    }
}
