package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** An unparsable CPU list fails startup, naming the value and the bad item. */
public class CoresUnparsableTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Problems.class))
            .overrideRuntimeConfigKey("quarkus.reactors.cores", "0-one")
            .assertException(failure -> Problems.assertReported(failure,
                    "quarkus.reactors.cores = \"0-one\" is invalid: \"0-one\" is not a CPU number"));

    @Test
    void startupFails() {
        fail("the application must not start");
    }
}
