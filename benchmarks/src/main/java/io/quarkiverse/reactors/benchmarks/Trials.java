package io.quarkiverse.reactors.benchmarks;

import java.util.function.DoubleSupplier;

/**
 * Repeats a measurement: warm-up trials first (discarded, for the JIT), then measured trials, and reports
 * their mean and standard deviation.
 */
final class Trials {

    record Stats(double mean, double stddev) {
    }

    private Trials() {
    }

    /** Two measurements compared with each other, from {@link #paired}: each one's stats, measured turn about. */
    record Pair(Stats first, Stats second) {
    }

    static Stats run(int warmups, int trials, DoubleSupplier trial) {
        for (int i = 0; i < warmups; i++) {
            trial.getAsDouble();
        }
        double[] values = new double[trials];
        for (int i = 0; i < trials; i++) {
            values[i] = trial.getAsDouble();
        }
        return stats(values);
    }

    /**
     * Two measurements that are compared with each other, taken turn about (first, second, first, ...) rather than
     * all of one and then all of the other: on a shared machine the speed drifts over tens of seconds, and a drift
     * between two blocks of trials would show as a difference between the measurements.
     */
    static Pair paired(int warmups, int trials, DoubleSupplier first, DoubleSupplier second) {
        for (int i = 0; i < warmups; i++) {
            first.getAsDouble();
            second.getAsDouble();
        }
        double[] a = new double[trials];
        double[] b = new double[trials];
        for (int i = 0; i < trials; i++) {
            a[i] = first.getAsDouble();
            b[i] = second.getAsDouble();
        }
        return new Pair(stats(a), stats(b));
    }

    private static Stats stats(double[] values) {
        int trials = values.length;
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / trials;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new Stats(mean, trials > 1 ? Math.sqrt(squares / (trials - 1)) : 0);
    }
}
