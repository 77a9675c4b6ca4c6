package io.quarkiverse.reactors;

/**
 * A snapshot of one poller's counters, taken by {@link PollerHandle#stats()}. Immutable. Written by the
 * reactor at every call and read without stopping it, so the fields may be one call apart.
 *
 * @param name the poller's name
 * @param reactor the id of the reactor it runs on
 * @param periodNanos its period in nanoseconds; 0 for every iteration
 * @param paused whether it is paused now
 * @param runs how many times it was called
 * @param busyRuns how many of those calls reported work (a result above zero)
 * @param failures how many of those calls threw
 * @param totalNanos time spent in it, in nanoseconds. Periodic pollers are timed on every call; every-iteration
 *        pollers on one pass in 64, each timed call counting for the 64 (reading the clock costs as much
 *        as a cheap poller), so for them this is an estimate
 * @param maxNanos the longest single call timed, in nanoseconds
 */
public record PollerStats(
        String name,
        int reactor,
        long periodNanos,
        boolean paused,
        long runs,
        long busyRuns,
        long failures,
        long totalNanos,
        long maxNanos) {
}
