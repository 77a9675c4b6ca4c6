package io.quarkiverse.reactors.runtime.internal.placement;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether reactor threads can be pinned here ({@code quarkus.reactors.pin-threads}), and the pinner when
 * they can. Pinning needs Linux and {@code net.openhft:affinity}; without either the reactors run unpinned
 * after a warning, since pinning improves latency but is never needed for correctness.
 */
public final class ThreadPinning {

    /** The class whose presence on the class path means {@code net.openhft:affinity} is there. */
    public static final String AFFINITY_CLASS = "net.openhft.affinity.Affinity";

    private ThreadPinning() {
    }

    /**
     * @param osName the {@code os.name} system property
     * @param affinityPresent whether {@link #AFFINITY_CLASS} is on the class path
     * @return why threads cannot be pinned, empty when they can
     */
    public static Optional<String> unavailableReason(String osName, boolean affinityPresent) {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return Optional.of("thread pinning is supported on Linux only, and this is " + osName);
        }
        if (!affinityPresent) {
            return Optional.of("thread pinning needs the net.openhft:affinity library, which is not on the class path"
                    + " (add the dependency net.openhft:affinity to the application)");
        }
        return Optional.empty();
    }

    /** @return the pinner; call only when {@link #unavailableReason} is empty */
    public static Placement.CpuPinner pinner() {
        return new AffinityPinner();
    }
}
