package org.exitvoice.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.math3.distribution.TDistribution;
import org.exitvoice.model.DayReport;
import org.exitvoice.model.RunResult;
import org.exitvoice.model.Simulation;
import org.exitvoice.output.FolderKind;
import org.exitvoice.output.Manifest;
import org.exitvoice.output.RunFolder;
import org.exitvoice.scenario.Scenario;
import org.exitvoice.scenario.ScenarioException;
import org.exitvoice.scenario.ScenarioInput;
import org.exitvoice.scenario.ScenarioLoader;
import org.exitvoice.scenario.ScenarioValidator;
import org.jfree.chart.JFreeChart;

/**
 * Scenarios run with the same seeds (common random numbers: replication r of every scenario shares one seed), each
 * compared with the first, A, so that each metric's paired difference B - A is free of most of the run-to-run noise;
 * a 90 % t interval on the differences says whether the change matters. Self-contained output folder, written all at
 * once.
 */
public final class Comparison {

    /** The national series drawn for both scenarios (name, axis label, read from a day, cumulative?). */
    private record Series(String name, String title, String axis, ToLongFunction<DayReport> value, boolean cumulative) {
    }

    private static final List<Series> SERIES = List.of(
            new Series("emigrated", "Men emigrated", "Men abroad", d -> d.national().emigrated(), false),
            new Series("crossed", "Persons crossed, cumulative", "Persons", DayReport::crossed, true),
            new Series("mobilized", "Men mobilized", "Men", d -> d.national().mobilized(), false),
            new Series("hiding", "Men hiding", "Men", d -> d.national().hiding(), false),
            new Series("protesters", "Protesters per day", "Persons per day", d -> d.national().protesters(), false));

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    /**
     * One scenario compared: a short label, its loaded input (tables read once), and the {@code --set} overrides its
     * runs read it with (those given for all scenarios, then its own).
     */
    public record Side(String label, ScenarioInput input, List<String> sets) {
        public Side {
            sets = List.copyOf(sets);
        }
    }

    /** A metric's paired difference B - A over the replications where both runs gave a value; {@code b} is B's label. */
    public record Difference(String b, Metric metric, int n, double meanA, double meanB, double mean, double lo, double hi) {
    }

    /** What a comparison did. */
    public record Outcome(List<Difference> differences, int failed, double seconds) {
    }

    private final List<Side> sides;
    private final int replications;
    private final long seed;
    private final List<Metric> metrics;
    private final List<String> sets;
    private final ScenarioLoader.Overrides flags;

    /**
     * @param sides        the scenarios, the first (A) the one every other is compared with
     * @param replications runs of each scenario
     * @param seed         the base seed of the shared per-replication seeds
     * @param sets         {@code --set} overrides applied to all (for the report; each side holds its own)
     * @param flags        {@code --scale}/{@code --days} applied to all (the seed is replaced per replication)
     */
    public Comparison(List<Side> sides, int replications, long seed, List<Metric> metrics, List<String> sets,
                      ScenarioLoader.Overrides flags) {
        if (sides.size() < 2) {
            throw new IllegalArgumentException("a comparison needs two scenarios or more");
        }
        this.sides = List.copyOf(sides);
        this.replications = replications;
        this.seed = seed;
        this.metrics = List.copyOf(metrics);
        this.sets = List.copyOf(sets);
        this.flags = flags;
    }

    /**
     * Runs both scenarios {@code replications} times on {@code threads} threads and writes the folder {@code out}.
     *
     * @throws ScenarioException (the user's input) {@code out} holds something other than a comparison
     */
    public Outcome run(Path out, int threads, SweepProgress progress)
            throws IOException, InterruptedException, ScenarioException {
        RunFolder.requireReplaceable(out, FolderKind.COMPARE); // before the runs, not after them
        long t0 = System.nanoTime();
        int k = sides.size();
        int m = metrics.size();
        double[][][] values = new double[k][replications][m];
        long[][][][] series = new long[k][SERIES.size()][replications][];
        String[][] errors = new String[k][replications];
        long[] seeds = new long[replications];
        double[][] wall = new double[k][replications];
        List<List<LocalDate>> dates = new ArrayList<>();
        for (int side = 0; side < k; side++) {
            dates.add(new ArrayList<>());
        }
        for (int r = 0; r < replications; r++) {
            seeds[r] = RunSeed.of(seed, 0, r);
        }

        progress.start((long) k * replications, 0);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), job -> {
            Thread t = new Thread(job, "compare");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < Math.max(1, threads); w++) {
                workers.add(pool.submit(() -> {
                    for (int task = next.getAndIncrement(); task < k * replications; task = next.getAndIncrement()) {
                        int side = task % k, r = task / k;
                        long ts = System.nanoTime();
                        Arrays.fill(values[side][r], Double.NaN);
                        try {
                            ScenarioInput in = sides.get(side).input();
                            Scenario s = ScenarioLoader.read(in.file(), sides.get(side).sets(),
                                    new ScenarioLoader.Overrides(seeds[r], flags.scale(), flags.days()));
                            ScenarioValidator.validate(s, in.routes());
                            RunResult res = Simulation.run(s, in.regions(), in.routes(), 1, day -> { });
                            for (int j = 0; j < m; j++) {
                                values[side][r][j] = metrics.get(j).of(res);
                            }
                            for (int i = 0; i < SERIES.size(); i++) {
                                series[side][i][r] = seriesOf(res, SERIES.get(i));
                            }
                            synchronized (dates) {
                                if (dates.get(side).isEmpty()) {
                                    res.days().forEach(d -> dates.get(side).add(d.date()));
                                }
                            }
                        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                            errors[side][r] = Sweep.oneLine(e);
                        }
                        wall[side][r] = (System.nanoTime() - ts) / 1e9;
                        progress.step();
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                try {
                    w.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("compare worker failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
            progress.close();
        }

        List<Difference> diffs = new ArrayList<>();
        for (int side = 1; side < k; side++) {
            for (int j = 0; j < m; j++) {
                double[] va = new double[replications], vb = new double[replications];
                for (int r = 0; r < replications; r++) {
                    va[r] = values[0][r][j];
                    vb[r] = values[side][r][j];
                }
                diffs.add(difference(sides.get(side).label(), metrics.get(j), va, vb));
            }
        }
        int failed = 0;
        for (String[] side : errors) {
            for (String e : side) {
                failed += e == null ? 0 : 1;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Instant created = Instant.now();
        try (RunFolder folder = RunFolder.create(out, FolderKind.COMPARE)) {
            Path dir = folder.dir();
            writeRuns(dir.resolve("runs.csv"), seeds, values, wall, errors);
            writeDifferences(dir.resolve("differences.csv"), diffs);
            Map<String, String> svgs = new LinkedHashMap<>();
            for (Series s : SERIES) {
                JFreeChart c = chart(s, series, dates);
                ExperimentCharts.write(c, dir.resolve("charts"), s.name());
                svgs.put(s.name(), ExperimentCharts.svg(c, s.name()));
            }
            writeManifest(dir.resolve(RunFolder.MARK), seconds, created);
            DerivedFile.writeString(dir.resolve("report.html"),
                    ComparisonReport.html(this, diffs, svgs, failed, seconds, created));
            folder.commit();
        }
        return new Outcome(diffs, failed, seconds);
    }

    /** The paired difference B - A with a 90 % t interval; exactly 0 (and [0, 0]) when every pair is equal. */
    static Difference difference(String b, Metric metric, double[] va, double[] vb) {
        List<Double> d = new ArrayList<>();
        double sa = 0, sb = 0;
        for (int r = 0; r < va.length; r++) {
            if (Double.isFinite(va[r]) && Double.isFinite(vb[r])) {
                d.add(vb[r] - va[r]);
                sa += va[r];
                sb += vb[r];
            }
        }
        int n = d.size();
        if (n == 0) {
            return new Difference(b, metric, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = d.stream().mapToDouble(Double::doubleValue).sum() / n;
        if (n == 1) {
            return new Difference(b, metric, 1, sa, sb, mean, Double.NaN, Double.NaN);
        }
        double ss = 0;
        for (double x : d) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double half = sd == 0 ? 0 : new TDistribution(n - 1).inverseCumulativeProbability(0.95) * sd / Math.sqrt(n);
        return new Difference(b, metric, n, sa / n, sb / n, mean, mean - half, mean + half);
    }

    /** The scenarios, labels, files, seeds and sizes (for the report). */
    List<Side> sides() {
        return sides;
    }

    int replications() {
        return replications;
    }

    long seed() {
        return seed;
    }

    ScenarioLoader.Overrides flags() {
        return flags;
    }

    List<String> sets() {
        return sets;
    }

    /** The series names in the order the report shows them, with their titles. */
    static Map<String, String> seriesTitles() {
        Map<String, String> t = new LinkedHashMap<>();
        SERIES.forEach(s -> t.put(s.name(), s.title()));
        return t;
    }

    private static long[] seriesOf(RunResult r, Series s) {
        long[] v = new long[r.days().size()];
        long sum = 0;
        for (int d = 0; d < v.length; d++) {
            long x = s.value().applyAsLong(r.days().get(d));
            sum += x;
            v[d] = s.cumulative() ? sum : x;
        }
        return v;
    }

    private JFreeChart chart(Series s, long[][][][] series, List<List<LocalDate>> dates) {
        int k = SERIES.indexOf(s);
        List<double[][]> bands = new ArrayList<>();
        List<LocalDate> longest = dates.stream().max(java.util.Comparator.comparingInt(List::size)).orElseThrow();
        for (int side = 0; side < sides.size(); side++) {
            int days = longest.size();
            double[][] band = new double[3][days];
            for (double[] row : band) {
                Arrays.fill(row, Double.NaN);
            }
            for (int d = 0; d < dates.get(side).size(); d++) {
                double[] v = new double[replications];
                for (int r = 0; r < replications; r++) {
                    long[] run = series[side][k][r];
                    v[r] = run == null || d >= run.length ? Double.NaN : run[d];
                }
                SampleStats st = SampleStats.of(v);
                band[0][d] = st.mean();
                band[1][d] = st.q05();
                band[2][d] = st.q95();
            }
            bands.add(band);
        }
        return ExperimentCharts.overTime(s.title(), "Mean of " + replications + " runs each, the same seeds for "
                + (sides.size() == 2 ? "both" : "all") + "; bands: 5 % to 95 % of runs", s.axis(),
                sides.stream().map(Side::label).toList(), longest, bands);
    }

    private void writeRuns(Path file, long[] seeds, double[][][] values, double[][] wall, String[][] errors) throws IOException {
        DerivedFile.write(file, w -> {
            try (CSVPrinter p = new CSVPrinter(w, FORMAT)) {
                List<String> h = new ArrayList<>(List.of("scenario", "replication", "seed"));
                metrics.forEach(mt -> h.add(mt.name()));
                h.addAll(List.of("wall_s", "error"));
                p.printRecord(h);
                for (int side = 0; side < sides.size(); side++) {
                    for (int r = 0; r < replications; r++) {
                        List<Object> row = new ArrayList<>(List.of(sides.get(side).label(), r, seeds[r]));
                        for (double v : values[side][r]) {
                            row.add(RunsJournal.cell(v));
                        }
                        row.add(String.format(Locale.ROOT, "%.3f", wall[side][r]));
                        row.add(errors[side][r] == null ? "" : errors[side][r]);
                        p.printRecord(row);
                    }
                }
            }
        });
    }

    private void writeDifferences(Path file, List<Difference> diffs) throws IOException {
        DerivedFile.write(file, w -> {
            try (CSVPrinter p = new CSVPrinter(w, FORMAT)) {
                p.printRecord("scenario", "metric", "n", "mean_a", "mean_b", "diff", "diff_lo", "diff_hi");
                for (Difference d : diffs) {
                    p.printRecord(d.b(), d.metric().name(), d.n(), SummaryTables.decimal(d.meanA()), SummaryTables.decimal(d.meanB()),
                            SummaryTables.decimal(d.mean()), SummaryTables.decimal(d.lo()), SummaryTables.decimal(d.hi()));
                }
            }
        });
    }

    private void writeManifest(Path file, double seconds, Instant created) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", FolderKind.COMPARE.id());
        m.put("version", Manifest.version(null));
        List<Map<String, Object>> scenarios = new ArrayList<>();
        for (Side side : sides) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("label", side.label());
            one.put("file", side.input().file().toString().replace('\\', '/'));
            one.put("sets", side.sets());
            one.put("scale", side.input().scenario().scale());
            one.put("days", side.input().scenario().days());
            scenarios.add(one);
        }
        m.put("scenarios", scenarios); // the first is A, which every other is compared with
        m.put("replications", replications);
        m.put("seed", seed);
        m.put("sets", sets);
        m.put("metrics", metrics.stream().map(Metric::expression).toList());
        m.put("wall_seconds", Math.round(seconds * 1000) / 1000.0);
        m.put("java_version", System.getProperty("java.version"));
        m.put("created", created.truncatedTo(ChronoUnit.SECONDS).toString());
        DerivedFile.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n");
    }

    /**
     * Why the runs of {@code b} are not paired with those of {@code a}, or null when they are: the same seed only
     * gives the same luck at the same scale over the same days; otherwise common random numbers pair nothing.
     */
    public static String unpaired(Side a, Side b) {
        Scenario sa = a.input().scenario(), sb = b.input().scenario();
        List<String> why = new ArrayList<>();
        if (sa.scale() != sb.scale()) {
            why.add("scale " + sb.scale() + " against " + sa.scale());
        }
        if (sa.days() != sb.days()) {
            why.add(sb.days() + " days against " + sa.days());
        }
        if (why.isEmpty()) {
            return null;
        }
        return b.label() + " runs at " + String.join(" and ", why) + " for " + a.label() + ": the same seeds do not"
                + " pair their runs (common random numbers pair nothing), so the differences carry all the run-to-run"
                + " noise; give both the same " + (sa.scale() != sb.scale() ? "--scale" : "--days")
                + (sa.scale() != sb.scale() && sa.days() != sb.days() ? " and --days" : "");
    }

    /** Two scenarios compare day by day only when they start on the same date. */
    public static void requireSameStart(Side a, Side b) throws ScenarioException {
        if (!a.input().scenario().start().equals(b.input().scenario().start())) {
            throw new ScenarioException(b.input().file().toString(), "starts on " + b.input().scenario().start()
                    + ", " + a.input().file() + " on " + a.input().scenario().start() + ": the series would not line up");
        }
    }
}
