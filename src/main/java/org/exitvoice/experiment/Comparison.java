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
 * Two scenarios run with the same seeds (common random numbers: replication r of A and of B share one seed), so
 * that each metric's paired difference B - A is free of most of the run-to-run noise; a 90 % t interval on the
 * differences says whether the change matters. Self-contained output folder, written all at once.
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

    /** One scenario of the pair: a short label, its file, its loaded input (tables read once). */
    public record Side(String label, ScenarioInput input) {
    }

    /** A metric's paired difference B - A over the replications where both runs gave a value. */
    public record Difference(Metric metric, int n, double meanA, double meanB, double mean, double lo, double hi) {
    }

    /** What a comparison did. */
    public record Outcome(List<Difference> differences, int failed, double seconds) {
    }

    private final Side a, b;
    private final int replications;
    private final long seed;
    private final List<Metric> metrics;
    private final List<String> sets;
    private final ScenarioLoader.Overrides flags;

    /**
     * @param replications runs of each scenario
     * @param seed         the base seed of the shared per-replication seeds
     * @param sets         {@code --set} overrides applied to both
     * @param flags        {@code --scale}/{@code --days} applied to both (the seed is replaced per replication)
     */
    public Comparison(Side a, Side b, int replications, long seed, List<Metric> metrics, List<String> sets,
                      ScenarioLoader.Overrides flags) {
        this.a = a;
        this.b = b;
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
        Side[] sides = {a, b};
        int m = metrics.size();
        double[][][] values = new double[2][replications][m];
        long[][][][] series = new long[2][SERIES.size()][replications][];
        String[][] errors = new String[2][replications];
        long[] seeds = new long[replications];
        double[][] wall = new double[2][replications];
        List<List<LocalDate>> dates = new ArrayList<>(List.of(new ArrayList<>(), new ArrayList<>()));
        for (int r = 0; r < replications; r++) {
            seeds[r] = RunSeed.of(seed, 0, r);
        }

        progress.start(2L * replications, 0);
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
                    for (int task = next.getAndIncrement(); task < 2 * replications; task = next.getAndIncrement()) {
                        int side = task % 2, r = task / 2;
                        long ts = System.nanoTime();
                        Arrays.fill(values[side][r], Double.NaN);
                        try {
                            ScenarioInput in = sides[side].input();
                            Scenario s = ScenarioLoader.read(in.file(), sets,
                                    new ScenarioLoader.Overrides(seeds[r], flags.scale(), flags.days()));
                            ScenarioValidator.validate(s, in.routes());
                            RunResult res = Simulation.run(s, in.regions(), in.routes(), 1, day -> { });
                            for (int j = 0; j < m; j++) {
                                values[side][r][j] = metrics.get(j).of(res);
                            }
                            for (int k = 0; k < SERIES.size(); k++) {
                                series[side][k][r] = seriesOf(res, SERIES.get(k));
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
        for (int j = 0; j < m; j++) {
            double[] va = new double[replications], vb = new double[replications];
            for (int r = 0; r < replications; r++) {
                va[r] = values[0][r][j];
                vb[r] = values[1][r][j];
            }
            diffs.add(difference(metrics.get(j), va, vb));
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
            for (int k = 0; k < SERIES.size(); k++) {
                JFreeChart c = chart(SERIES.get(k), series, dates);
                ExperimentCharts.write(c, dir.resolve("charts"), SERIES.get(k).name());
                svgs.put(SERIES.get(k).name(), ExperimentCharts.svg(c, SERIES.get(k).name()));
            }
            writeManifest(dir.resolve(RunFolder.MARK), seconds, created);
            DerivedFile.writeString(dir.resolve("report.html"),
                    ComparisonReport.html(this, diffs, svgs, failed, seconds, created));
            folder.commit();
        }
        return new Outcome(diffs, failed, seconds);
    }

    /** The paired difference B - A with a 90 % t interval; exactly 0 (and [0, 0]) when every pair is equal. */
    static Difference difference(Metric metric, double[] va, double[] vb) {
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
            return new Difference(metric, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = d.stream().mapToDouble(Double::doubleValue).sum() / n;
        if (n == 1) {
            return new Difference(metric, 1, sa, sb, mean, Double.NaN, Double.NaN);
        }
        double ss = 0;
        for (double x : d) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double half = sd == 0 ? 0 : new TDistribution(n - 1).inverseCumulativeProbability(0.95) * sd / Math.sqrt(n);
        return new Difference(metric, n, sa / n, sb / n, mean, mean - half, mean + half);
    }

    /** The pair's labels, files, seeds and sizes (for the report). */
    Side a() {
        return a;
    }

    Side b() {
        return b;
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
        List<LocalDate> longest = dates.get(0).size() >= dates.get(1).size() ? dates.get(0) : dates.get(1);
        for (int side = 0; side < 2; side++) {
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
        return ExperimentCharts.overTime(s.title(), "Mean of " + replications + " runs each, the same seeds for both;"
                + " bands: 5 % to 95 % of runs", s.axis(), List.of(a.label(), b.label()), longest, bands);
    }

    private void writeRuns(Path file, long[] seeds, double[][][] values, double[][] wall, String[][] errors) throws IOException {
        DerivedFile.write(file, w -> {
            try (CSVPrinter p = new CSVPrinter(w, FORMAT)) {
                List<String> h = new ArrayList<>(List.of("scenario", "replication", "seed"));
                metrics.forEach(mt -> h.add(mt.name()));
                h.addAll(List.of("wall_s", "error"));
                p.printRecord(h);
                for (int side = 0; side < 2; side++) {
                    for (int r = 0; r < replications; r++) {
                        List<Object> row = new ArrayList<>(List.of(side == 0 ? a.label() : b.label(), r, seeds[r]));
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
                p.printRecord("metric", "n", "mean_a", "mean_b", "diff", "diff_lo", "diff_hi");
                for (Difference d : diffs) {
                    p.printRecord(d.metric().name(), d.n(), SummaryTables.decimal(d.meanA()), SummaryTables.decimal(d.meanB()),
                            SummaryTables.decimal(d.mean()), SummaryTables.decimal(d.lo()), SummaryTables.decimal(d.hi()));
                }
            }
        });
    }

    private void writeManifest(Path file, double seconds, Instant created) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", FolderKind.COMPARE.id());
        m.put("version", Manifest.version(null));
        m.put("a", a.input().file().toString().replace('\\', '/'));
        m.put("b", b.input().file().toString().replace('\\', '/'));
        m.put("replications", replications);
        m.put("seed", seed);
        m.put("scale_a", a.input().scenario().scale());
        m.put("scale_b", b.input().scenario().scale());
        m.put("sets", sets);
        m.put("metrics", metrics.stream().map(Metric::expression).toList());
        m.put("wall_seconds", Math.round(seconds * 1000) / 1000.0);
        m.put("java_version", System.getProperty("java.version"));
        m.put("created", created.truncatedTo(ChronoUnit.SECONDS).toString());
        DerivedFile.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n");
    }

    /** Two scenarios compare day by day only when they start on the same date. */
    public static void requireSameStart(Side a, Side b) throws ScenarioException {
        if (!a.input().scenario().start().equals(b.input().scenario().start())) {
            throw new ScenarioException(b.input().file().toString(), "starts on " + b.input().scenario().start()
                    + ", " + a.input().file() + " on " + a.input().scenario().start() + ": the series would not line up");
        }
    }
}
