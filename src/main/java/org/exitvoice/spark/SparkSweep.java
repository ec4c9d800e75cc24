package org.exitvoice.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
import org.exitvoice.experiment.Design;
import org.exitvoice.experiment.Experiment;
import org.exitvoice.experiment.ExperimentFile;
import org.exitvoice.experiment.ExperimentChanges;
import org.exitvoice.experiment.Fingerprint;
import org.exitvoice.experiment.RunsJournal;
import org.exitvoice.experiment.Sweep;
import org.exitvoice.model.HeapBudget;
import org.exitvoice.scenario.ScenarioException;
import org.exitvoice.scenario.ScenarioLoader;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code exitvoice sweep} on Apache Spark: the same experiment file, the same outputs, the runs spread over a cluster.
 *
 * <pre>
 * spark-submit --class org.exitvoice.spark.SparkSweep target/exitvoice.jar EXPERIMENT.yaml --out DIR
 *              [--resume] [--runs-per-task N] [--replications N] [--scale N] [--days N] [--quiet]
 * </pre>
 *
 * The driver reads and checks the experiment, applies the local sweep's folder rules (an existing folder needs
 * {@code --resume}; a changed experiment is refused), broadcasts the experiment with its scenario and tables once, and
 * runs the runs still to do as tasks of {@code --runs-per-task} runs each. Every finished task leaves its rows as part
 * files in {@code DIR/parts/}, so a job killed half-way keeps them and {@code --resume} runs only the rest. At the end
 * the parts become runs.csv (and timeseries.csv), then summary.csv, sobol.csv and the charts, exactly as the local
 * sweep derives them. {@code DIR} is a local or shared path, or any URI Hadoop writes to. Exit codes: 0 done, 1 when
 * any run failed (error rows, as in {@code sweep}) or the job failed, 2 bad input.
 */
@Command(name = "org.exitvoice.spark.SparkSweep", mixinStandardHelpOptions = true, version = "exitvoice 0.1.0",
        exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 1,
        description = "Run a parameter experiment on Apache Spark (spark-submit): the same experiment file, outputs and "
                + "--resume as exitvoice sweep; each task runs a batch of runs and leaves its rows in DIR/parts/.")
public final class SparkSweep implements Callable<Integer> {

    /** Tasks per core the default aims at, so that fast and slow tasks even out. */
    static final int TASKS_PER_CORE = 4;
    /**
     * How long a default task aims to take at most: long beside Spark's own cost of a task (milliseconds, up to a
     * second on object stores), short beside the work lost with an executor.
     */
    static final double TASK_SECONDS = 20;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "Experiment YAML file, e.g. params/experiments/misclassification.yaml.")
    Path experiment;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder: a path (shared by the cluster's machines) or a URI such as hdfs:///sweeps/NAME "
                    + "(default: outputs/<experiment name>/).")
    String out;

    @Option(names = "--resume", description = "Complete the sweep already in the output folder (same experiment only).")
    boolean resume;

    @Option(names = "--runs-per-task", paramLabel = "N", converter = Positive.class,
            description = "Runs in one Spark task (default: about " + TASKS_PER_CORE + " tasks per core, each of at most"
                    + " about 20 s of runs at the experiment's scale and days).")
    Integer runsPerTask;

    @Option(names = "--replications", paramLabel = "N", converter = Positive.class, description = "Replications per point; wins over the file.")
    Integer replications;

    @Option(names = "--scale", paramLabel = "N", converter = Positive.class, description = "Persons per agent; wins over the file.")
    Integer scale;

    @Option(names = "--days", paramLabel = "N", converter = Positive.class, description = "Simulated days; wins over the file.")
    Integer days;

    @Option(names = "--quiet", description = "No start line on stderr.")
    boolean quiet;

    private PrintWriter stdout;
    private PrintWriter stderr;
    private JavaSparkContext given;
    private String dirName;

    /** What a Spark sweep did. */
    public record Outcome(String out, long total, long alreadyDone, long ran, int tasks, int runsPerTask, long failed,
                          double seconds) {
        /** Runs finished per minute of wall time in this job. */
        public double runsPerMinute() {
            return seconds > 0 ? ran / seconds * 60 : 0;
        }
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), null));
    }

    /**
     * Runs the command line {@code args}; with {@code sc} null it makes its own Spark context (the master from
     * spark-submit, else {@code local[*]}) and stops it at the end.
     */
    static int execute(String[] args, PrintWriter stdout, PrintWriter stderr, JavaSparkContext sc) {
        SparkSweep cmd = new SparkSweep();
        cmd.stdout = stdout;
        cmd.stderr = stderr;
        cmd.given = sc;
        CommandLine cl = new CommandLine(cmd);
        cl.setOut(stdout);
        cl.setErr(stderr);
        cl.setParameterExceptionHandler((ex, a) -> {
            stderr.println("exitvoice: " + firstLine(ex.getMessage()));
            stderr.flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof ScenarioException bad) {
                stderr.println(bad.getMessage());
            } else if (ex instanceof SparkException) {
                stderr.println("exitvoice: the Spark job failed: " + firstLine(ex.getMessage()));
                stderr.println("exitvoice: the finished batches are kept in " + cmd.dirName + "/" + Batch.PARTS
                        + "/: run again with --resume to complete the sweep");
            } else {
                stderr.println("exitvoice: internal error: " + ex);
                if (System.getenv("EXITVOICE_DEBUG") != null) {
                    ex.printStackTrace(stderr);
                }
            }
            stderr.flush();
            return ex instanceof ScenarioException ? 2 : 1;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        // charts are drawn off-screen on the driver
        System.setProperty("java.awt.headless", "true");
        Experiment x = ExperimentFile.read(experiment, new ExperimentFile.Overrides(replications, scale, days));
        dirName = out != null ? out : Path.of("outputs", x.name()).toString();
        JavaSparkContext sc = given;
        if (sc == null) {
            SparkConf conf = new SparkConf().setAppName("exitvoice sweep " + x.name()).setIfMissing("spark.master", "local[*]");
            sc = new JavaSparkContext(conf);
        }
        try {
            long points = x.design().size(x.factors());
            if (!quiet) {
                stderr.printf(Locale.ROOT, "exitvoice spark sweep: %s, %s, %,d points x %d replication%s = %,d runs, scale %d,"
                                + " %d days, Spark %s on %s (parallelism %d) -> %s%n", experiment, x.design().describe(), points,
                        x.replications(), x.replications() == 1 ? "" : "s", points * x.replications(), x.scale(), x.days(),
                        sc.version(), sc.master(), sc.defaultParallelism(), dirName);
                stderr.flush();
            }
            Outcome o = run(sc, x, dirName, resume, runsPerTask);
            stdout.printf(Locale.ROOT, "%-11s%,d (%,d points x %d replications): %,d run now, %,d done before, %,d failed%n",
                    "runs", o.total(), points, x.replications(), o.ran(), o.alreadyDone(), o.failed());
            stdout.printf(Locale.ROOT, "%-11s%s in %,d Spark task%s of up to %d runs, %.1f runs/min%n", "wall time",
                    duration(o.seconds()), o.tasks(), o.tasks() == 1 ? "" : "s", o.runsPerTask(), o.runsPerMinute());
            stdout.printf("%-11s%s/ (runs.csv, summary.csv%s, charts/)%n", "outputs", dirName,
                    x.design() instanceof Design.Saltelli ? ", sobol.csv"
                        : x.design() instanceof Design.Morris ? ", morris.csv" : "");
            stdout.flush();
            if (o.failed() > 0) {
                stderr.printf(Locale.ROOT, "exitvoice spark sweep: %,d of %,d runs failed (see the error column of %s/%s);"
                        + " --resume runs them again%n", o.failed(), o.total(), dirName, RunsJournal.RUNS);
                stderr.flush();
                return 1;
            }
            return 0;
        } finally {
            if (given == null) {
                sc.stop();
            }
        }
    }

    /**
     * The sweep of {@code x} into {@code out} on {@code sc}.
     *
     * @param resume      complete an existing folder of the same experiment; without it an existing folder is refused
     * @param runsPerTask runs in one task; null for the default
     * @throws ScenarioException (the user's input) an existing folder without resume, or a changed experiment with it
     * @throws SparkException    the job failed (a task failed more often than Spark retries it); finished parts stay
     */
    public static Outcome run(JavaSparkContext sc, Experiment x, String out, boolean resume, Integer runsPerTask)
            throws IOException, ScenarioException {
        long t0 = System.nanoTime();
        String hash = Fingerprint.of(x);
        URI uri = OutputFolder.uri(out);
        OutputFolder dir = OutputFolder.of(uri, out, sc.hadoopConfiguration());

        // the local sweep's rules, on any file system
        boolean exists = dir.existsNonEmpty();
        if (exists && !resume) {
            throw Sweep.alreadyExists(out);
        }
        if (exists) {
            checkSameExperiment(dir, hash, x);
        }
        dir.mkdirs();
        if (!exists) {
            dir.write(Sweep.MANIFEST, Sweep.manifest(x, hash).getBytes(StandardCharsets.UTF_8));
        }
        Path local = dir.localPath();
        String scenarioYaml = ScenarioLoader.toYaml(local != null ? Sweep.portable(x.base().scenario(), local) : x.base().scenario());
        dir.write(Experiment.SAVED_SCENARIO, scenarioYaml.getBytes(StandardCharsets.UTF_8));
        dir.write(Sweep.EXPERIMENT, x.savedYaml().getBytes(StandardCharsets.UTF_8)); // names the scenario.yaml above

        // what is done: the union of runs.csv and the parts
        int total = Math.toIntExact(x.design().size(x.factors()) * x.replications());
        BitSet done = Parts.choose(dir, x, Parts.sources(dir)).done();
        int alreadyDone = done.cardinality();
        int[] todo = new int[total - alreadyDone];
        for (int run = 0, i = 0; run < total; run++) {
            if (!done.get(run)) {
                todo[i++] = run;
            }
        }
        long agentDays = HeapBudget.agents(x.base().regions(), x.scale()) * (long) x.days();
        int size = runsPerTask != null ? runsPerTask : defaultRunsPerTask(todo.length, sc.defaultParallelism(), agentDays);
        List<Batch> batches = Batch.cut(session(), todo, size);
        if (!batches.isEmpty()) {
            SweepPlan plan = SweepPlan.of(x, hash);
            plan.checkRoundTrip(x);
            Broadcast<SweepPlan> shared = sc.broadcast(plan);
            Broadcast<SerializableConfiguration> conf = sc.broadcast(new SerializableConfiguration(sc.hadoopConfiguration()));
            String uriText = uri.toString();
            sc.setJobDescription("exitvoice sweep " + x.name() + ": " + todo.length + " runs in " + batches.size() + " tasks");
            try {
                // one batch per task; each task writes its own parts, only a count comes back
                sc.parallelize(batches, batches.size())
                        .map(b -> BatchTask.run(shared.value(), b, OutputFolder.of(URI.create(uriText), uriText, conf.value().value())))
                        .collect();
            } finally {
                sc.clearJobGroup();
                shared.destroy();
                conf.destroy();
            }
        }

        // the parts become the local sweep's tables, derived in a local folder and copied over
        Path staging = Files.createTempDirectory("exitvoice-merge-");
        Parts.Merged merged;
        try {
            List<Parts.Source> sources = Parts.sources(dir);
            merged = Parts.merge(dir, x, sources, Parts.choose(dir, x, sources), staging);
            if (merged.missing() > 0) {
                throw new IllegalStateException(merged.missing() + " runs have no row after the job: "
                        + "run again with --resume");
            }
            Sweep.derive(x, staging, x.points());
            upload(dir, staging);
        } finally {
            Workload.deleteTree(staging);
        }
        dir.delete(Batch.PARTS); // all of it is in runs.csv now
        return new Outcome(out, total, alreadyDone, todo.length, batches.size(), size, merged.errors(),
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * About {@link #TASKS_PER_CORE} tasks per core, and no more runs in a task than fill about {@link #TASK_SECONDS}
     * on one core, for runs of {@code agentDaysPerRun} agent-days (agents x days).
     */
    static int defaultRunsPerTask(int runs, int cores, long agentDaysPerRun) {
        long perTask = -Math.floorDiv(-(long) runs, (long) TASKS_PER_CORE * Math.max(1, cores));
        long bySize = (long) (TASK_SECONDS / runSeconds(agentDaysPerRun));
        return (int) Math.max(1, Math.min(bySize, perTask));
    }

    /**
     * A run's time on one core, on the safe side: a fixed part (tables, 85 regions' days and reports) and a part per
     * agent-day. Measured on the development machine for 60 days: 0.016 s at scale 1000, 0.074 s at 100, 0.37 s at 10.
     */
    static double runSeconds(long agentDays) {
        return 0.02 + agentDays / 3e8;
    }

    private static void checkSameExperiment(OutputFolder dir, String hash, Experiment x) throws IOException, ScenarioException {
        if (!dir.isFile(Sweep.MANIFEST)) {
            throw Sweep.notASweep(dir.shown());
        }
        JsonNode m;
        try {
            m = new ObjectMapper().readTree(dir.read(Sweep.MANIFEST));
        } catch (IOException e) {
            throw new ScenarioException(dir.shown() + "/" + Sweep.MANIFEST, "unreadable: " + e.getMessage());
        }
        Sweep.checkHash(dir.shown(), hash, x, new ExperimentChanges.Before(m, readIfFile(dir, Sweep.EXPERIMENT),
                readIfFile(dir, Experiment.SAVED_SCENARIO)));
    }

    private static String readIfFile(OutputFolder dir, String name) throws IOException {
        return dir.isFile(name) ? new String(dir.read(name), StandardCharsets.UTF_8) : null;
    }

    /** runs.csv and timeseries.csv first, then the summaries and charts. */
    private static void upload(OutputFolder dir, Path staging) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(staging)) {
            files = new ArrayList<>(s.filter(Files::isRegularFile).toList());
        }
        List<Path> tables = List.of(staging.resolve(RunsJournal.RUNS), staging.resolve(RunsJournal.TIMESERIES));
        files.sort(java.util.Comparator.comparing(f -> !tables.contains(f)));
        for (Path f : files) {
            dir.upload(staging.relativize(f).toString().replace('\\', '/'), f);
        }
    }

    /** This job's tag in part names: UTC time, so later jobs sort later, and a random suffix. */
    private static String session() {
        String time = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC)
                .format(Instant.now());
        return time + "-" + String.format(Locale.ROOT, "%04x", new SecureRandom().nextInt(0x10000));
    }

    private static String duration(double seconds) {
        return seconds < 60 ? String.format(Locale.ROOT, "%.1f s", seconds)
                : String.format(Locale.ROOT, "%.1f min", seconds / 60);
    }

    private static String firstLine(String s) {
        String r = s == null ? "" : s.strip();
        int nl = r.indexOf('\n');
        return nl < 0 ? r : r.substring(0, nl);
    }

    /** A whole number of at least 1. */
    static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value.strip());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new TypeConversionException("must be a positive integer, got '" + value + "'");
        }
    }
}
