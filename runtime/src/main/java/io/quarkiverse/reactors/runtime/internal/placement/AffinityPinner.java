package io.quarkiverse.reactors.runtime.internal.placement;

import net.openhft.affinity.Affinity;

/**
 * Pins threads with OpenHFT's Java Thread Affinity ({@code net.openhft:affinity}, an optional dependency).
 * Only instantiated when that library is on the class path, so nothing else loads its classes.
 */
final class AffinityPinner implements Placement.CpuPinner {

    @Override
    public void pinCurrentThread(int cpu) {
        // sched_setaffinity on the calling thread (through JNA on Linux).
        Affinity.setAffinity(cpu);
    }
}
