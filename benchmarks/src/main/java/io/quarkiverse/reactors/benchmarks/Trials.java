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

    static Stats run(int warmups, int trials, DoubleSupplier trial) {
        for (int i = 0; i < warmups; i++) {
            trial.getAsDouble();
        }
        double[] values = new double[trials];
        double sum = 0;
        for (int i = 0; i < trials; i++) {
            values[i] = trial.getAsDouble();
            sum += values[i];
        }
        double mean = sum / trials;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new Stats(mean, trials > 1 ? Math.sqrt(squares / (trials - 1)) : 0);
    }
}
