package io.quarkiverse.reactors.test.placement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

import io.quarkiverse.reactors.runtime.internal.placement.CpuList;

/** Reads thread affinity the way an operator would: from /proc, independently of the pinning library. */
final class ProcStatus {

    private ProcStatus() {
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/thread-self/status"));
    }

    /** @return the calling thread's kernel thread id */
    static int currentTid() {
        try {
            return Integer.parseInt(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code Cpus_allowed_list} of /proc/self/task/{tid}/status, as written by the kernel */
    static String allowedCpusOf(int tid) {
        try {
            return Files.readAllLines(Path.of("/proc/self/task/" + tid + "/status")).stream()
                    .filter(line -> line.startsWith("Cpus_allowed_list:"))
                    .map(line -> line.substring("Cpus_allowed_list:".length()).trim())
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return up to the first two CPUs this process may run on, highest first */
    static int[] twoAllowedCpusReversed() {
        BitSet allowed = CpuList.allowedCpus();
        int first = allowed.nextSetBit(0);
        int second = allowed.nextSetBit(first + 1);
        return second < 0 ? new int[] { first } : new int[] { second, first };
    }

    static String list(int[] cpus) {
        StringBuilder out = new StringBuilder();
        for (int cpu : cpus) {
            out.append(out.length() == 0 ? "" : ",").append(cpu);
        }
        return out.toString();
    }
}
