package io.quarkiverse.reactors.nativecheck;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The native promise, checked as far as machines without GraalVM allow: the demo's native build steps ran
 * ({@code quarkus.native.sources-only}), and every reflection, JNI, proxy or serialization registration they
 * generated that names the extension's classes, or the libraries only the extension brings, is allowed with a
 * reason in {@code allowed-registrations.txt}. A new registration fails here until it is justified there.
 */
class NativeRegistrationsIT {

    /** Class names the extension is answerable for; the demo's own package is the application's. */
    private static final Pattern OURS = Pattern
            .compile("^(io\\.quarkiverse\\.reactors\\.(?!it\\.)|org\\.jctools\\.|net\\.openhft\\.).*");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRegistrationOfTheExtensionsClassesIsJustified() throws IOException {
        Path sources = Path.of(System.getProperty("native.sources.dir"));
        Path allowList = Path.of(System.getProperty("native.allowed.registrations"));
        assertTrue(Files.isRegularFile(sources.resolve("native-image.args")),
                "no " + sources.resolve("native-image.args") + ": the native build steps did not run");
        List<Allowed> allowed = Allowed.read(allowList);

        Map<String, List<String>> registered = registrations(runnerJar(sources));
        List<String> unjustified = new ArrayList<>();
        int ours = 0;
        for (Map.Entry<String, List<String>> kind : registered.entrySet()) {
            for (String name : kind.getValue()) {
                if (!OURS.matcher(name).matches()) {
                    continue;
                }
                ours++;
                if (allowed.stream().noneMatch(a -> a.allows(kind.getKey(), name))) {
                    unjustified.add(kind.getKey() + " " + name);
                }
            }
        }
        for (Allowed a : allowed) {
            if (registered.getOrDefault(a.kind, List.of()).stream().noneMatch(name -> a.allows(a.kind, name))) {
                // not a failure: the promise is about what is added; a stale line is reported so that it gets removed
                System.out.println("[native check] no longer registered, remove from " + allowList.getFileName() + ": "
                        + a.line);
            }
        }
        System.out.println("[native check] " + ours + " registrations name the extension's classes; all justified: "
                + unjustified.isEmpty());
        if (!unjustified.isEmpty()) {
            fail("The native build registers these for the extension's classes, and " + allowList
                    + " does not say why:\n  " + String.join("\n  ", unjustified)
                    + "\nRemove the need for them (the extension is meant to need no reflection, JNI or proxies), or add"
                    + " a line '<kind> <class> <reason>' to that file and describe it on the docs page annotations.adoc"
                    + " (Native images).");
        }
    }

    /** The runner jar native-image would be given; the generated configurations are inside it. */
    private static Path runnerJar(Path sources) throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(sources, "*-runner.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        }
        throw new IOException("no *-runner.jar in " + sources);
    }

    /** Class names per kind of registration, from the jar's META-INF/native-image/*-config.json. */
    private static Map<String, List<String>> registrations(Path jar) throws IOException {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            byKind.put("reflection", names(zip, "reflect-config.json", "name"));
            byKind.put("jni", names(zip, "jni-config.json", "name"));
            byKind.put("serialization", names(zip, "serialization-config.json", "name"));
            byKind.put("proxy", names(zip, "proxy-config.json", "interfaces"));
        }
        return byKind;
    }

    /**
     * The names in one configuration: a list of objects with {@code name}, a list of interface lists (old proxy
     * format), objects with {@code interfaces}, or serialization's {@code {"types": [...]}}.
     */
    private static List<String> names(ZipFile zip, String file, String field) throws IOException {
        ZipEntry entry = zip.getEntry("META-INF/native-image/" + file);
        List<String> names = new ArrayList<>();
        if (entry == null) {
            return names;
        }
        JsonNode root;
        try (InputStream in = zip.getInputStream(entry)) {
            root = JSON.readTree(in);
        }
        JsonNode entries = root.isArray() ? root : root.path("types");
        for (JsonNode e : entries) {
            JsonNode value = e.isArray() ? e : e.path(field);
            if (value.isArray()) {
                value.forEach(v -> names.add(v.asText()));
            } else if (!value.isMissingNode()) {
                names.add(value.asText());
            }
        }
        return names;
    }

    /** One line of the allow-list: a kind, a class-name pattern and the reason it is there. */
    private record Allowed(String kind, Pattern name, String line) {

        static List<Allowed> read(Path file) throws IOException {
            List<Allowed> allowed = new ArrayList<>();
            int number = 0;
            for (String line : Files.readAllLines(file)) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+", 3);
                if (parts.length < 3 || !List.of("reflection", "jni", "proxy", "serialization").contains(parts[0])) {
                    fail(file + ":" + number + ": expected '<reflection|jni|proxy|serialization> <class> <reason>', got: "
                            + line);
                }
                String regex = ("\\Q" + parts[1] + "\\E").replace("*", "\\E.*\\Q");
                allowed.add(new Allowed(parts[0], Pattern.compile(regex), trimmed));
            }
            return allowed;
        }

        boolean allows(String kind, String className) {
            return this.kind.equals(kind) && name.matcher(className).matches();
        }
    }
}
