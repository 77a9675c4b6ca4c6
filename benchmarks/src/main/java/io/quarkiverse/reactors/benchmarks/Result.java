package io.quarkiverse.reactors.benchmarks;

import java.util.Locale;

/**
 * One line of the report: our figure and the baseline's, measured in the same run.
 *
 * @param id the benchmark (B1..B7)
 * @param name what was measured
 * @param unit the unit of both figures
 * @param higherIsBetter whether a larger figure is better (throughput) or worse (latency, cost)
 * @param ours our mean
 * @param oursError half-width of our figure's spread (JMH's 99.9% error, or the standard deviation of trials)
 * @param baselineName what the baseline is
 * @param baseline the baseline's mean
 * @param baselineError the baseline's spread
 */
record Result(String id, String name, String unit, boolean higherIsBetter, double ours, double oursError,
        String baselineName, double baseline, double baselineError) {

    /** @return how many times better ours is: above 1 means ours wins, whichever way the unit points */
    double advantage() {
        return higherIsBetter ? ours / baseline : baseline / ours;
    }

    String toJson() {
        return String.format(Locale.ROOT,
                "{\"id\":\"%s\",\"name\":\"%s\",\"unit\":\"%s\",\"higherIsBetter\":%s,\"ours\":%.4f,\"oursError\":%.4f,"
                        + "\"baselineName\":\"%s\",\"baseline\":%.4f,\"baselineError\":%.4f,\"advantage\":%.3f}",
                id, name, unit, higherIsBetter, ours, oursError, baselineName, baseline, baselineError, advantage());
    }
}
