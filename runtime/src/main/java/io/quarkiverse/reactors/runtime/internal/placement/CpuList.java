package io.quarkiverse.reactors.runtime.internal.placement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * CPU lists in the notation of Linux and SPDK: {@code "0-3,6"} (brackets allowed, as in SPDK's
 * {@code [0-3,6]}) or a hexadecimal mask such as {@code "0x4f"}; and the CPUs the kernel lets this
 * process and this thread run on, read from {@code /proc}.
 */
public final class CpuList {

    private static final Path PROCESS_STATUS = Path.of("/proc/self/status");
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final String ALLOWED_LIST = "Cpus_allowed_list:";

    private CpuList() {
    }

    /**
     * @param key the config key the value came from, named in errors
     * @return the CPUs in the order listed (a mask lists them in ascending order)
     * @throws IllegalArgumentException naming the key, the value and the offending item when the list is
     *         empty, malformed, or names a CPU twice
     */
    public static int[] parse(String key, String value) {
        String v = value.trim();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1).trim();
        }
        if (v.isEmpty()) {
            throw invalid(key, value, "it lists no CPU");
        }
        List<Integer> cpus = new ArrayList<>();
        BitSet seen = new BitSet();
        if (v.toLowerCase(Locale.ROOT).startsWith("0x")) {
            BitSet mask = parseMask(key, value, v.substring(2));
            mask.stream().forEach(cpus::add);
            if (cpus.isEmpty()) {
                throw invalid(key, value, "the mask selects no CPU");
            }
        } else {
            RangeList.forEach(v.split(",", -1), "a CPU number or a range such as 2-3", why -> invalid(key, value, why),
                    (from, to) -> {
                        for (int cpu = from; cpu <= to; cpu++) {
                            if (seen.get(cpu)) {
                                throw invalid(key, value, "it lists CPU " + cpu + " twice");
                            }
                            seen.set(cpu);
                            cpus.add(cpu);
                        }
                    });
        }
        return cpus.stream().mapToInt(Integer::intValue).toArray();
    }

    private static BitSet parseMask(String key, String value, String hex) {
        BitSet mask = new BitSet();
        if (hex.isEmpty()) {
            throw invalid(key, value, "the mask has no hexadecimal digits");
        }
        for (int i = 0; i < hex.length(); i++) {
            int digit = Character.digit(hex.charAt(hex.length() - 1 - i), 16);
            if (digit < 0) {
                throw invalid(key, value, "'" + hex.charAt(hex.length() - 1 - i) + "' is not a hexadecimal digit");
            }
            for (int bit = 0; bit < 4; bit++) {
                if ((digit & (1 << bit)) != 0) {
                    mask.set(i * 4 + bit);
                }
            }
        }
        return mask;
    }

    private static IllegalArgumentException invalid(String key, String value, String why) {
        return new IllegalArgumentException(key + " = \"" + value + "\" is invalid: " + why
                + " (use a CPU list such as \"0-3,6\" or a mask such as \"0x4f\")");
    }

    /** @return {@code cpus} in list notation with ranges, such as {@code 0-3,6} */
    public static String format(BitSet cpus) {
        StringBuilder out = new StringBuilder();
        for (int from = cpus.nextSetBit(0); from >= 0;) {
            int to = cpus.nextClearBit(from) - 1;
            out.append(out.length() == 0 ? "" : ",").append(from);
            if (to > from) {
                out.append('-').append(to);
            }
            from = cpus.nextSetBit(to + 1);
        }
        return out.toString();
    }

    /**
     * @return the CPUs this process may run on: {@code Cpus_allowed_list} of {@code /proc/self/status}
     *         on Linux, otherwise CPUs {@code 0..availableProcessors-1}
     */
    public static BitSet allowedCpus() {
        return readAllowed(PROCESS_STATUS).orElseGet(() -> {
            BitSet all = new BitSet();
            all.set(0, Runtime.getRuntime().availableProcessors());
            return all;
        });
    }

    /** @return whether this platform exposes per-thread CPU affinity under {@code /proc} (Linux) */
    public static boolean procAvailable() {
        return Files.isReadable(PROCESS_STATUS);
    }

    /** @return the calling thread's allowed CPUs from {@code /proc/thread-self/status}, empty off Linux */
    public static Optional<BitSet> currentThreadAllowedCpus() {
        return readAllowed(THREAD_SELF.resolve("status"));
    }

    /** @return the calling thread's kernel thread id (from {@code /proc/thread-self}), or -1 off Linux */
    public static int currentThreadId() {
        try {
            return Integer.parseInt(Files.readSymbolicLink(THREAD_SELF).getFileName().toString());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** @return the {@code Cpus_allowed_list} of a {@code /proc} status file, empty when unreadable */
    static Optional<BitSet> readAllowed(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(ALLOWED_LIST)) {
                    BitSet cpus = new BitSet();
                    for (int cpu : parse(status.toString(), line.substring(ALLOWED_LIST.length()))) {
                        cpus.set(cpu);
                    }
                    return Optional.of(cpus);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or a kernel without the field: the caller falls back.
        }
        return Optional.empty();
    }
}
