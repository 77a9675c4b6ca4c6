package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.OnEvent;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.RunOnVirtualThread;

/** @RunOnVirtualThread on an @OnEvent method is reported. */
public class OnEventMustNotRunOnVirtualThreadTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, Problems.class))
            .assertException(failure -> Problems.assertReported(failure, "Bad#on(String)",
                    "must not be @Blocking or @RunOnVirtualThread"));

    public static class Bad {
        @OnEvent
        @RunOnVirtualThread
        void on(String event) {
        }
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
