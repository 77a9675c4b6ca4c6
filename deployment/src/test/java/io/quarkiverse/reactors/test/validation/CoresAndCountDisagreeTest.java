package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** cores sets the reactor count; a different explicit count fails startup, naming both. */
public class CoresAndCountDisagreeTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Problems.class))
            .overrideRuntimeConfigKey("quarkus.reactors.cores", "0")
            .overrideRuntimeConfigKey("quarkus.reactors.count", "3")
            .assertException(failure -> Problems.assertReported(failure,
                    "quarkus.reactors.count=3 disagrees with quarkus.reactors.cores = \"0\", which lists 1 CPUs"));

    @Test
    void startupFails() {
        fail("the application must not start");
    }
}
