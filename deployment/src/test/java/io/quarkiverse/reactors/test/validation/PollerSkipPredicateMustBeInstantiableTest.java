package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.Poller;
import io.quarkus.test.QuarkusUnitTest;

/** A skipExecutionIf class is a bean or has a public no-argument constructor, so it is created without reflection. */
public class PollerSkipPredicateMustBeInstantiableTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class, Problems.class, NoConstructor.class))
            .assertException(failure -> Problems.assertReported(failure, "Bad#poll()", "skipExecutionIf = ",
                    "NoConstructor.class", "public no-argument constructor"));

    public static class Bad {
        @Poller(every = "10ms", skipExecutionIf = NoConstructor.class)
        void poll() {
        }
    }

    public static class NoConstructor implements Poller.SkipPredicate {
        public NoConstructor(String needsAnArgument) {
        }

        @Override
        public boolean test(io.quarkiverse.reactors.Reactor reactor, String poller) {
            return false;
        }
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
