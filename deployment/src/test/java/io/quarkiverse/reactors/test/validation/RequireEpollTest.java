package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusExtensionTest;

/** Requiring epoll without Netty's epoll transport on the class path fails startup, naming the dependency. */
public class RequireEpollTest {

    @RegisterExtension
    static final QuarkusExtensionTest TEST = new QuarkusExtensionTest()
            .withApplicationRoot(jar -> jar.addClasses(Problems.class))
            .overrideRuntimeConfigKey("quarkus.reactors.require-transport", "epoll")
            .assertException(failure -> Problems.assertReported(failure,
                    "quarkus.reactors.require-transport=epoll but Vert.x runs on nio",
                    "add io.netty:netty-transport-native-epoll"));

    @Test
    void startupFails() {
        fail("the application must not start");
    }
}
