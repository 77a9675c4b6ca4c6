package io.quarkiverse.reactors.scenario;

import java.util.HashMap;
import java.util.Map;

import io.quarkiverse.reactors.PerCore;

/**
 * Per-reactor state of the partitions it owns: the last sequence number applied per key. Plain maps, no lock:
 * only the owning reactor touches its instance.
 */
@PerCore
public class PartitionState {

    private final Map<String, Integer> lastSequence = new HashMap<>();

    /** @return {@code null}, or the problem: a sequence applied again or out of order on this reactor */
    String apply(String key, int sequence) {
        Integer previous = lastSequence.put(key, sequence);
        return previous != null && previous >= sequence ? "replay " + key + ":" + sequence + " after " + previous : null;
    }
}
