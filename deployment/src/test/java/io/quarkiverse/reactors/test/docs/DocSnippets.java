package io.quarkiverse.reactors.test.docs;

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

/**
 * The Java blocks of the README and of the documentation pages, and the tagged source regions they copy: a block
 * names its source with a marker on the line before it ({@code <!-- snippet: name -->} in Markdown,
 * {@code // snippet: name} in AsciiDoc; several names, comma-separated, stand for the regions one after the other, a
 * blank line apart), and a source marks the region with {@code // tag::name[]} and {@code // end::name[]}
 * (AsciiDoc's include tags) in a file under a module's {@code src/main/java} or {@code src/test/java}. Indentation
 * common to a region's lines is ignored, so a region may sit inside a method.
 * <p>
 * {@link DocSnippetsTest} checks every block with {@link #visit}; {@link #main} rewrites every block that differs
 * from its region (after the formatter rewrapped a region, say). It uses the JDK alone, so that it runs as a
 * source file without a build: {@code docs/sync-snippets.sh}. Single-threaded; one instance reads the sources once,
 * when it is made.
 */
public final class DocSnippets {

    private static final Pattern TAG = Pattern.compile("^\\s*// (tag|end)::([\\w.-]+)\\[\\]\\s*$");
    private static final Pattern MARKDOWN_BLOCK = Pattern
            .compile("(?:<!-- snippet: ([\\w.,\\s-]+) -->\\n[ \\t]*)?```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern ASCIIDOC_BLOCK = Pattern
            .compile("(?:// snippet: ([\\w.,\\s-]+)\\n)?\\[source,\\s*java[^\\]]*\\]\\n----\\n(.*?)----\\n",
                    Pattern.DOTALL);

    private final Path root;
    private final List<Path> sources;
    private final Map<String, String> regions;

    /**
     * Reads every tagged region under {@code root}'s modules.
     *
     * @param root the repository root
     * @throws IllegalStateException when a region is not ended, ended without being opened, or named twice
     */
    public DocSnippets(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.sources = sourceRoots(this.root);
        this.regions = regions(sources);
    }

    /**
     * Rewrites, under the repository root given as the only argument (the current directory without one), every
     * Java block of the docs that differs from its source regions. Prints each rewritten block, and each block it
     * cannot rewrite (no marker, or a region that does not exist), then exits with 1 if there was one of those.
     */
    public static void main(String[] args) throws IOException {
        DocSnippets snippets = new DocSnippets(Path.of(args.length > 0 ? args[0] : ""));
        List<String> rewritten = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path doc : snippets.docs()) {
            snippets.visit(doc, problems, rewritten);
        }
        rewritten.forEach(where -> System.out.println("rewrote " + where));
        System.out.println(rewritten.size() + " Java blocks rewritten from their source regions");
        if (!problems.isEmpty()) {
            problems.forEach(System.err::println);
            System.exit(1);
        }
    }

    /** @return the docs whose Java blocks are copies: the README and every page under docs/modules/ROOT/pages */
    public List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(root.resolve("README.md"));
        try (Stream<Path> pages = Files.list(root.resolve("docs/modules/ROOT/pages"))) {
            pages.filter(p -> p.toString().endsWith(".adoc")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /**
     * Checks one doc, and rewrites it when {@code rewritten} is given.
     *
     * @param doc a Markdown ({@code .md}) or AsciiDoc file
     * @param problems receives one message per block that is not a copy of its regions (and is not rewritten)
     * @param rewritten {@code null} to only check; otherwise blocks that differ from their regions are replaced by
     *        them, keeping the block's indentation, and their places are added here
     * @return the number of Java blocks in the doc
     */
    public int visit(Path doc, List<String> problems, List<String> rewritten) throws IOException {
        String text = Files.readString(doc);
        Matcher m = (doc.toString().endsWith(".md") ? MARKDOWN_BLOCK : ASCIIDOC_BLOCK).matcher(text);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        int count = 0;
        while (m.find()) {
            count++;
            String where = root.relativize(doc) + ":" + text.substring(0, m.start()).split("\n", -1).length;
            if (m.group(1) == null) {
                problems.add(where + ": a Java block without a snippet marker; keep the code in a compiled source"
                        + " between // tag::name[] and // end::name[], and name it on the line before the block");
                continue;
            }
            String expected = expected(m.group(1), where, problems);
            if (expected == null || normalize(m.group(2)).equals(expected)) {
                continue;
            }
            if (rewritten == null) {
                problems.add(where + ": the block differs from its source region '" + m.group(1).trim()
                        + "' (docs/sync-snippets.sh rewrites it); the region reads:\n" + expected);
                continue;
            }
            out.append(text, copied, m.start(2)).append(reindent(expected, m.group(2)));
            copied = m.end(2);
            rewritten.add(where + " (" + m.group(1).trim() + ")");
        }
        if (copied > 0) {
            out.append(text, copied, text.length());
            Files.writeString(doc, out.toString());
        }
        return count;
    }

    /** @return the regions named in a marker, a blank line apart, or null (with a problem) if one is missing */
    private String expected(String names, String where, List<String> problems) {
        List<String> parts = new ArrayList<>();
        for (String name : names.split(",")) {
            String region = regions.get(name.trim());
            if (region == null) {
                problems.add(where + ": no region tagged '" + name.trim() + "' under " + sources);
                return null;
            }
            parts.add(region);
        }
        return String.join("\n\n", parts);
    }

    /**
     * @return {@code code} (normalized) as a block body in place of {@code body}: with the indentation the body's
     *         lines shared, and what followed its last line break (the indentation of a closing fence)
     */
    private static String reindent(String code, String body) {
        int lastBreak = body.lastIndexOf('\n');
        String indent = body.substring(0, lastBreak + 1).lines().filter(l -> !l.isBlank())
                .map(l -> l.substring(0, l.length() - l.stripLeading().length()))
                .reduce((a, b) -> a.length() <= b.length() ? a : b).orElse("");
        StringBuilder out = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            out.append(line.isEmpty() ? "" : indent).append(line).append('\n');
        }
        return out.append(body.substring(lastBreak + 1)).toString();
    }

    /**
     * @return every module's main and test sources ({@code <module>/src/main/java}, {@code <module>/src/test/java}, and the
     *         demo's {@code src/kafka/java})
     */
    private static List<Path> sourceRoots(Path root) {
        try (Stream<Path> modules = Files.list(root)) {
            return modules.filter(Files::isDirectory).sorted()
                    .flatMap(m -> Stream.of(m.resolve("src/main/java"), m.resolve("src/test/java"),
                            m.resolve("src/kafka/java")))
                    .filter(Files::isDirectory).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return every tagged region under {@code sources}, by name, normalized */
    private static Map<String, String> regions(List<Path> sources) throws IOException {
        Map<String, String> regions = new LinkedHashMap<>();
        for (Path source : sources) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    collect(file, Files.readAllLines(file), regions);
                }
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
                        throw new IllegalStateException(file + ": end::" + name + "[] without tag::" + name + "[]");
                    }
                    if (regions.put(name, normalize(region.toString())) != null) {
                        throw new IllegalStateException(file + ": the region name '" + name + "' is used twice");
                    }
                }
                continue;
            }
            for (StringBuilder region : open.values()) {
                region.append(line).append('\n');
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalStateException(file + ": regions not ended: " + open.keySet());
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
        int indent = lines.stream().filter(l -> !l.isEmpty()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return String.join("\n", lines.stream().map(l -> l.isEmpty() ? l : l.substring(indent)).toList());
    }
}
