package io.quarkiverse.reactors.kafka.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/** Asserts that one message of a failed build (its causes and suppressed problems included) has every fragment. */
final class BuildFailure {

    private BuildFailure() {
    }

    static void assertMentions(Throwable failure, String... fragments) {
        List<String> seen = new ArrayList<>();
        Deque<Throwable> todo = new ArrayDeque<>(List.of(failure));
        while (!todo.isEmpty() && seen.size() < 100) {
            Throwable t = todo.pop();
            if (t.getMessage() != null) {
                if (Arrays.stream(fragments).allMatch(t.getMessage()::contains)) {
                    return;
                }
                seen.add(t.getMessage());
            }
            todo.addAll(Arrays.asList(t.getSuppressed()));
            if (t.getCause() != null && t.getCause() != t) {
                todo.add(t.getCause());
            }
        }
        fail("no problem mentions " + Arrays.toString(fragments) + "; problems were:\n" + String.join("\n", seen));
    }
}
