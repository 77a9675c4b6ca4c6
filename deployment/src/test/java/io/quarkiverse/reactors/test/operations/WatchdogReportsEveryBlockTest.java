package io.quarkiverse.reactors.test.operations;

import static io.restassured.RestAssured.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.ext.web.Router;

/**
 * Real blocking past {@code max-run-time} (the default, 100 ms) is reported every time: three 400 ms sleeps in a
 * non-blocking HTTP handler on a reactor's event loop, then three in a {@code call}. The first warning of a reactor
 * carries the stack trace; the others, within ten seconds, are one line each, still naming the blocking frame.
 */
public class WatchdogReportsEveryBlockTest {

    static final long SLEEP_MILLIS = 400;

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(1, WatchdogReportsEveryBlockTest.class, SleepRoute.class)
            .setLogRecordPredicate(r -> "io.quarkiverse.reactors.watchdog".equals(r.getLoggerName()))
            .assertLogRecords(records -> {
                assertEquals(6, records.size(),
                        "one warning per block: " + records.stream().map(WatchdogReportsEveryBlockTest::format).toList());
                for (int i = 0; i < 6; i++) {
                    String message = format(records.get(i));
                    assertTrue(message.contains("Reactor 0 ("), message);
                    assertTrue(message.contains("quarkus.reactors.max-run-time (100 ms)"), message);
                    if (i < 3) {
                        assertTrue(message.contains("outside the reactor loop (such as an HTTP handler), at "
                                + WatchdogReportsEveryBlockTest.class.getName() + ".sleep"), message);
                    } else {
                        assertTrue(message.contains("running an event, at " + WatchdogReportsEveryBlockTest.class.getName()
                                + ".sleep"), message);
                    }
                }
                assertNotNull(records.get(0).getThrown(), "the first warning carries the stack trace");
                assertNull(records.get(1).getThrown(), "later ones within ten seconds are one line");
            });

    @Inject
    Reactors reactors;

    public static class SleepRoute {
        void routes(@Observes Router router) {
            router.get("/sleep").handler(rc -> {
                WatchdogReportsEveryBlockTest.sleep();
                rc.response().end("slept");
            });
        }
    }

    @Test
    void everyBlockIsReported() {
        for (int i = 0; i < 3; i++) {
            when().get("/sleep").then().statusCode(200);
            Await.sleep(50);
        }
        for (int i = 0; i < 3; i++) {
            Await.result(reactors.reactor(0).callAsync(() -> {
                sleep();
                return null;
            }));
            Await.sleep(50);
        }
        Await.sleep(200); // a late warning would show here
    }

    static void sleep() {
        try {
            TimeUnit.MILLISECONDS.sleep(SLEEP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String format(LogRecord record) {
        String message = record.getMessage();
        for (Object p : record.getParameters() == null ? new Object[0] : record.getParameters()) {
            message = message.replaceFirst("%[sd]", java.util.regex.Matcher.quoteReplacement(String.valueOf(p)));
        }
        return message;
    }
}
