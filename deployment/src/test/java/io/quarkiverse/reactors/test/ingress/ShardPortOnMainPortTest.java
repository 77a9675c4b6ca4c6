package io.quarkiverse.reactors.test.ingress;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.test.Await;
import io.quarkiverse.reactors.test.validation.Problems;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A shard port equal to the main HTTP port fails startup. Without the check Vert.x would share the main server's
 * socket with the shard server and spread its connections over both loops, silently.
 */
public class ShardPortOnMainPortTest {

    /** Two free ports: the first is reactor 0's shard port, the second both the main test port and reactor 1's. */
    static final int BASE = FreePorts.consecutive(ShardPortOnMainPortTest.class, 2);

    /** The build's {@code quarkus.http.test-port}, while this test replaces it. */
    static String buildTestPort;

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2)
            // The build sets quarkus.http.test-port=0 (random) as a system property, which outranks the test's
            // application properties: the main port is set the same way, and the build's value put back after.
            .setBeforeAllCustomizer(() -> buildTestPort = System.setProperty("quarkus.http.test-port",
                    String.valueOf(BASE + 1)))
            .setAfterAllCustomizer(() -> {
                if (buildTestPort == null) {
                    System.clearProperty("quarkus.http.test-port");
                } else {
                    System.setProperty("quarkus.http.test-port", buildTestPort);
                }
            })
            .overrideRuntimeConfigKey("quarkus.reactors.http.shard-port-base", String.valueOf(BASE))
            .assertException(e -> Problems.assertReported(e, "puts reactor 1 on port " + (BASE + 1),
                    "the main HTTP port (quarkus.http.test-port)"));

    @Test
    void startupFailed() {
        fail("the application must not start with a shard port on the main port");
    }
}
