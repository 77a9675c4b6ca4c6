package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A CPU listed twice fails startup, naming the value and the CPU. */
public class CoresListedTwiceTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Problems.class))
            .overrideRuntimeConfigKey("quarkus.reactors.cores", "0,0")
            .assertException(failure -> Problems.assertReported(failure,
                    "quarkus.reactors.cores = \"0,0\" is invalid: it lists CPU 0 twice"));

    @Test
    void startupFails() {
        fail("the application must not start");
    }
}
