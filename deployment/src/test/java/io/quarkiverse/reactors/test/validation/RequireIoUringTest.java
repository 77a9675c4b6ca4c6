package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Requiring io_uring where it is not active fails startup with Netty's reason: this module's tests have
 * Netty's io_uring classes but not its native library, so Netty reports that the library did not load (and
 * Vert.x, preferring a native transport, falls back to epoll, which the watch tests put on the class path).
 */
public class RequireIoUringTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Problems.class))
            .overrideRuntimeConfigKey("quarkus.reactors.require-transport", "io-uring")
            .overrideRuntimeConfigKey("quarkus.vertx.prefer-native-transport", "true")
            .assertException(failure -> Problems.assertReported(failure,
                    "quarkus.reactors.require-transport=io-uring but Vert.x runs on epoll: Netty reports it unavailable:"));

    @Test
    void startupFails() {
        fail("the application must not start");
    }
}
