package org.exitvoice.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.exitvoice.experiment.Experiment;
import org.exitvoice.experiment.ExperimentFile;
import org.exitvoice.experiment.Sweep;
import org.exitvoice.experiment.SweepProgress;
import org.exitvoice.scenario.ScenarioException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The experiment sweep on Spark in local mode, two threads and two attempts per task (so a failed task is retried):
 * the same rows as the local sweep, retries without duplicates, resume from the parts of a job that died.
 */
class SparkSweepTest {
    /** 2 x 2 points x 2 replications = 8 short, coarse runs, with timeseries (as in SweepTest). */
    private static final String SMALL = """
            design: {type: factorial}
            replications: 2
            seed: 7
            scale: 4000
            days: 8
            factors:
              exitList.coverage: [0, 1]
              enforcement.intensity: {min: 0.5, max: 1, steps: 2}
            metrics:
              - final.emigrated
              - peak.protesters
              - final.crossed[Kazakhstan]
              - firstDay.mobilized>=target
            timeseries: [emigrated, hiding]
            """;

    static JavaSparkContext sc;
    @TempDir
    static Path shared;
    static Experiment x;
    /** The local sweep of SMALL: what every Spark sweep here must give. */
    static Path reference;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        SparkConf conf = new SparkConf().setMaster("local[2,2]").setAppName("exitvoice-test")
                .set("spark.ui.enabled", "false") // no Jetty port
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        sc = new JavaSparkContext(conf);
        Path file = shared.resolve("small.yaml");
        Files.writeString(file, "scenario: " + Path.of("params/sep2022.yaml").toAbsolutePath().toString().replace('\\', '/')
                + "\n" + SMALL, StandardCharsets.UTF_8);
        x = ExperimentFile.read(file, ExperimentFile.Overrides.NONE);
        reference = shared.resolve("local");
        new Sweep(x, reference, 2).run(false, SweepProgress.none());
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.stop();
        }
    }

    @AfterEach
    void noFaults() {
        BatchTask.faults = null;
    }

    @Test
    void aSparkSweepGivesTheLocalSweepsRowsSummariesAndCharts() throws Exception {
        Path out = dir.resolve("spark");
        SparkSweep.Outcome o = SparkSweep.run(sc, x, out.toString(), false, 3);
        assertEquals(8, o.total());
        assertEquals(8, o.ran());
        assertEquals(3, o.tasks(), "8 runs in tasks of 3");
        assertEquals(0, o.failed());

        assertEquals(comparableRuns(reference), comparableRuns(out), "the same rows, sorted by run, without wall_s");
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7"), rows(out.resolve("runs.csv")).stream().map(r -> r.get(0)).toList(),
                "one job: already sorted by run");
        assertEquals(sorted(rows(reference.resolve("timeseries.csv"))), sorted(rows(out.resolve("timeseries.csv"))));
        assertEquals(Files.readString(reference.resolve("summary.csv")), Files.readString(out.resolve("summary.csv")));
        assertEquals(Files.readString(reference.resolve("experiment.yaml")), Files.readString(out.resolve("experiment.yaml")));
        assertEquals(hash(reference), hash(out), "the same sweep.json hash: either runner can resume the other's folder");
        try (Stream<Path> charts = Files.list(reference.resolve("charts"))) {
            for (Path chart : charts.toList()) {
                assertTrue(Files.size(out.resolve("charts").resolve(chart.getFileName())) > 1000, chart.getFileName().toString());
            }
        }
        assertFalse(Files.exists(out.resolve(Batch.PARTS)), "the parts are in runs.csv now");
        try (Stream<Path> files = Files.walk(out)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".crc") || n.endsWith(".tmp")).toList());
        }
    }

    @Test
    void aTaskThatFailsOnceIsRetriedWithoutDuplicateRows() throws Exception {
        AtomicInteger simulated = new AtomicInteger();
        AtomicBoolean afterWritten = new AtomicBoolean();
        AtomicBoolean beforeWritten = new AtomicBoolean();
        BatchTask.faults = new BatchTask.Faults() {
            @Override
            public void beforeRun(int run) {
                simulated.incrementAndGet();
            }

            @Override
            public void beforeParts(Batch b) {
                if (b.runs()[0] == 3 && beforeWritten.compareAndSet(false, true)) {
                    throw new IllegalStateException("injected: executor lost before its parts");
                }
            }

            @Override
            public void afterParts(Batch b) {
                if (b.runs()[0] == 0 && afterWritten.compareAndSet(false, true)) {
                    throw new IllegalStateException("injected: executor lost after its parts");
                }
            }
        };
        Path out = dir.resolve("spark");
        SparkSweep.Outcome o = SparkSweep.run(sc, x, out.toString(), false, 3);
        assertTrue(afterWritten.get() && beforeWritten.get(), "both faults happened");
        assertEquals(0, o.failed(), "a task's failure is no run's error");
        assertEquals(8 + 3, simulated.get(), "the task that died before its parts ran again; the one that died after did not");
        List<List<String>> rows = comparableRuns(out);
        Set<String> ids = new HashSet<>();
        rows.forEach(r -> assertTrue(ids.add(r.get(0)), "run " + r.get(0) + " once"));
        assertEquals(comparableRuns(reference), rows);
        assertEquals(sorted(rows(reference.resolve("timeseries.csv"))), sorted(rows(out.resolve("timeseries.csv"))),
                "no series rows twice either");
    }

    @Test
    void aJobThatDiedIsResumedFromItsPartsAndRunsOnlyWhatIsMissing() throws Exception {
        // batches of 2: those from run 4 on always fail, so Spark gives up after the second attempt
        BatchTask.faults = new BatchTask.Faults() {
            @Override
            public void beforeParts(Batch b) {
                if (b.runs()[0] >= 4) {
                    throw new IllegalStateException("injected: this batch never finishes");
                }
            }
        };
        Path out = dir.resolve("spark");
        Exception died = assertThrows(Exception.class, () -> SparkSweep.run(sc, x, out.toString(), false, 2));
        assertInstanceOf(SparkException.class, died);
        assertFalse(Files.exists(out.resolve("runs.csv")), "the job never got to the end");
        List<Path> parts = runsParts(out);
        assertFalse(parts.isEmpty(), "the batches of runs 0-3 finished: " + parts);
        // one of the kept runs had failed: resume runs it again
        Path first = parts.get(0);
        List<String> lines = new ArrayList<>(Files.readAllLines(first));
        lines.set(lines.size() - 1, lines.get(lines.size() - 1).replaceFirst(",$", ",model exploded"));
        Files.write(first, lines);
        int kept = 0;
        for (Path p : parts) {
            kept += rows(p).size();
        }
        BatchTask.faults = null;

        ScenarioException exists = assertThrows(ScenarioException.class, () -> SparkSweep.run(sc, x, out.toString(), false, 2));
        assertTrue(exists.getMessage().contains("--resume"), exists.getMessage());
        Experiment more = ExperimentFile.read(x.file(), new ExperimentFile.Overrides(3, null, null));
        ScenarioException changed = assertThrows(ScenarioException.class, () -> SparkSweep.run(sc, more, out.toString(), true, 2));
        assertTrue(changed.getMessage().contains("changed"), changed.getMessage());

        AtomicInteger simulated = new AtomicInteger();
        BatchTask.faults = new BatchTask.Faults() {
            @Override
            public void beforeRun(int run) {
                simulated.incrementAndGet();
            }
        };
        SparkSweep.Outcome o = SparkSweep.run(sc, x, out.toString(), true, 2);
        assertEquals(kept - 1, o.alreadyDone(), "the good rows of the parts are kept");
        assertEquals(8 - (kept - 1), o.ran());
        assertEquals(o.ran(), simulated.get(), "no run done twice");
        assertEquals(comparableRuns(reference), comparableRuns(out));
        assertEquals(sorted(rows(reference.resolve("timeseries.csv"))), sorted(rows(out.resolve("timeseries.csv"))));
    }

    @Test
    void theCommandLineExitsOneOnErrorRowsTwoOnAnExistingFolderAndResumesALocalSweep() throws Exception {
        BatchTask.faults = new BatchTask.Faults() {
            @Override
            public void beforeRun(int run) {
                if (run == 5) {
                    throw new IllegalStateException("model exploded\nat day 3");
                }
            }
        };
        String out = dir.resolve("cli").toUri().toString(); // a URI, as for any Hadoop file system
        Result failed = cli(x.file().toString(), "--out", out, "--runs-per-task", "4");
        assertEquals(1, failed.exit(), failed.err());
        assertTrue(failed.err().contains("1 of 8 runs failed"), failed.err());
        List<List<String>> rows = comparableRuns(dir.resolve("cli"));
        assertEquals("java.lang.IllegalStateException: model exploded at day 3", rows.get(5).get(rows.get(5).size() - 1));
        assertEquals(8, rows.size());
        BatchTask.faults = null;

        Result refused = cli(x.file().toString(), "--out", out);
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("already exists: add --resume"), refused.err());

        Result resumed = cli(x.file().toString(), "--out", out, "--resume", "--quiet");
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.out().contains("1 run now, 7 done before, 0 failed"), resumed.out());
        assertEquals(comparableRuns(reference), comparableRuns(dir.resolve("cli")));

        assertEquals(2, cli(x.file().toString(), "--out", out, "--runs-per-task", "0").exit());

        // a folder of the local sweep: the same hash, nothing left to run, the tables derived again
        Path copy = dir.resolve("copy");
        copyTree(reference, copy);
        Result local = cli(x.file().toString(), "--out", copy.toString(), "--resume", "--quiet");
        assertEquals(0, local.exit(), local.err());
        assertTrue(local.out().contains("0 run now, 8 done before"), local.out());
        assertEquals(comparableRuns(reference), comparableRuns(copy));
        assertEquals(Files.readString(reference.resolve("summary.csv")), Files.readString(copy.resolve("summary.csv")));
    }

    @Test
    void theDefaultBatchIsAboutFourTasksPerCoreAndAtMostTwentySecondsOfRuns() {
        long atScale1000 = 41_700L * 60, atScale10 = 4_170_000L * 60, atScale1 = 41_700_000L * 60;
        assertEquals(32, SparkSweep.defaultRunsPerTask(250, 2, atScale1000)); // ceil(250 / 8)
        // 20 s / (0.02 + 2.502e6 / 3e8 s) = 705 runs; ceil(100,000 / 256) = 391 is fewer
        assertEquals(391, SparkSweep.defaultRunsPerTask(100_000, 64, atScale1000));
        assertEquals(705, SparkSweep.defaultRunsPerTask(1_000_000, 64, atScale1000));
        assertEquals(23, SparkSweep.defaultRunsPerTask(100_000, 64, atScale10)); // 20 / (0.02 + 0.834)
        assertEquals(2, SparkSweep.defaultRunsPerTask(100_000, 64, atScale1)); // 20 / 8.36 s
        assertEquals(1, SparkSweep.defaultRunsPerTask(3, 8, atScale1000));
        assertArrayEquals(new int[] {6, 7}, Batch.cut("s", new int[] {0, 1, 2, 3, 4, 5, 6, 7}, 3).get(2).runs());
        assertEquals("parts/runs-s-0000000006.csv", Batch.cut("s", new int[] {6, 7}, 3).get(0).runsPart());
        assertEquals("timeseries-s-0000000006.csv", Batch.seriesOf("runs-s-0000000006.csv"));
    }

    // ---------------------------------------------------------------- helpers

    record Result(int exit, String out, String err) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SparkSweep.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), sc);
        return new Result(exit, out.toString(), err.toString());
    }

    private static List<Path> runsParts(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.resolve(Batch.PARTS))) {
            return s.filter(p -> p.getFileName().toString().startsWith("runs-")).sorted().toList();
        }
    }

    private static String hash(Path out) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("sweep.json").toFile()).path("hash").asText();
    }

    /** A CSV file's rows (header skipped), each as its cells. */
    static List<List<String>> rows(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv); CSVParser p = CSVFormat.DEFAULT.parse(r)) {
            List<List<String>> out = new ArrayList<>();
            for (CSVRecord rec : p.getRecords()) {
                out.add(rec.toList());
            }
            return out.subList(1, out.size());
        }
    }

    /** runs.csv's rows sorted by run id, without the wall_s column: "identical" in the sense. */
    static List<List<String>> comparableRuns(Path dir) throws IOException {
        Path csv = dir.resolve("runs.csv");
        List<String> header = Files.readAllLines(csv).get(0).transform(h -> List.of(h.split(",")));
        int wall = header.indexOf("wall_s");
        List<List<String>> out = new ArrayList<>();
        for (List<String> row : rows(csv)) {
            List<String> copy = new ArrayList<>(row);
            copy.remove(wall);
            out.add(copy);
        }
        out.sort(Comparator.comparingInt(r -> Integer.parseInt(r.get(0))));
        return out;
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.<List<String>>comparingInt(r -> Integer.parseInt(r.get(0))).thenComparingInt(r -> Integer.parseInt(r.get(1))));
        return copy;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
