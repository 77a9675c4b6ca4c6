package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Requiring epoll while Vert.x runs on NIO fails startup with the reason: this module's tests have Netty's epoll
 * transport (for the watch tests), so the reason is the unset preference. The missing-dependency message is
 * covered by {@code TransportsTest} in the runtime module.
 */
public class RequireEpollTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Problems.class))
            .overrideRuntimeConfigKey("quarkus.reactors.require-transport", "epoll")
            .assertException(failure -> Problems.assertReported(failure,
                    "quarkus.reactors.require-transport=epoll but Vert.x runs on nio",
                    "quarkus.vertx.prefer-native-transport is false, so Vert.x uses NIO: set it to true"));

    @Test
    void startupFails() {
        fail("the application must not start");
    }
}
