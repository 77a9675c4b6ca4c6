package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Out-of-range {@code quarkus.reactors.*} values fail startup with one message naming every key, its value and the
 * range, before Vert.x sees them: {@code count=0} is reported as {@code quarkus.reactors.count}, not as Vert.x's
 * event-loop pool size.
 */
public class ConfigProblemsAllAtOnceTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Problems.class))
            .overrideRuntimeConfigKey("quarkus.reactors.count", "0")
            .overrideRuntimeConfigKey("quarkus.reactors.queue-capacity", "1")
            .overrideRuntimeConfigKey("quarkus.reactors.batch-size", "0")
            .overrideRuntimeConfigKey("quarkus.reactors.max-run-time", "-1s")
            .overrideRuntimeConfigKey("quarkus.reactors.stall-threshold", "0s")
            .overrideRuntimeConfigKey("quarkus.reactors.offload.pool-size", "0")
            .assertException(failure -> {
                Problems.assertReported(failure, "Invalid reactors configuration (6 problems)",
                        "quarkus.reactors.count = 0 must be at least 1",
                        "quarkus.reactors.queue-capacity = 1 must be at least 2",
                        "quarkus.reactors.batch-size = 0 must be at least 1",
                        "quarkus.reactors.max-run-time = PT-1S must not be negative (0 turns the warning off)",
                        "quarkus.reactors.stall-threshold = PT0S must be positive",
                        "quarkus.reactors.offload.pool-size = 0 must be at least 1");
                List<String> messages = Problems.messages(failure);
                assertFalse(messages.stream().anyMatch(m -> m.contains("eventLoopPoolSize")),
                        "Vert.x never saw the bad count: " + messages);
                assertEquals(1, messages.stream().filter(m -> m.contains("quarkus.reactors.count")).distinct().count(),
                        "one message for all: " + messages);
            });

    @Test
    void startupFails() {
        fail("the application must not start");
    }
}
