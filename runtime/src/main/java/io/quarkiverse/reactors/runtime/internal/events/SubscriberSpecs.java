package io.quarkiverse.reactors.runtime.internal.events;

import java.time.Duration;
import java.util.BitSet;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import io.quarkiverse.reactors.runtime.internal.placement.RangeList;
import io.quarkiverse.reactors.runtime.internal.timers.ReactorTimers;
import io.quarkus.runtime.configuration.DurationConverter;

/**
 * Parses the values of {@code @Poller(every, cores)}: once at build time to report bad values early,
 * and again at startup, after config expressions are resolved. One parser for both, so they agree.
 */
public final class SubscriberSpecs {

    /** {@code every} value meaning "do not register this poller". */
    public static final long DISABLED = -1;

    private SubscriberSpecs() {
    }

    /** @return whether {@code value} holds a config expression, which only startup can resolve */
    public static boolean isExpression(String value) {
        return value.contains("${");
    }

    /**
     * @return the period in nanoseconds: 0 for every iteration, {@link #DISABLED} for off/disabled
     * @throws IllegalArgumentException naming the value when it is not a duration, or negative
     */
    public static long parseEvery(String value) {
        String v = value.trim();
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.equals("off") || lower.equals("disabled")) {
            return DISABLED;
        }
        if (v.equals("0")) {
            return 0;
        }
        Duration duration = durationOrNull(v);
        if (duration == null) {
            throw new IllegalArgumentException("every = \"" + value + "\" is not a duration: use \"0\" (every iteration),"
                    + " a duration such as \"10ms\", \"1s\" or \"PT0.5S\", \"off\", or a ${config.expression}");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("every = \"" + value + "\" is negative: use \"off\" to disable the poller");
        }
        return ReactorTimers.toNanos(duration);
    }

    /**
     * @return the initial delay of {@code @Poller(delayed)} in nanoseconds, 0 when empty
     * @throws IllegalArgumentException naming the value when it is not a duration, or negative
     */
    public static long parseDelayed(String value) {
        String v = value.trim();
        if (v.isEmpty()) {
            return 0;
        }
        Duration duration = durationOrNull(v);
        if (duration == null) {
            throw new IllegalArgumentException("delayed = \"" + value + "\" is not a duration: use a duration such as"
                    + " \"5s\", \"100ms\" or \"PT0.5S\", a ${config.expression}, or leave it empty to start at once");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("delayed = \"" + value + "\" is negative: use a positive delay, or leave"
                    + " it empty to start at once");
        }
        return ReactorTimers.toNanos(duration);
    }

    /** @return the duration {@code value} names in Quarkus' duration syntax, or null when it names none */
    private static Duration durationOrNull(String value) {
        try {
            return DurationConverter.parseDuration(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * @param count the number of reactors, or -1 at build time (syntax only)
     * @return the selected reactor ids
     * @throws IllegalArgumentException naming the value when it is malformed or out of range
     */
    public static BitSet parseCores(String value, int count) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        BitSet cores = new BitSet();
        if (v.equals("all")) {
            if (count > 0) {
                cores.set(0, count);
            }
            return cores;
        }
        if (v.equals("main")) {
            cores.set(0);
            return cores;
        }
        if (v.isEmpty()) {
            throw badCores(value, "it is empty");
        }
        RangeList.forEach(v.split(","), "a reactor id or a range like 2-3", why -> badCores(value, why), (from, to) -> {
            if (count >= 0 && to >= count) {
                throw badCores(value, "reactor " + to + " does not exist: reactor ids are 0.." + (count - 1));
            }
            cores.set(from, to + 1);
        });
        return cores;
    }

    private static IllegalArgumentException badCores(String value, String why) {
        return new IllegalArgumentException("cores = \"" + value + "\" is invalid: " + why
                + " (use \"all\", \"main\", or a list such as \"0,2-3\")");
    }

    /**
     * Resolves {@code ${key}} and {@code ${key:default}} expressions in {@code value}.
     *
     * @throws IllegalArgumentException naming the key when it has no value and no default
     */
    public static String resolve(String value, Function<String, Optional<String>> config) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int start = value.indexOf("${", at);
            if (start < 0) {
                out.append(value, at, value.length());
                return out.toString();
            }
            int end = value.indexOf('}', start);
            if (end < 0) {
                throw new IllegalArgumentException("Unclosed config expression in \"" + value + "\"");
            }
            out.append(value, at, start);
            String expression = value.substring(start + 2, end);
            int colon = expression.indexOf(':');
            String key = colon < 0 ? expression : expression.substring(0, colon);
            Optional<String> resolved = config.apply(key.trim());
            if (resolved.isPresent()) {
                out.append(resolved.get());
            } else if (colon >= 0) {
                out.append(expression.substring(colon + 1));
            } else {
                throw new IllegalArgumentException("Config property " + key + " used in \"" + value
                        + "\" has no value: set it, or give a default as ${" + key + ":10ms}");
            }
            at = end + 1;
        }
    }
}
