package io.quarkiverse.reactors.test.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An event that runs longer than {@code quarkus.reactors.max-run-time} gets one warning, with the reactor
 * thread's stack trace showing the blocking frame.
 */
public class WatchdogTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2, WatchdogTest.class)
            .overrideRuntimeConfigKey("quarkus.reactors.max-run-time", "50ms")
            .setLogRecordPredicate(r -> "io.quarkiverse.reactors.watchdog".equals(r.getLoggerName()))
            .assertLogRecords(records -> {
                assertEquals(1, records.size(), "one warning for one stall: " + records);
                LogRecord record = records.get(0);
                assertEquals(Level.WARNING, record.getLevel());
                String message = record.getMessage();
                for (Object p : record.getParameters() == null ? new Object[0] : record.getParameters()) {
                    message = message.replaceFirst("%[sd]", String.valueOf(p));
                }
                assertTrue(message.contains("Reactor 1 ("), message);
                assertTrue(message.contains("running an event, at " + WatchdogTest.class.getName() + ".blockReactor"),
                        message);
                assertTrue(message.contains("quarkus.reactors.max-run-time (50 ms)"), message);
                Throwable trace = record.getThrown();
                assertNotNull(trace, "the reactor thread's stack trace");
                assertTrue(Arrays.stream(trace.getStackTrace()).anyMatch(f -> f.getMethodName().equals("blockReactor")),
                        Arrays.toString(trace.getStackTrace()));
                assertTrue(Arrays.stream(trace.getStackTrace()).anyMatch(f -> f.getMethodName().equals("runBatch")),
                        "it was an event: " + Arrays.toString(trace.getStackTrace()));
            });

    @Inject
    Reactors reactors;

    @Test
    void longEventIsReportedOnceWithItsStackTrace() {
        CountDownLatch done = new CountDownLatch(1);
        reactors.reactor(1).send(() -> {
            blockReactor(600);
            done.countDown();
        });
        Await.until(() -> done.getCount() == 0);
        // the reactor is fine again: the next event runs
        Await.onReactor(reactors.reactor(1), () -> null);
        Await.sleep(200); // a late second warning would show here
    }

    /** Blocks the reactor thread on purpose: the stall the watchdog must report. */
    static void blockReactor(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
