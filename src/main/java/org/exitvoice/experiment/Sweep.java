package org.exitvoice.experiment;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.exitvoice.model.RunResult;
import org.exitvoice.model.Simulation;
import org.exitvoice.output.Manifest;
import org.exitvoice.scenario.DataFiles;
import org.exitvoice.scenario.Scenario;
import org.exitvoice.scenario.ScenarioException;
import org.exitvoice.scenario.ScenarioLoader;
import org.exitvoice.scenario.ScenarioValidator;

/**
 * Runs an experiment: every (point, replication) once, each simulation on one thread and {@code threads} of them at a
 * time, each row journalled as it finishes; then summary.csv, sobol.csv and the charts from the journal.
 * A run that throws becomes an error row and the sweep goes on.
 */
public final class Sweep {

    /** Identifies a sweep folder and what made it. */
    public static final String MANIFEST = "sweep.json";

    /** The effective experiment, as it reruns from the folder. */
    public static final String EXPERIMENT = "experiment.yaml";

    /** What a sweep did. */
    public record Outcome(Path out, long total, long alreadyDone, long ran, long failed, double seconds) {
        /** Runs finished per minute of wall time in this session. */
        public double runsPerMinute() {
            return seconds > 0 ? ran / seconds * 60 : 0;
        }
    }

    /** Runs one simulation of a scenario; replaced in tests to make runs fail or count them. */
    @FunctionalInterface
    public interface Simulator {
        RunResult run(Scenario scenario) throws Exception;
    }

    /**
     * What an interrupted sweep leaves: {@code kept} of {@code total} runs in runs.csv (finished without error; a
     * resume keeps them), {@code failed} error rows (a resume runs them again); {@code summariesPending} when every run
     * was recorded but the summaries were still being written; {@code kept} is -1 when the runs had not begun (the
     * folder is then as it was, or has no runs yet).
     */
    public record Stopped(long total, long kept, long failed, boolean summariesPending) {
    }

    private final Experiment x;
    private final Path out;
    private final int threads;
    private final Simulator simulator;
    private java.util.SortedSet<Integer> keep = new java.util.TreeSet<>();

    /** The folder, inside the sweep's, that holds the output folders of kept runs ({@code runs/point-P-replication-R/}). */
    public static final String KEPT = "runs";

    // what stop() reports from: the journal while runs are recorded, then whether the summaries are done
    private final Object state = new Object();
    private RunsJournal journal;
    private boolean finished;

    /** A sweep of {@code x} into {@code out} on {@code threads} threads, running the model. */
    public Sweep(Experiment x, Path out, int threads) {
        this(x, out, threads, model(x));
    }

    /** The model itself: the simulator of every run of {@code x}. */
    public static Simulator model(Experiment x) {
        // the tables are immutable and shared by every run; each simulation is single-threaded
        return s -> Simulation.run(s, x.base().regions(), x.base().routes(), 1, day -> { });
    }

    /** A sweep with another simulator (tests). */
    public Sweep(Experiment x, Path out, int threads, Simulator simulator) {
        this.x = x;
        this.out = out;
        this.threads = Math.max(1, threads);
        this.simulator = simulator;
    }

    /**
     * Keeps the output folder of these runs (as {@code exitvoice run} writes it) in {@code runs/point-P-replication-R/}: the runs of
     * this session as they finish, and runs an earlier session finished run again for their folder alone (the same
     * seed gives the same run).
     *
     * @throws ScenarioException (named {@code --keep-runs}) for an id that is no run of the sweep
     */
    public Sweep keeping(java.util.Collection<Integer> ids) throws ScenarioException {
        long total = x.design().size(x.factors()) * x.replications();
        for (int id : ids) {
            if (id < 0 || id >= total) {
                throw new ScenarioException("--keep-runs", id + " is not a run of this sweep (0.." + (total - 1) + ")");
            }
        }
        keep = new java.util.TreeSet<>(ids);
        return this;
    }

    /** The folder of the kept run at {@code point} and {@code replication}. */
    public static Path keptFolder(Path out, int point, int replication) {
        // named by point and replication, not by run id: more replications renumber the runs, not these
        return out.resolve(KEPT).resolve("point-" + point + "-replication-" + replication);
    }

    /** The simulator of run {@code run}: the sweep's, writing the run's folder when it is kept. */
    private Simulator simulatorOf(int run) {
        if (!keep.contains(run)) {
            return simulator;
        }
        return s -> {
            RunResult r = simulator.run(s);
            Path dir = keptFolder(out, run / x.replications(), run % x.replications());
            org.exitvoice.output.RunWriter.write(dir, new org.exitvoice.output.RunOutputs(x.scenarioFile(),
                    x.points().get(run / x.replications()).sets(x.factors()), s,
                    ScenarioLoader.toYaml(portable(s, dir)), x.base().routes(), r, 1, null));
            return r;
        };
    }

    /**
     * Runs what is left to run and derives the summaries.
     *
     * @param resume complete an existing folder of the same experiment; without it an existing folder is refused
     * @throws ScenarioException (the user's input) an existing folder without resume, or a changed experiment with it
     */
    public Outcome run(boolean resume, SweepProgress progress) throws ScenarioException, IOException, InterruptedException {
        long t0 = System.nanoTime();
        String hash = Fingerprint.of(x);
        boolean exists = Files.exists(out) && !isEmptyDir(out);
        if (exists && !resume) {
            throw alreadyExists(out.toString());
        }
        boolean extended = exists && checkSameExperiment(hash);
        Files.createDirectories(out);
        if (!exists) {
            writeManifest(hash);
        }

        List<Point> points = x.points();
        int reps = x.replications();
        int total = points.size() * reps;
        AtomicLong failed = new AtomicLong();
        AtomicLong ran = new AtomicLong();
        long alreadyDone;
        BitSet doneBefore;
        try (RunsJournal journal = RunsJournal.open(out, x, exists)) {
            // the journal is numbered for the new replications or points before sweep.json says so: a crash in between
            // leaves a folder that the same command extends again, with the same numbers
            if (extended) {
                writeManifest(hash);
            }
            // experiment.yaml names scenario.yaml beside it: the folder reruns as written (exitvoice sweep
            // OUT/experiment.yaml). Written after sweep.json, since an extension killed before then is recognised by
            // the factors of the experiment.yaml it began with
            DerivedFile.writeString(out.resolve(Experiment.SAVED_SCENARIO),
                    ScenarioLoader.toYaml(portable(x.base().scenario(), out)));
            DerivedFile.writeString(out.resolve(EXPERIMENT), x.savedYaml());
            synchronized (state) {
                this.journal = journal;
            }
            BitSet done = journal.done();
            doneBefore = done;
            alreadyDone = done.cardinality();
            int[] todo = new int[total - (int) alreadyDone];
            for (int run = 0, i = 0; run < total; run++) {
                if (!done.get(run)) {
                    todo[i++] = run;
                }
            }
            progress.start(total, alreadyDone);
            AtomicInteger next = new AtomicInteger();
            AtomicInteger workerNo = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "sweep-" + workerNo.incrementAndGet());
                t.setDaemon(true); // a sweep interrupted by Ctrl-C must not hang on its workers
                return t;
            });
            try {
                Future<?>[] workers = new Future<?>[threads];
                for (int w = 0; w < threads; w++) {
                    workers[w] = pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < todo.length; i = next.getAndIncrement()) {
                            RunsJournal.Row row = runOne(x, simulatorOf(todo[i]), todo[i], points.get(todo[i] / reps),
                                    todo[i] % reps);
                            journal.record(row);
                            ran.incrementAndGet();
                            if (row.error() != null) {
                                failed.incrementAndGet();
                            }
                            progress.step();
                        }
                        return null;
                    });
                }
                for (Future<?> w : workers) {
                    try {
                        w.get();
                    } catch (ExecutionException e) {
                        next.set(todo.length); // stop the other workers after their current run
                        if (e.getCause() instanceof IOException io) {
                            throw io;
                        }
                        throw new IllegalStateException("sweep worker failed: " + e.getCause(), e.getCause());
                    }
                }
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(1, TimeUnit.MINUTES);
                progress.close();
            }
        }
        // kept runs an earlier session finished: run again for their folders only (the journal has their rows)
        for (int run : keep) {
            if (doneBefore.get(run) && !Files.isDirectory(keptFolder(out, run / reps, run % reps))) {
                RunsJournal.Row row = runOne(x, simulatorOf(run), run, points.get(run / reps), run % reps);
                if (row.error() != null) {
                    throw new IOException("run " + run + " for --keep-runs: " + row.error());
                }
            }
        }
        derive(x, out, points);
        synchronized (state) {
            finished = true;
        }
        return new Outcome(out, total, alreadyDone, ran.get(), failed.get(), (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Stops the sweep's recording, for a shutdown hook (Ctrl-C): a row being written is completed, no other is begun,
     * so runs.csv ends on a whole line and {@code --resume} continues from it. Returns what the folder keeps, or null
     * when the sweep had already finished. Callable from any thread, at any moment of {@link #run}.
     */
    public Stopped stop() {
        synchronized (state) {
            if (finished) {
                return null;
            }
            long total = x.design().size(x.factors()) * x.replications();
            if (journal == null) {
                return new Stopped(total, -1, 0, false);
            }
            RunsJournal.Count c = journal.stop();
            return new Stopped(total, c.kept(), c.failed(), c.kept() == total);
        }
    }

    /**
     * One run of {@code x}: the scenario at the point with the run's seed, simulated; any failure becomes the row's
     * error. Thread-safe; public so that other runners (Spark) run batches of runs exactly as a sweep does.
     */
    public static RunsJournal.Row runOne(Experiment x, Simulator simulator, int run, Point point, int replication) {
        long seed = x.seedOf(point, replication);
        long t0 = System.nanoTime();
        double[] metrics = new double[x.metrics().size()];
        java.util.Arrays.fill(metrics, Double.NaN);
        try {
            Scenario s = ScenarioLoader.read(x.scenarioFile(), point.sets(x.factors()),
                    new ScenarioLoader.Overrides(seed, x.scale(), x.days()));
            ScenarioValidator.validate(s, x.base().routes());
            RunResult r = simulator.run(s);
            for (int j = 0; j < metrics.length; j++) {
                metrics[j] = x.metrics().get(j).of(r);
            }
            return new RunsJournal.Row(run, point, replication, seed, metrics, (System.nanoTime() - t0) / 1e9, null,
                    x.timeseries().isEmpty() ? null : r.days());
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return new RunsJournal.Row(run, point, replication, seed, metrics, (System.nanoTime() - t0) / 1e9,
                    oneLine(e), null);
        }
    }

    /** summary.csv, sobol.csv or morris.csv, the charts and report.html in {@code out}, from its runs.csv. */
    public static void derive(Experiment x, Path out, List<Point> points) throws IOException, ScenarioException {
        Results results = Results.read(out.resolve(RunsJournal.RUNS), x, points);
        SampleStats[][] stats = results.stats();
        SummaryTables.writeSummary(out.resolve(SummaryTables.SUMMARY), results, stats);
        ExperimentCharts charts = new ExperimentCharts(results, stats);
        if (x.design() instanceof Design.Saltelli) {
            List<List<SobolIndices.Index>> indices = SummaryTables.sobol(results, stats);
            SummaryTables.writeSobol(out.resolve(SummaryTables.SOBOL), results, indices);
            charts.sobol(indices, out.resolve("charts"));
        } else if (x.design() instanceof Design.Morris) {
            List<List<ElementaryEffects.Effect>> effects = SummaryTables.morris(results, stats);
            SummaryTables.writeMorris(out.resolve(SummaryTables.MORRIS), x, effects);
            charts.morris(effects, out.resolve("charts"));
        } else if (x.factors().size() == 1) {
            charts.oneFactor(out.resolve("charts"));
        } else if (x.factors().size() == 2) {
            charts.heatmaps(out.resolve("charts"));
        }
        SweepReport.timeseriesCharts(x, out, points);
        SweepReport.write(out, results, stats);
    }

    /**
     * Checks that the folder holds this experiment; returns true when it holds the same experiment with fewer
     * replications or, in a factorial design, fewer levels of its factors, which a resume extends (the runs kept, the
     * new replications and points added).
     */
    private boolean checkSameExperiment(String hash) throws ScenarioException, IOException {
        Path manifest = out.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw notASweep(out.toString());
        }
        JsonNode m;
        try {
            m = new ObjectMapper().readTree(manifest.toFile());
        } catch (IOException e) {
            throw new ScenarioException(manifest.toString(), "unreadable: " + e.getMessage());
        }
        int before = m.path("replications").asInt(0);
        String was = m.path("hash").asText("");
        if (!was.equals(hash) && before > 0 && before < x.replications() && was.equals(Fingerprint.of(x.withReplications(before)))) {
            if (!x.timeseries().isEmpty()) {
                throw new ScenarioException(out.toString(), "cannot add replications to a sweep with timeseries (its "
                        + RunsJournal.TIMESERIES + " names runs by number, which more replications change); choose"
                        + " another --out");
            }
            return true;
        }
        if (!was.equals(hash) && before > 0 && before <= x.replications()) {
            // the experiment the folder was begun with, for its factors and design: sweep.json holds neither in full
            Experiment old = earlier();
            if (old != null && was.equals(Fingerprint.of(x.withReplications(before).withPoints(old.design(), old.factors())))) {
                checkNewPointsOnly(old);
                return true;
            }
        }
        checkHash(out.toString(), hash, x, new ExperimentChanges.Before(m, readIfFile(out.resolve(EXPERIMENT)),
                readIfFile(out.resolve(Experiment.SAVED_SCENARIO))));
        return false;
    }

    /** The experiment saved in the folder (experiment.yaml over its scenario.yaml); null when it does not read. */
    private Experiment earlier() {
        Path saved = out.resolve(EXPERIMENT);
        if (!Files.isRegularFile(saved)) {
            return null;
        }
        try {
            return ExperimentFile.read(saved, ExperimentFile.Overrides.NONE);
        } catch (ScenarioException | RuntimeException damaged) {
            return null; // the ordinary refusal then names what changed as far as the files tell
        }
    }

    /**
     * Refuses a resume whose experiment differs from the folder's {@code old} one in its design or factors (and perhaps
     * in more replications) unless that difference adds points and moves none: a factorial design, the same factors in
     * the same order, every old level still there. Each kept run is then a run of the new design, found by its factors'
     * values; the refusals say why the others cannot be.
     */
    private void checkNewPointsOnly(Experiment old) throws ScenarioException, IOException {
        String where = out.toString();
        if (!(old.design() instanceof Design.Factorial) || !(x.design() instanceof Design.Factorial)) {
            if (old.design().getClass() != x.design().getClass()) {
                throw new ScenarioException(where, "cannot resume (choose another --out): the design changed, "
                        + old.design().describe() + " → " + x.design().describe());
            }
            throw new ScenarioException(where, "cannot add points to a sweep with a sampled design (" + old.design().describe()
                    + " → " + x.design().describe() + "): its points are drawn for its size and ranges, and any change"
                    + " moves every point, so no run done is a run of the new design; choose another --out");
        }
        List<String> keysBefore = old.factors().stream().map(Factor::key).toList();
        List<String> keysNow = x.factors().stream().map(Factor::key).toList();
        if (!keysBefore.equals(keysNow)) {
            throw new ScenarioException(where, "cannot add points: the factors were " + keysBefore + ", now " + keysNow
                    + "; a sweep grows by new levels of the same factors in the same order (its runs are found by each"
                    + " factor's name and value), not by other factors; choose another --out");
        }
        for (int f = 0; f < keysNow.size(); f++) {
            List<String> was = old.factors().get(f).grid().stream().map(Level::text).toList();
            List<String> now = x.factors().get(f).grid().stream().map(Level::text).toList();
            List<String> dropped = was.stream().filter(l -> !now.contains(l)).toList();
            if (!dropped.isEmpty()) {
                throw new ScenarioException(where, "cannot remove levels from a sweep: factor " + keysNow.get(f) + " "
                        + was + " → " + now + " drops " + String.join(", ", dropped) + ", whose runs would be lost"
                        + " (put them back to add levels, or choose another --out)");
            }
        }
        if (!x.commonRandomNumbers()) {
            throw new ScenarioException(where, "cannot add points to a sweep seeded point by point (commonRandomNumbers:"
                    + " false): a point's seeds follow its number, which new levels change, so the runs done would not"
                    + " be the new design's; choose another --out");
        }
        if (!x.timeseries().isEmpty()) {
            throw new ScenarioException(where, "cannot add points to a sweep with timeseries (its " + RunsJournal.TIMESERIES
                    + " names runs by number, which new points change); choose another --out");
        }
        Path kept = out.resolve(KEPT);
        if (Files.isDirectory(kept) && !isEmptyDir(kept)) {
            throw new ScenarioException(where, "cannot add points to a sweep with kept runs (" + KEPT
                    + "/point-P-replication-R/ are named by point number, which new levels change); choose another --out");
        }
    }

    private static String readIfFile(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readString(file) : null;
    }

    /** The refusal of an existing, non-empty output folder without {@code --resume}. */
    public static ScenarioException alreadyExists(String out) {
        return new ScenarioException(out, "already exists: add --resume to complete that sweep, or choose another --out");
    }

    /** The refusal to resume into a folder without {@link #MANIFEST}. */
    public static ScenarioException notASweep(String out) {
        return new ScenarioException(out, "not a sweep folder (no " + MANIFEST + "); choose another --out");
    }

    /**
     * Refuses to resume the sweep in {@code out} when its hash (in {@code before}'s sweep.json) is not {@code x}'s
     * {@code hash}, naming what changed in words as far as the folder's files tell (the hashes only when they cannot).
     */
    public static void checkHash(String out, String hash, Experiment x, ExperimentChanges.Before before)
            throws ScenarioException, IOException {
        String was = before.manifest().path("hash").asText("");
        if (was.equals(hash)) {
            return;
        }
        List<String> changes;
        try {
            changes = ExperimentChanges.between(before, x);
        } catch (RuntimeException damaged) {
            changes = List.of(); // a damaged folder must not turn this refusal into an internal error
        }
        throw new ScenarioException(out, "cannot resume (choose another --out): changed since this sweep began: "
                + (changes.isEmpty() ? "the experiment, its scenario or its data files (hash " + abbreviate(was)
                + " then, " + abbreviate(hash) + " now)" : ExperimentChanges.describe(changes)));
    }

    private void writeManifest(String hash) throws IOException {
        DerivedFile.writeString(out.resolve(MANIFEST), manifest(x, hash));
    }

    /** sweep.json: what identifies the sweep of {@code x} (its {@code hash}) and what made it. */
    public static String manifest(Experiment x, String hash) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", x.file().toString().replace('\\', '/'));
        m.put("scenario", x.scenarioFile().toString().replace('\\', '/'));
        m.put("hash", hash);
        m.put("tables", Fingerprint.tables(x)); // which table changed, when a resume is refused
        m.put("design", x.design().describe());
        m.put("points", x.design().size(x.factors()));
        m.put("replications", x.replications());
        m.put("seed", x.seed());
        m.put("seeding", x.seeding());
        m.put("scale", x.scale());
        m.put("days", x.days());
        m.put("version", Manifest.version(null));
        m.put("java_version", System.getProperty("java.version"));
        m.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n";
    }

    /** The base scenario with its tables named relative to the folder {@code out}, like a run's scenario.yaml. */
    public static Scenario portable(Scenario s, Path out) {
        Path base = out.toAbsolutePath().normalize();
        return s.withData(new DataFiles(relative(base, s.data().regions()), relative(base, s.data().routes())));
    }

    private static String relative(Path base, String file) {
        return base.relativize(Path.of(file).toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            return !ds.iterator().hasNext();
        }
    }

    private static String abbreviate(String hash) {
        return hash.isEmpty() ? "none" : hash.substring(0, Math.min(12, hash.length()));
    }

    /** An exception as one line for the error column. */
    static String oneLine(Throwable e) {
        String m = e instanceof ScenarioException ? e.getMessage() : e.toString();
        return m.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
