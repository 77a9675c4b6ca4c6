package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A CPU this process may not run on fails startup, naming the value and the allowed set. */
public class CoresOutsideAllowedSetTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Problems.class))
            .overrideRuntimeConfigKey("quarkus.reactors.cores", "0,4095")
            .assertException(failure -> Problems.assertReported(failure,
                    "quarkus.reactors.cores = \"0,4095\" names CPU 4095, which this process may not run on",
                    "allowed CPUs are"));

    @Test
    void startupFails() {
        fail("the application must not start");
    }
}
