package io.quarkiverse.reactors.test.ingress;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.test.Await;
import io.quarkiverse.reactors.test.validation.Problems;
import io.quarkus.test.QuarkusUnitTest;

/** A shard-port range that runs past 65535 fails startup, naming the value and the bases that work. */
public class ShardPortRangeInvalidTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = Await.app(2)
            .overrideRuntimeConfigKey("quarkus.reactors.http.shard-port-base", "65535")
            .assertException(e -> Problems.assertReported(e, "quarkus.reactors.http.shard-port-base=65535 is invalid",
                    "65535..65536", "1..65534"));

    @Test
    void startupFailed() {
        fail("the application must not start with an invalid shard-port range");
    }
}
