package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.reactors.OnEvent;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

/**
 * One replying @OnEvent method per event type: two methods returning a value for one type (or for a type and
 * its supertype) would leave request() to guess. Methods returning void or Uni&lt;Void&gt; do not reply and may share it.
 */
public class OnEventRepliesMustBeUnambiguousTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Query.class, Priced.class, Bad.class, Fine.class, Problems.class))
            .assertException(failure -> {
                Problems.assertReported(failure, "Bad#count(Query)", "Bad#size(Query)", "returns a reply for events of type",
                        "Keep one replying @OnEvent method per event type");
                Problems.assertReported(failure, "Bad#price(Priced)", "Bad#", "Priced");
                for (String message : Problems.messages(failure)) {
                    if (message.contains("Fine#")) {
                        fail("void and Uni<Void> subscribers do not reply, so they may share an event type: " + message);
                    }
                }
            });

    public interface Priced {
    }

    public record Query(String key) implements Priced {
    }

    public static class Bad {
        @OnEvent
        long count(Query query) {
            return 1;
        }

        @OnEvent
        Uni<Integer> size(Query query) {
            return Uni.createFrom().item(2);
        }

        @OnEvent
        String price(Priced priced) {
            return "supertype of Query";
        }
    }

    public static class Fine {
        @OnEvent
        void log(Query query) {
        }

        @OnEvent
        Uni<Void> audit(Query query) {
            return Uni.createFrom().voidItem();
        }
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
