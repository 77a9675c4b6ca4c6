package io.quarkiverse.reactors.runtime.internal.kafka;

import java.util.Arrays;

/**
 * Which reactor owns each partition of one {@code @Partitioned} channel: the partitions listed in
 * {@code quarkus.reactors.kafka.partition-map."channel"} go to the reactor named there, the others to
 * {@code partition mod count}. Immutable after {@link #parse}; any thread.
 */
final class PartitionMap {

    /** The highest partition a map may name: bounds the array below (Kafka topics have far fewer). */
    static final int MAX_PARTITION = 99_999;

    /** owner[p] for the listed partitions, -1 for the others. */
    private final int[] owners;
    private final int reactors;

    private PartitionMap(int[] owners, int reactors) {
        this.owners = owners;
        this.reactors = reactors;
    }

    /** Every partition to {@code partition mod reactors}. */
    static PartitionMap modulo(int reactors) {
        return new PartitionMap(new int[0], reactors);
    }

    /**
     * Parses {@code 0-3:0,4-7:1}: comma-separated {@code partitions:reactor} entries, where partitions is one
     * partition or an inclusive range.
     *
     * @param key the configuration key, named in every error
     * @throws IllegalArgumentException naming the key, the bad entry and what is expected
     */
    static PartitionMap parse(String key, String spec, int reactors) {
        int[] owners = new int[0];
        for (String raw : spec.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon < 0 || colon != entry.lastIndexOf(':')) {
                throw invalid(key, spec, "'" + entry + "' is not partitions:reactor (e.g. 0-3:0 or 5:1)");
            }
            String partitions = entry.substring(0, colon).trim();
            int dash = partitions.indexOf('-');
            int from = number(key, spec, entry, dash < 0 ? partitions : partitions.substring(0, dash));
            int to = dash < 0 ? from : number(key, spec, entry, partitions.substring(dash + 1));
            int reactor = number(key, spec, entry, entry.substring(colon + 1));
            if (to > MAX_PARTITION) {
                throw invalid(key, spec, "'" + entry + "' names partition " + to + "; partitions up to "
                        + MAX_PARTITION + " can be mapped");
            }
            if (from > to) {
                throw invalid(key, spec, "'" + entry + "' has a range from " + from + " down to " + to
                        + "; write the lower partition first");
            }
            if (reactor >= reactors) {
                throw invalid(key, spec, "'" + entry + "' names reactor " + reactor + ", but there are " + reactors
                        + " reactors (0-" + (reactors - 1) + ", quarkus.reactors.count)");
            }
            if (to >= owners.length) {
                int old = owners.length;
                owners = Arrays.copyOf(owners, to + 1);
                Arrays.fill(owners, old, owners.length, -1);
            }
            for (int p = from; p <= to; p++) {
                if (owners[p] != -1) {
                    throw invalid(key, spec, "partition " + p + " is given twice, to reactor " + owners[p]
                            + " and to reactor " + reactor + "; give each partition once");
                }
                owners[p] = reactor;
            }
        }
        return new PartitionMap(owners, reactors);
    }

    /** @return the reactor that owns {@code partition} */
    int ownerOf(int partition) {
        if (partition < owners.length && owners[partition] != -1) {
            return owners[partition];
        }
        return Math.floorMod(partition, reactors);
    }

    private static int number(String key, String spec, String entry, String text) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, spec, "'" + entry + "' has '" + text.trim() + "' where a partition or reactor number"
                + " (0 or more) is expected");
    }

    private static IllegalArgumentException invalid(String key, String spec, String problem) {
        return new IllegalArgumentException(key + "=" + spec + " is invalid: " + problem);
    }
}
