package io.quarkiverse.reactors.test.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every Java code block of the README and of the documentation pages is a copy of compiled code, so it cannot
 * drift: the block names its source with a marker on the line before it ({@code <!-- snippet: name -->} in
 * Markdown, {@code // snippet: name} in AsciiDoc; several names, comma-separated, stand for the regions one
 * after the other, a blank line apart), and the source marks the region with {@code // tag::name[]} and
 * {@code // end::name[]} (AsciiDoc's include tags) in a file under {@link #SOURCES}. Indentation common to a
 * region's lines is ignored, so a region may sit inside a method.
 */
public class DocSnippetsTest {

    /** The repository root: Maven runs this module's tests in {@code deployment/}. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Every module's main and test sources ({@code src/main/java}, {@code src/test/java}, and the demo's {@code src/kafka/java}). */
    static final List<Path> SOURCES = sourceRoots();

    private static final Pattern TAG = Pattern.compile("^\\s*// (tag|end)::([\\w.-]+)\\[\\]\\s*$");
    private static final Pattern MARKDOWN_BLOCK = Pattern
            .compile("(?:<!-- snippet: ([\\w.,\\s-]+) -->\\n)?```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern ASCIIDOC_BLOCK = Pattern
            .compile("(?:// snippet: ([\\w.,\\s-]+)\\n)?\\[source,\\s*java[^\\]]*\\]\\n----\\n(.*?)----\\n", Pattern.DOTALL);

    @Test
    void everyJavaBlockIsACopyOfCompiledCode() throws IOException {
        Map<String, String> regions = regions();
        List<String> problems = new ArrayList<>();
        int checked = check(ROOT.resolve("README.md"), MARKDOWN_BLOCK, regions, problems);
        try (Stream<Path> pages = Files.list(ROOT.resolve("docs/modules/ROOT/pages"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".adoc")).sorted().toList()) {
                checked += check(page, ASCIIDOC_BLOCK, regions, problems);
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " Java blocks in the docs are not copies of compiled code:\n\n"
                    + String.join("\n\n", problems));
        }
        assertTrue(checked >= 10, "the docs have Java blocks to check, found " + checked);
    }

    private static int check(Path doc, Pattern block, Map<String, String> regions, List<String> problems)
            throws IOException {
        String text = Files.readString(doc);
        Matcher m = block.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
            String where = ROOT.relativize(doc) + ":" + (text.substring(0, m.start()).split("\n", -1).length);
            if (m.group(1) == null) {
                problems.add(where + ": a Java block without a snippet marker; keep the code in a compiled source"
                        + " between // tag::name[] and // end::name[], and name it on the line before the block");
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (String name : m.group(1).split(",")) {
                String region = regions.get(name.trim());
                if (region == null) {
                    problems.add(where + ": no region tagged '" + name.trim() + "' under " + SOURCES);
                    parts = null;
                    break;
                }
                parts.add(region);
            }
            if (parts == null) {
                continue;
            }
            String expected = String.join("\n\n", parts);
            if (!normalize(m.group(2)).equals(expected)) {
                problems.add(where + ": the block differs from its source region '" + m.group(1).trim()
                        + "'; the region reads:\n" + expected);
            }
        }
        return count;
    }

    private static List<Path> sourceRoots() {
        try (Stream<Path> modules = Files.list(ROOT)) {
            return modules.filter(Files::isDirectory).sorted()
                    .flatMap(m -> Stream.of(m.resolve("src/main/java"), m.resolve("src/test/java"), m.resolve("src/kafka/java")))
                    .filter(Files::isDirectory).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return every tagged region under {@link #SOURCES}, by name, normalized */
    static Map<String, String> regions() throws IOException {
        Map<String, String> regions = new LinkedHashMap<>();
        for (Path root : SOURCES) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(file -> {
                    try {
                        collect(file, Files.readAllLines(file), regions);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return regions;
    }

    private static void collect(Path file, List<String> lines, Map<String, String> regions) {
        Map<String, StringBuilder> open = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher tag = TAG.matcher(line);
            if (tag.matches()) {
                String name = tag.group(2);
                if (tag.group(1).equals("tag")) {
                    open.put(name, new StringBuilder());
                } else {
                    StringBuilder region = open.remove(name);
                    if (region == null) {
                        fail(file + ": end::" + name + "[] without tag::" + name + "[]");
                    }
                    if (regions.put(name, normalize(region.toString())) != null) {
                        fail(file + ": the region name '" + name + "' is used twice");
                    }
                }
                continue;
            }
            for (StringBuilder region : open.values()) {
                region.append(line).append('\n');
            }
        }
        if (!open.isEmpty()) {
            fail(file + ": regions not ended: " + open.keySet());
        }
    }

    /** Strips trailing spaces, leading and trailing blank lines, and the indentation all lines share. */
    static String normalize(String code) {
        List<String> lines = new ArrayList<>(code.lines().map(String::stripTrailing).toList());
        while (!lines.isEmpty() && lines.get(0).isEmpty()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        int indent = lines.stream().filter(l -> !l.isEmpty()).mapToInt(l -> l.length() - l.stripLeading().length()).min()
                .orElse(0);
        return String.join("\n", lines.stream().map(l -> l.isEmpty() ? l : l.substring(indent)).toList());
    }
}
