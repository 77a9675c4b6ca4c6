package io.quarkiverse.reactors.test.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java code block of the README and of the documentation pages is a copy of compiled code, so it cannot
 * drift: {@link DocSnippets} says how a block names its source region. When the formatter rewraps a region,
 * {@code docs/sync-snippets.sh} rewrites the copies; the second test proves that it does.
 */
public class DocSnippetsTest {

    /** The repository root: Maven runs this module's tests in {@code deployment/}. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyJavaBlockIsACopyOfCompiledCode() throws IOException {
        DocSnippets snippets = new DocSnippets(ROOT);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path doc : snippets.docs()) {
            checked += snippets.visit(doc, problems, null);
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " Java blocks in the docs are not copies of compiled code:\n\n"
                    + String.join("\n\n", problems));
        }
        assertTrue(checked >= 10, "the docs have Java blocks to check, found " + checked);
    }

    @Test
    void syncRewritesTheBlocksThatDifferAndOnlyThose(@TempDir Path root) throws IOException {
        Path source = root.resolve("app/src/main/java/Example.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                class Example {
                    void run() {
                        // tag::call[]
                        reactor.fire(
                                event);
                        // end::call[]
                        // tag::other[]
                        other();
                        // end::other[]
                    }
                }
                """);
        Path readme = root.resolve("README.md");
        Files.writeString(readme, """
                Intro.

                <!-- snippet: call -->
                ```java
                reactor.fire(event);
                ```

                1. A list item:
                   <!-- snippet: other -->
                   ```java
                   other();
                   ```
                """);
        Path page = root.resolve("docs/modules/ROOT/pages/page.adoc");
        Files.createDirectories(page.getParent());
        Files.writeString(page, """
                // snippet: call, other
                [source,java]
                ----
                reactor.fire(event);
                ----

                [source,java]
                ----
                noMarker();
                ----
                """);

        DocSnippets snippets = new DocSnippets(root);
        List<String> problems = new ArrayList<>();
        List<String> rewritten = new ArrayList<>();
        for (Path doc : snippets.docs()) {
            snippets.visit(doc, problems, rewritten);
        }

        assertEquals(List.of("README.md:3 (call)", "docs/modules/ROOT/pages/page.adoc:1 (call, other)"), rewritten);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("docs/modules/ROOT/pages/page.adoc:7: a Java block without a snippet"),
                problems.get(0));
        assertEquals("""
                Intro.

                <!-- snippet: call -->
                ```java
                reactor.fire(
                        event);
                ```

                1. A list item:
                   <!-- snippet: other -->
                   ```java
                   other();
                   ```
                """, Files.readString(readme));
        assertEquals("""
                // snippet: call, other
                [source,java]
                ----
                reactor.fire(
                        event);

                other();
                ----

                [source,java]
                ----
                noMarker();
                ----
                """, Files.readString(page));

        DocSnippets again = new DocSnippets(root);
        List<String> after = new ArrayList<>();
        for (Path doc : again.docs()) {
            again.visit(doc, after, null);
        }
        assertEquals(1, after.size(), "only the block without a marker is left: " + after);
    }
}
