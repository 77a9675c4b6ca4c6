package io.quarkiverse.reactors.runtime.internal.placement;

import java.util.BitSet;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * Where one reactor ended up: its event loop, thread and CPU, as logged at startup.
 *
 * @param id the reactor id
 * @param loop the Netty event-loop class (NioEventLoop, EpollEventLoop, IOUringEventLoop, ...)
 * @param thread the event-loop thread's name
 * @param tid the kernel thread id, -1 where {@code /proc} does not tell it
 * @param cpu the CPU assigned to the reactor
 * @param pinned whether the thread is pinned to {@code cpu} (checked in {@code /proc/thread-self/status})
 */
public record ReactorPlacement(int id, String loop, String thread, int tid, int cpu, boolean pinned) {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.reactors");

    /**
     * Runs on the reactor's own thread: pins it to {@code cpu} when {@code pinner} is given, then reads
     * back the thread's allowed CPUs. A failed or ineffective pin is a warning: the reactor runs unpinned.
     */
    public static ReactorPlacement bindCurrentThread(int id, String loop, int cpu, Placement.CpuPinner pinner) {
        boolean pinned = false;
        if (pinner != null) {
            try {
                pinner.pinCurrentThread(cpu);
                Optional<BitSet> allowed = CpuList.currentThreadAllowedCpus();
                BitSet expected = new BitSet();
                expected.set(cpu);
                pinned = allowed.isEmpty() || allowed.get().equals(expected);
                if (!pinned) {
                    LOG.warnf("Pinning reactor %d to CPU %d had no effect: the thread may still run on CPUs %s", id, cpu,
                            CpuList.format(allowed.get()));
                }
            } catch (RuntimeException | LinkageError e) {
                // A missing JNA, a sandbox refusing sched_setaffinity: pinning is an optimisation, not a need.
                LOG.warnf("Could not pin reactor %d to CPU %d, it runs unpinned: %s", id, cpu, e);
            }
        }
        return new ReactorPlacement(id, loop, Thread.currentThread().getName(), CpuList.currentThreadId(), cpu, pinned);
    }

    @Override
    public String toString() {
        return "reactor " + id + " -> " + loop + " -> " + thread + (tid < 0 ? "" : " (tid " + tid + ")") + " -> CPU "
                + cpu + (pinned ? " (pinned)" : " (not pinned)");
    }
}
