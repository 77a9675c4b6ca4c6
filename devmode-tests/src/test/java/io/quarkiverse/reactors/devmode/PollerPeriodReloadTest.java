package io.quarkiverse.reactors.devmode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * In dev mode, changing a @Poller's period in the source reloads the application, which registers the
 * poller with the new period. The application has no HTTP server (see the pom), so the test asks dev mode
 * to scan for changes itself and reads the registrations from the log.
 */
public class PollerPeriodReloadTest {

    @RegisterExtension
    static final QuarkusDevModeTest TEST = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(DevPoller.class)
                    .addAsResource(new StringAsset("quarkus.log.category.\"io.quarkiverse.reactors\".level=DEBUG\n"),
                            "application.properties"))
            .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.quarkiverse.reactors"));

    @Test
    void changingThePeriodReloads() {
        awaitLog("@Poller " + DevPoller.class.getName() + "#tick() registered as 'DevPoller#tick' on reactors [0], every PT0.01S");
        TEST.modifySourceFile(DevPoller.class, source -> source.replace("every = \"10ms\"", "every = \"25ms\""));
        scanForChanges();
        awaitLog("@Poller " + DevPoller.class.getName() + "#tick() registered as 'DevPoller#tick' on reactors [0], every PT0.025S");
        TEST.modifySourceFile(DevPoller.class, source -> source.replace("every = \"25ms\"", "every = \"off\""));
        scanForChanges();
        awaitLog("@Poller " + DevPoller.class.getName() + "#tick() is disabled");
    }

    /** What an HTTP request does in a dev-mode application with a web server: look for changed sources. */
    private static void scanForChanges() {
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        loaders.add(PollerPeriodReloadTest.class.getClassLoader());
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getContextClassLoader() != null) {
                loaders.add(thread.getContextClassLoader());
            }
        }
        for (ClassLoader loader : loaders) {
            try {
                Class<?> processor = Class.forName("io.quarkus.deployment.dev.RuntimeUpdatesProcessor", false, loader);
                Object instance = processor.getField("INSTANCE").get(null);
                if (instance != null) {
                    processor.getMethod("doScan", boolean.class).invoke(instance, true);
                    return;
                }
            } catch (ReflectiveOperationException | LinkageError e) {
                // not this loader
            }
        }
        throw new AssertionError("dev mode's RuntimeUpdatesProcessor was not found");
    }

    private static void awaitLog(String expected) {
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
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertTrue(false, "no log line contains '" + expected + "'; saw:\n" + String.join("\n", seen));
    }
}
