package io.quarkiverse.reactors.test.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Reactor;
import io.quarkiverse.reactors.ReactorStats;
import io.quarkiverse.reactors.Reactors;
import io.quarkiverse.reactors.test.Await;
import io.quarkus.test.QuarkusUnitTest;

/** A throwing event is logged with the reactor id and counted; the reactor keeps running events. */
public class FailingEventTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2)
            .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.quarkiverse.reactors"))
            .assertLogRecords(records -> {
                assertTrue(records.stream().anyMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()
                        && formatted(r).startsWith("Reactor 1: event") && r.getThrown() != null
                        && "send failure".equals(r.getThrown().getMessage())), "a logged failure naming reactor 1");
                assertTrue(records.stream().anyMatch(r -> r.getThrown() != null
                        && "bi failure".equals(r.getThrown().getMessage())));
            });

    @Inject
    Reactors reactors;

    static String formatted(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
    }

    @Test
    void throwingEventsAreCountedAndTheReactorGoesOn() {
        Reactor target = reactors.reactor(1);
        ReactorStats before = target.stats();
        target.send(() -> {
            throw new IllegalStateException("send failure");
        });
        target.send((String a, String b) -> {
            throw new IllegalArgumentException(a + " " + b);
        }, "bi", "failure");
        assertEquals("still running", Await.result(target.callAsync(() -> "still running")));
        ReactorStats after = Await.quiet(target);
        assertEquals(before.failed() + 2, after.failed());
        assertEquals(before.executed() + 1, after.executed());
        assertEquals(after.accepted(), after.executed() + after.failed());
    }
}
