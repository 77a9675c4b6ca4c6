package io.quarkiverse.reactors.runtime.internal.placement;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which CPU each reactor runs on: reactor {@code i} on {@code cpus[i]}, and whether its thread is pinned
 * there.
 * <p>
 * The rules, from {@code quarkus.reactors.cores}, {@code main-core} and {@code count}:
 * <ul>
 * <li>{@code cores} given: one reactor per listed CPU, in list order, except that the main core (the
 * first listed unless {@code main-core} names another listed CPU) moves to the front: reactor 0 runs on
 * the main core. Every CPU must be in the process's allowed set; {@code count}, when also given, must
 * equal the number of listed CPUs.</li>
 * <li>{@code cores} not given: {@code count} reactors (default: available processors) over the allowed
 * CPUs in ascending order, main core first, wrapping around when there are more reactors than CPUs.</li>
 * </ul>
 *
 * @param cpus the CPU of each reactor, by reactor id
 * @param pinner pins a reactor thread to its CPU; null when threads are not pinned
 */
public record Placement(int[] cpus, CpuPinner pinner) {

    static final String CORES = "quarkus.reactors.cores";
    static final String MAIN_CORE = "quarkus.reactors.main-core";
    static final String COUNT = "quarkus.reactors.count";

    /** Pins the calling thread to one CPU. */
    @FunctionalInterface
    public interface CpuPinner {
        void pinCurrentThread(int cpu);
    }

    /**
     * @param allowed the CPUs this process may run on
     * @param availableProcessors the default reactor count when neither {@code cores} nor {@code count} is given
     * @throws IllegalArgumentException naming the setting and the offending value
     */
    public static Placement resolve(Optional<String> cores, OptionalInt mainCore, OptionalInt count, BitSet allowed,
            int availableProcessors) {
        int[] listed;
        if (cores.isPresent()) {
            listed = CpuList.parse(CORES, cores.get());
            for (int cpu : listed) {
                if (!allowed.get(cpu)) {
                    throw new IllegalArgumentException(CORES + " = \"" + cores.get() + "\" names CPU " + cpu
                            + ", which this process may not run on: its allowed CPUs are " + CpuList.format(allowed)
                            + " (Cpus_allowed_list in /proc/self/status)");
                }
            }
            if (count.isPresent() && count.getAsInt() != listed.length) {
                throw new IllegalArgumentException(COUNT + "=" + count.getAsInt() + " disagrees with " + CORES + " = \""
                        + cores.get() + "\", which lists " + listed.length + " CPUs: one reactor runs per listed CPU,"
                        + " so remove " + COUNT + " or make the two agree");
            }
        } else {
            listed = allowed.stream().toArray();
        }
        if (mainCore.isPresent()) {
            int main = mainCore.getAsInt();
            int at = indexOf(listed, main);
            if (at < 0) {
                throw new IllegalArgumentException(MAIN_CORE + "=" + main + " is not "
                        + (cores.isPresent() ? "among " + CORES + " = \"" + cores.get() + "\""
                                : "a CPU this process may run on (allowed: " + CpuList.format(allowed) + ")")
                        + ": the main core runs reactor 0 and must be one of the reactors' CPUs");
            }
            System.arraycopy(listed, 0, listed, 1, at);
            listed[0] = main;
        }
        if (cores.isPresent()) {
            return new Placement(listed, null);
        }
        int n = count.orElse(availableProcessors);
        if (n < 1) {
            throw new IllegalArgumentException(COUNT + " must be at least 1, was " + n);
        }
        int[] cpus = new int[n];
        for (int i = 0; i < n; i++) {
            cpus[i] = listed[i % listed.length];
        }
        return new Placement(cpus, null);
    }

    /** @return the same placement, pinning threads with {@code pinner} */
    public Placement pinnedWith(CpuPinner pinner) {
        return new Placement(cpus, pinner);
    }

    /** @return the number of reactors */
    public int count() {
        return cpus.length;
    }

    /** @return the CPU of reactor {@code id} */
    public int cpu(int id) {
        return cpus[id];
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Placement other && Arrays.equals(cpus, other.cpus) && pinner == other.pinner;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cpus);
    }

    @Override
    public String toString() {
        return "Placement" + Arrays.toString(cpus) + (pinner == null ? "" : " pinned");
    }
}
