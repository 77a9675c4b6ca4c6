package io.quarkiverse.reactors.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders results: a text table for the console and the docs, and an SVG bar chart of the ratios. */
final class Report {

    private Report() {
    }

    static String table(Machine machine, List<Result> results) {
        StringBuilder out = new StringBuilder();
        out.append(machine.describe()).append('\n');
        out.append(String.format(Locale.ROOT, "| %-3s | %-44s | %-34s | %-32s | %-34s | %-7s |%n", "id", "benchmark", "ours",
                "baseline", "baseline figure", "ours is"));
        out.append("|-----|----------------------------------------------|------------------------------------|")
                .append("----------------------------------|------------------------------------|---------|\n");
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "| %-3s | %-44s | %-34s | %-32s | %-34s | %-7s |%n", r.id(), r.name(),
                    figure(r.ours(), r.oursError(), r.oursForks(), r.unit()), r.baselineName(),
                    figure(r.baseline(), r.baselineError(), r.baselineForks(), r.unit()),
                    String.format(Locale.ROOT, "%.2fx", r.advantage())));
        }
        out.append("\"ours is\": how many times better ours is than the baseline (above 1: ours wins), ")
                .append("for throughput the ratio of rates, for latencies and costs the inverse ratio. ")
                .append("JMH figures: median of forks (min–max); others: mean ± standard deviation of trials.\n");
        return out.toString();
    }

    /** The same table in AsciiDoc, for the docs' performance page. */
    static String asciidoc(Machine machine, List<Result> results) {
        StringBuilder out = new StringBuilder();
        out.append(machine.describe()).append(".\n\n");
        out.append("[cols=\"1,6,4,4,4,2\",options=\"header\"]\n|===\n");
        out.append("|id |benchmark |ours |baseline |baseline figure |ours is\n");
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "|%s |%s |%s |%s |%s |%.2fx%n", r.id(), r.name(),
                    figure(r.ours(), r.oursError(), r.oursForks(), r.unit()), r.baselineName(),
                    figure(r.baseline(), r.baselineError(), r.baselineForks(), r.unit()), r.advantage()));
        }
        out.append("|===\n");
        return out.toString();
    }

    /**
     * A figure with its spread: "median (min–max)" over JMH forks where forks are given, else "mean ± standard
     * deviation" of trials.
     */
    private static String figure(double value, double error, double[] forks, String unit) {
        if (forks.length > 1) {
            return number(value) + " (" + number(forks[0]) + "–" + number(forks[forks.length - 1]) + ") " + unit;
        }
        String e = error == 0 ? "" : " ± " + number(error);
        return number(value) + e + " " + unit;
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** A horizontal bar per result: the advantage on a log scale, 1x marked. */
    static String svg(List<Result> results) {
        int rowHeight = 22;
        int labelWidth = 520;
        int barWidth = 420;
        int height = 60 + rowHeight * results.size();
        double maxLog = Math.log10(100);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                labelWidth + barWidth + 80, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT,
                "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">Quarkus Reactors vs baselines: how many times better"
                        + " (log scale, 1x = same)</text>%n"));
        double zero = labelWidth + barWidth / 2.0;
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            int y = 40 + i * rowHeight;
            double log = Math.max(-maxLog, Math.min(maxLog, Math.log10(r.advantage())));
            double length = Math.abs(log) / maxLog * (barWidth / 2.0);
            double x = log >= 0 ? zero : zero - length;
            String color = log >= 0 ? "#2e7d32" : "#c62828";
            svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s %s vs %s</text>%n", y + 14, r.id(),
                    escape(r.name()), escape(r.baselineName())));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>%n", x,
                    y + 2, Math.max(1, length), color));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%.2fx</text>%n",
                    log >= 0 ? zero + length + 4 : zero + 4, y + 14, r.advantage()));
        }
        svg.append(
                String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"30\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>%n", zero, zero,
                        height - 10));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*\\}");

    /** Reads results written by {@link Result#toJson()} (or by the load script in the same shape). */
    static List<Result> readJson(String json) {
        List<Result> results = new ArrayList<>();
        Matcher m = OBJECT.matcher(json);
        while (m.find()) {
            String o = m.group();
            results.add(new Result(str(o, "id"), str(o, "name"), str(o, "unit"), Boolean.parseBoolean(raw(o, "higherIsBetter")),
                    num(o, "ours"), num(o, "oursError"), str(o, "baselineName"), num(o, "baseline"), num(o, "baselineError")));
        }
        return results;
    }

    private static String raw(String object, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\"[^\"]*\"|[^,}]+)").matcher(object);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + field + " in " + object);
        }
        return m.group(1).trim();
    }

    private static String str(String object, String field) {
        String value = raw(object, field);
        return value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    private static double num(String object, String field) {
        return Double.parseDouble(raw(object, field));
    }
}
