package io.quarkiverse.reactors.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One line of the report: our figure and the baseline's, measured in the same run.
 *
 * @param id the benchmark (B1..B9)
 * @param name what was measured
 * @param unit the unit of both figures
 * @param higherIsBetter whether a larger figure is better (throughput) or worse (latency, cost)
 * @param ours our figure: the mean of trials, or the median over JMH forks where {@code oursForks} is given
 * @param oursError half-width of our figure's spread (the standard deviation of trials); 0 where forks are given
 * @param baselineName what the baseline is
 * @param baseline the baseline's figure, as {@code ours}
 * @param baselineError the baseline's spread, as {@code oursError}
 * @param oursForks our figure in each JMH fork, sorted (empty when not measured in forks)
 * @param baselineForks the baseline's figure in each JMH fork, sorted (empty when not measured in forks)
 */
record Result(String id, String name, String unit, boolean higherIsBetter, double ours, double oursError,
        String baselineName, double baseline, double baselineError, double[] oursForks, double[] baselineForks) {

    private static final double[] NO_FORKS = new double[0];

    /** A result of trials in one JVM: mean and standard deviation. */
    Result(String id, String name, String unit, boolean higherIsBetter, double ours, double oursError,
            String baselineName, double baseline, double baselineError) {
        this(id, name, unit, higherIsBetter, ours, oursError, baselineName, baseline, baselineError, NO_FORKS, NO_FORKS);
    }

    /** A result of JMH forks: each side's figure is its median fork, and the table shows min and max beside it. */
    static Result ofForks(String id, String name, String unit, boolean higherIsBetter, double[] ours, String baselineName,
            double[] baseline) {
        double[] o = ours.clone();
        double[] b = baseline.clone();
        Arrays.sort(o);
        Arrays.sort(b);
        return new Result(id, name, unit, higherIsBetter, median(o), 0, baselineName, median(b), 0, o, b);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** @return how many times better ours is: above 1 means ours wins, whichever way the unit points */
    double advantage() {
        return higherIsBetter ? ours / baseline : baseline / ours;
    }

    String toJson() {
        return String.format(Locale.ROOT,
                "{\"id\":\"%s\",\"name\":\"%s\",\"unit\":\"%s\",\"higherIsBetter\":%s,\"ours\":%.4f,\"oursError\":%.4f,"
                        + "\"baselineName\":\"%s\",\"baseline\":%.4f,\"baselineError\":%.4f,\"advantage\":%.3f,"
                        + "\"oursForks\":%s,\"baselineForks\":%s}",
                id, name, unit, higherIsBetter, ours, oursError, baselineName, baseline, baselineError, advantage(),
                json(oursForks), json(baselineForks));
    }

    private static String json(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.4f", v))
                .collect(Collectors.joining(",", "[", "]"));
    }
}
