package io.quarkiverse.reactors.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Finds build problems in a deployment failure: its messages, causes and suppressed exceptions. */
public final class Problems {

    private Problems() {
    }

    public static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        collect(failure, messages, 0);
        return messages;
    }

    /** Asserts that one message contains every fragment. */
    public static void assertReported(Throwable failure, String... fragments) {
        List<String> messages = messages(failure);
        for (String message : messages) {
            if (Arrays.stream(fragments).allMatch(message::contains)) {
                return;
            }
        }
        fail("no problem mentions " + Arrays.toString(fragments) + "; problems were:\n" + String.join("\n", messages));
    }

    private static void collect(Throwable t, List<String> messages, int depth) {
        if (t == null || depth > 20) {
            return;
        }
        if (t.getMessage() != null) {
            messages.add(t.getMessage());
        }
        for (Throwable suppressed : t.getSuppressed()) {
            collect(suppressed, messages, depth + 1);
        }
        if (t.getCause() != t) {
            collect(t.getCause(), messages, depth + 1);
        }
    }
}
