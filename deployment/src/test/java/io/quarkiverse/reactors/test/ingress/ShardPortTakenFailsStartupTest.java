package io.quarkiverse.reactors.test.ingress;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.test.Await;
import io.quarkiverse.reactors.test.validation.Problems;
import io.quarkus.test.QuarkusUnitTest;

/** A shard port that another socket holds fails startup, naming the reactor, the port and the property. */
public class ShardPortTakenFailsStartupTest {

    static final int BASE = FreePorts.consecutive(ShardPortTakenFailsStartupTest.class, 2);
    static final ServerSocket BLOCKER = block(BASE + 1);

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2, FreePorts.class)
            .overrideRuntimeConfigKey("quarkus.reactors.http.shard-port-base", String.valueOf(BASE))
            .assertException(e -> Problems.assertReported(e, "Reactor 1 could not listen on its shard port", ":" + (BASE + 1),
                    "quarkus.reactors.http.shard-port-base", "Address already in use"));

    /** Holds the port; null when it is already held (this class is initialised twice, the first holder keeps it). */
    static ServerSocket block(int port) {
        try {
            return new ServerSocket(port);
        } catch (IOException e) {
            return null;
        }
    }

    @AfterAll
    static void release() throws IOException {
        if (BLOCKER != null) {
            BLOCKER.close();
        }
    }

    @Test
    void startupFailed() {
        fail("the application must not start while a shard port is taken");
    }
}
