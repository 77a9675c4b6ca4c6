package io.quarkiverse.reactors.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a run was measured on: the CPU model as {@code lscpu} names it, the cores the JVM sees, and the load average
 * (1, 5, 15 minutes) before and after the run, since these machines are shared and ratios differ between CPUs.
 */
record Machine(String cpuModel, int cores, String loadBefore, String loadAfter) {

    /** @return lscpu's "Model name", or /proc/cpuinfo's "model name" where lscpu is missing, or "unknown" */
    static String lscpuModel() {
        try {
            Process lscpu = new ProcessBuilder("lscpu").redirectErrorStream(true).start();
            String out = new String(lscpu.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            lscpu.waitFor();
            String model = field(out, "Model name:");
            if (model != null) {
                return model;
            }
        } catch (IOException e) {
            // no lscpu: fall back to /proc/cpuinfo
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            String model = field(Files.readString(Path.of("/proc/cpuinfo")), "model name");
            return model != null ? model : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String field(String text, String key) {
        for (String line : text.split("\n")) {
            if (line.startsWith(key)) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return null;
    }

    /** @return the first three fields of /proc/loadavg, or "unknown" */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }

    String describe() {
        return String.format(Locale.ROOT, "CPU: %s, %d cores seen by the JVM; load average (1/5/15 min) %s before, %s after",
                cpuModel, cores, loadBefore, loadAfter);
    }

    String toJson() {
        return String.format(Locale.ROOT, "{\"cpuModel\":\"%s\",\"cores\":%d,\"loadBefore\":\"%s\",\"loadAfter\":\"%s\"}",
                cpuModel.replace("\"", "'"), cores, loadBefore, loadAfter);
    }
}
