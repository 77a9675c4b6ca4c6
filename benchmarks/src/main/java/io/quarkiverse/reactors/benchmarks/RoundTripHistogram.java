package io.quarkiverse.reactors.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The round trips one B2 fork timed during its measured iterations, in 10 ns buckets up to 10 ms (slower ones fall
 * into the last bucket). Each fork writes its p50 and p99 to a file in {@code -Dbench.b2.dir} when it ends, so
 * that {@link Bench} can show min, median and max over the forks. Written by the one timing thread only.
 */
final class RoundTripHistogram {

    private static final int BUCKET_NANOS = 10;
    private static final int BUCKETS = 1_000_000;

    private final long[] counts = new long[BUCKETS + 1];
    /** Whether the current JMH iteration is measured (warm-up round trips are not recorded). */
    boolean measuring;

    void record(long nanos) {
        if (measuring) {
            counts[(int) Math.min(BUCKETS, nanos / BUCKET_NANOS)]++;
        }
    }

    /** @return the {@code q} quantile of the recorded round trips, in microseconds (the bucket's upper edge) */
    double percentile(double q) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        long rank = (long) Math.ceil(total * q);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank && seen > 0) {
                return (i + 1) * BUCKET_NANOS / 1000.0;
            }
        }
        return Double.NaN;
    }

    /** Writes this fork's p50 and p99 as {@code <label>-<pid>.txt} into {@code -Dbench.b2.dir}, when it is set. */
    void writeForkFile(String label) {
        String dir = System.getProperty("bench.b2.dir");
        if (dir == null) {
            return;
        }
        try {
            Files.writeString(Path.of(dir, label + "-" + ProcessHandle.current().pid() + ".txt"),
                    String.format(Locale.ROOT, "%.4f %.4f%n", percentile(0.50), percentile(0.99)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
