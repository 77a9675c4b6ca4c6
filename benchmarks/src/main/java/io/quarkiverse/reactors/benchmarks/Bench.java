package io.quarkiverse.reactors.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import io.quarkiverse.reactors.IdleStrategy;

/**
 * Runs every benchmark beside its baseline and prints one table; writes the raw results as JSON and a
 * chart as SVG. {@code -Dbench.quick=true} shortens everything (a smoke run, not for figures).
 * <p>
 * Usage: {@code Bench <results.json> <chart.svg> [external.json[,more.json]] [table.adoc]}: the third argument names
 * the results measured outside this JVM (wrk, redis-benchmark, the Kafka B10 application), comma-separated; a file
 * that does not exist is skipped.
 */
public final class Bench {

    private static final boolean QUICK = Boolean.getBoolean("bench.quick");
    private static final long WINDOW = QUICK ? 200 : 1000;
    private static final int WARMUPS = QUICK ? 1 : 2;
    private static final int TRIALS = QUICK ? 2 : 5;

    public static void main(String[] args) throws Exception {
        Path json = Path.of(args.length > 0 ? args[0] : "benchmarks/results/results.json");
        Path svg = Path.of(args.length > 1 ? args[1] : "benchmarks/results/benchmarks.svg");
        List<Result> results = new ArrayList<>();
        String loadBefore = Machine.loadAverage();
        String only = System.getProperty("bench.only", "");

        if (only.isEmpty() || only.contains("B1")) {
            results.addAll(b1());
        }
        if (only.isEmpty() || only.contains("B2")) {
            results.addAll(b2());
        }
        if (only.isEmpty() || only.contains("B3")) {
            results.addAll(b3());
        }
        if (only.isEmpty() || only.contains("B4")) {
            results.addAll(b4());
        }
        if (only.isEmpty() || only.contains("B5")) {
            results.addAll(b5());
        }
        if (only.isEmpty() || only.contains("B7")) {
            results.addAll(b7());
        }
        if (only.isEmpty() || only.contains("B8")) {
            results.addAll(b8());
        }
        for (String external : args.length > 2 ? args[2].split(",") : new String[0]) {
            if (!external.isBlank() && Files.exists(Path.of(external))) {
                results.addAll(Report.readJson(Files.readString(Path.of(external))));
            }
        }
        Machine machine = new Machine(Machine.lscpuModel(), Runtime.getRuntime().availableProcessors(), loadBefore,
                Machine.loadAverage());
        Files.createDirectories(json.toAbsolutePath().getParent());
        Files.writeString(json, "{\n\"machine\":" + machine.toJson() + ",\n\"results\":[\n"
                + results.stream().map(Result::toJson).collect(Collectors.joining(",\n")) + "\n]}\n");
        Files.createDirectories(svg.toAbsolutePath().getParent());
        Files.writeString(svg, Report.svg(results));
        if (args.length > 3) {
            Files.writeString(Path.of(args[3]), Report.asciidoc(machine, results));
        }
        System.out.println();
        System.out.println(Report.table(machine, results));
        System.out.println("Results: " + json + ", chart: " + svg);
    }

    /** JMH forks per benchmark for B1 and B2: the table shows min, median and max over them. */
    private static final int FORKS = Integer.getInteger("bench.forks", QUICK ? 1 : 3);

    private static ChainedOptionsBuilder jmh() {
        return new OptionsBuilder()
                .forks(FORKS)
                .jvmArgsAppend("--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
                .warmupIterations(QUICK ? 1 : 3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(QUICK ? 2 : 5).measurementTime(TimeValue.seconds(1));
    }

    /** @return each fork's score (its mean over the measured iterations), scaled by {@code scale} */
    private static double[] forkScores(RunResult run, double scale) {
        return run.getBenchmarkResults().stream().mapToDouble(r -> r.getPrimaryResult().getScore() * scale).toArray();
    }

    /**
     * B1 through JMH in {@link #FORKS} forks: reactor 0 to reactor 1 beside {@code runOnContext}, the local event
     * bus, and the bare lane (the lane type alone between two threads: the hardware reference).
     */
    private static List<Result> b1() throws Exception {
        Options options = jmh()
                .include(CrossCoreThroughput.class.getName())
                .include(BareLane.class.getName())
                .build();
        Collection<RunResult> runs = new Runner(options).run();
        double[] ours = null;
        double[] runOnContext = null;
        double[] eventBus = null;
        double[] bare = null;
        for (RunResult run : runs) {
            String method = run.getParams().getBenchmark();
            double[] scores = forkScores(run, 1e-6);
            if (method.endsWith("reactorSend")) {
                ours = scores;
            } else if (method.endsWith("vertxRunOnContext")) {
                runOnContext = scores;
            } else if (method.endsWith("vertxEventBus")) {
                eventBus = scores;
            } else if (method.endsWith("BareLane.lane")) {
                bare = scores;
            }
        }
        String name = "cross-core events, reactor 0 to 1";
        return List.of(
                Result.ofForks("B1", name, "M events/s", true, ours, "Context.runOnContext", runOnContext),
                Result.ofForks("B1", name, "M events/s", true, ours, "local event bus", eventBus),
                Result.ofForks("B1", name, "M events/s", true, ours, "bare lane, thread to busy thread", bare));
    }

    /**
     * B2 through JMH in {@link #FORKS} forks: each fork writes its p50 and p99 to a file (see
     * {@link RoundTripLatency}); the baseline runs once, without reactors; the hardware references
     * ({@link BareRoundTrip}) once, without reactors or Vert.x.
     */
    private static List<Result> b2() throws Exception {
        Path dir = Files.createTempDirectory("bench-b2");
        String property = "-Dbench.b2.dir=" + dir;
        new Runner(jmh().include(RoundTripLatency.class.getName() + ".reactorCall").jvmArgsAppend(property).build()).run();
        new Runner(jmh().include(RoundTripLatency.class.getName() + ".vertxRunOnContext").param("idle", "PARK")
                .jvmArgsAppend(property).build()).run();
        new Runner(jmh().include(BareRoundTrip.class.getName()).jvmArgsAppend(property).build()).run();
        double[][] baseline = forkPercentiles(dir, "vertxRunOnContext-PARK");
        double[][] bareLane = forkPercentiles(dir, "bare-lane");
        double[][] oneLine = forkPercentiles(dir, "bare-slotSignalled");
        List<Result> results = new ArrayList<>();
        for (IdleStrategy idle : List.of(IdleStrategy.PARK, IdleStrategy.SPIN)) {
            double[][] ours = forkPercentiles(dir, "reactorCall-" + idle.name());
            String mode = idle.name().toLowerCase(Locale.ROOT);
            results.add(Result.ofForks("B2", "round trip p50, " + mode, "us", false, ours[0], "runOnContext ping-pong",
                    baseline[0]));
            results.add(Result.ofForks("B2", "round trip p99, " + mode, "us", false, ours[1], "runOnContext ping-pong",
                    baseline[1]));
            if (idle == IdleStrategy.SPIN) {
                // the hardware references: what the round trip would cost if the loops around the queues cost nothing
                results.add(Result.ofForks("B2", "round trip p50, " + mode, "us", false, ours[0],
                        "bare lane, spinning threads", bareLane[0]));
                results.add(Result.ofForks("B2", "round trip p50, " + mode, "us", false, ours[0],
                        "one-line hand-off (JCTools)", oneLine[0]));
            }
        }
        return results;
    }

    /** @return the p50s and the p99s of the forks whose files start with {@code label} */
    private static double[][] forkPercentiles(Path dir, String label) throws java.io.IOException {
        List<double[]> forks = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(label + "-")).toList()) {
                String[] parts = Files.readString(file).trim().split(" ");
                forks.add(new double[] { Double.parseDouble(parts[0]), Double.parseDouble(parts[1]) });
            }
        }
        if (forks.isEmpty()) {
            throw new IllegalStateException("No B2 fork wrote percentiles for " + label + " in " + dir);
        }
        return new double[][] { forks.stream().mapToDouble(f -> f[0]).toArray(),
                forks.stream().mapToDouble(f -> f[1]).toArray() };
    }

    private static List<Result> b8() throws java.io.IOException {
        List<Result> results = new ArrayList<>();
        int warmup = QUICK ? 2_000 : 20_000;
        int count = QUICK ? 10_000 : 100_000;
        RoundTrip.Percentiles baseline = WatchLatency.selectorThread(warmup, count);
        for (boolean epoll : new boolean[] { false, true }) {
            RoundTrip.Percentiles ours = WatchLatency.reactor(epoll, warmup, count);
            String route = epoll ? "epoll, watch selector thread" : "NIO, loop selector";
            results.add(new Result("B8", "watch ping-pong p50, " + route, "us", false, ours.p50Micros(), 0,
                    "JDK Selector thread", baseline.p50Micros(), 0));
            results.add(new Result("B8", "watch ping-pong p99, " + route, "us", false, ours.p99Micros(), 0,
                    "JDK Selector thread", baseline.p99Micros(), 0));
        }
        return results;
    }

    private static List<Result> b3() {
        List<Result> results = new ArrayList<>();
        for (int pollers : new int[] { 1, 10, 1000 }) {
            Trials.Stats ours = Trials.run(WARMUPS, TRIALS, () -> PollerOverhead.reactorNanosPerCall(pollers, WINDOW));
            Trials.Stats agrona = Trials.run(WARMUPS, TRIALS, () -> PollerOverhead.agronaNanosPerCall(pollers, WINDOW));
            results.add(new Result("B3", "poller call, " + pollers + " pollers", "ns/call", false, ours.mean(), ours.stddev(),
                    "Agrona AgentRunner", agrona.mean(), agrona.stddev()));
        }
        return results;
    }

    private static List<Result> b4() {
        List<Result> results = new ArrayList<>();
        int pairs = QUICK ? 100_000 : 1_000_000;
        for (int live : new int[] { 1_000, 1_000_000 }) {
            Trials.Stats ours = Trials.run(WARMUPS, TRIALS, () -> TimerCost.reactorNanosPerPair(live, pairs));
            Trials.Stats vertx = Trials.run(WARMUPS, TRIALS, () -> TimerCost.vertxNanosPerPair(live, pairs));
            results.add(new Result("B4", "timer schedule+cancel, " + live + " live", "ns", false, ours.mean(),
                    ours.stddev(), "vertx.setTimer/cancelTimer", vertx.mean(), vertx.stddev()));
        }
        return results;
    }

    private static List<Result> b5() {
        List<Result> results = new ArrayList<>();
        for (boolean hot : new boolean[] { true, false }) {
            String keys = hot ? "16 hot keys" : "uniform keys";
            Trials.Stats ours = Trials.run(WARMUPS, TRIALS, () -> SharedNothing.reactorsPerSecond(hot, WINDOW) / 1e6);
            Trials.Stats chm = Trials.run(WARMUPS, TRIALS, () -> SharedNothing.concurrentHashMapPerSecond(hot, WINDOW) / 1e6);
            Trials.Stats locked = Trials.run(WARMUPS, TRIALS, () -> SharedNothing.lockedHashMapPerSecond(hot, WINDOW) / 1e6);
            results.add(new Result("B5", "increments, 2 cores, " + keys, "M ops/s", true, ours.mean(), ours.stddev(),
                    "ConcurrentHashMap.merge", chm.mean(), chm.stddev()));
            results.add(new Result("B5", "increments, 2 cores, " + keys, "M ops/s", true, ours.mean(), ours.stddev(),
                    "locked HashMap", locked.mean(), locked.stddev()));
            if (!hot) {
                // the reference: each core's own map, no hops; level with ours means the maps, not the hops, limit it
                Trials.Stats local = Trials.run(WARMUPS, TRIALS,
                        () -> SharedNothing.reactorsPerSecond(false, false, WINDOW) / 1e6);
                results.add(new Result("B5", "increments, 2 cores, " + keys + ", no hops", "M ops/s", true, local.mean(),
                        local.stddev(), "ConcurrentHashMap.merge", chm.mean(), chm.stddev()));
            }
        }
        return results;
    }

    private static List<Result> b7() {
        List<Result> results = new ArrayList<>();
        int cores = Integer.getInteger("bench.cores", Runtime.getRuntime().availableProcessors());
        // -Dbench.b7.depths=4 picks depths; Q=1 is the latency-bound end, Q=1024 the throughput-bound one
        int[] depths = java.util.Arrays.stream(System.getProperty("bench.b7.depths", "1,4,1024").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        for (int depth : depths) {
            Trials.Stats baseline = Trials.run(WARMUPS, TRIALS,
                    () -> EventRing.runOnContextPerSecondPerCore(cores, depth, WINDOW) / 1e6);
            // park and spin turn about, so that the machine's drift does not decide which of the two looks faster
            Trials.Pair parkThenSpin = Trials.paired(WARMUPS, TRIALS,
                    () -> EventRing.reactorsPerSecondPerCore(cores, IdleStrategy.PARK, depth, WINDOW) / 1e6,
                    () -> EventRing.reactorsPerSecondPerCore(cores, IdleStrategy.SPIN, depth, WINDOW) / 1e6);
            String ring = "ring, " + cores + " reactors, Q=" + depth + ", ";
            results.add(b7Result(ring + "park", parkThenSpin.first(), "runOnContext ring", baseline));
            results.add(b7Result(ring + "spin", parkThenSpin.second(), "runOnContext ring", baseline));
            results.add(b7Result(ring + "spin against park", parkThenSpin.second(), "park", parkThenSpin.first()));
        }
        return results;
    }

    private static Result b7Result(String name, Trials.Stats ours, String baselineName, Trials.Stats baseline) {
        return new Result("B7", name, "M events/s per reactor", true, ours.mean(), ours.stddev(), baselineName,
                baseline.mean(), baseline.stddev());
    }
}
