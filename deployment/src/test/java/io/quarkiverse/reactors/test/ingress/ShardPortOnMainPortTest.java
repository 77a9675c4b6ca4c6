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

    /** The main test port (the build passes this project's port on the command line) is reactor 1's shard port. */
    static final int BASE = Integer.getInteger("quarkus.http.test-port", 8081) - 1;

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2)
            .overrideRuntimeConfigKey("quarkus.reactors.http.shard-port-base", String.valueOf(BASE))
            .assertException(e -> Problems.assertReported(e, "puts reactor 1 on port " + (BASE + 1), "the main HTTP port (quarkus.http.test-port)"));

    @Test
    void startupFailed() {
        fail("the application must not start with a shard port on the main port");
    }
}
