package io.quarkiverse.reactors.redis;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Finds and runs Debian's {@code redis-tools}. Missing tools fail the test when {@code CI=true} (CI installs
 * them) and skip it, with the reason, elsewhere.
 */
final class RedisTools {

    record Result(int exitCode, String output) {
    }

    private RedisTools() {
    }

    static Path require(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = tool + " is not on the PATH; install Debian's redis-tools (apt-get install -y redis-tools)";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " - with CI=true these tests are required, so CI must install it before the build");
        }
        Assumptions.abort(message + " to run this test");
        return null;
    }

    /** Runs {@code tool} with {@code args}, at most {@code timeoutSeconds}, and returns its exit code and output. */
    static Result run(String tool, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(require(tool).toString());
        command.addAll(List.of(args));
        // output to a file: a pipe nobody reads while waiting would stall a chatty tool
        Path log = Files.createTempFile(tool, ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s; output: "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
