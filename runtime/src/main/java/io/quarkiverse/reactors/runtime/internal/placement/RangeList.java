package io.quarkiverse.reactors.runtime.internal.placement;

import java.util.function.Function;

/**
 * The items of a list such as {@code 0,2-3}: numbers and inclusive ranges, shared by the {@code cores} of
 * subscribers (reactor ids) and {@code quarkus.reactors.cores} (CPUs), so that both read lists alike.
 */
public final class RangeList {

    /** Receives one range, in list order. */
    public interface RangeConsumer {
        void accept(int from, int to);
    }

    private RangeList() {
    }

    /**
     * @param items the list's items, already split at commas
     * @param unit what an item names, for errors: "a CPU number or a range such as 2-3"
     * @param invalid makes the error for a reason
     */
    public static void forEach(String[] items, String unit, Function<String, IllegalArgumentException> invalid,
            RangeConsumer consumer) {
        for (String part : items) {
            String item = part.trim();
            int dash = item.indexOf('-');
            int from;
            int to;
            try {
                from = Integer.parseInt(dash < 0 ? item : item.substring(0, dash).trim());
                to = dash < 0 ? from : Integer.parseInt(item.substring(dash + 1).trim());
            } catch (NumberFormatException e) {
                throw invalid.apply("\"" + item + "\" is not " + unit);
            }
            if (from < 0 || to < from) {
                throw invalid.apply("\"" + item + "\" is not a valid range");
            }
            consumer.accept(from, to);
        }
    }
}
