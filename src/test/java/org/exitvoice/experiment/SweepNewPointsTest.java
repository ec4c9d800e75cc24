package org.exitvoice.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finished factorial sweep grows by new levels of its factors, as if run at that size at once; what cannot grow
 * honestly (points that would move, runs that would be lost) is refused in one line, the folder left as it was.
 */
class SweepNewPointsTest {
    @TempDir
    Path dir;

    private Path experiment(String name, String coverage) throws IOException {
        return Experiments.file(dir, name, """
                design: {type: factorial}
                replications: 2
                scale: 5000
                days: 10
                factors:
                  exitList.coverage: %s
                  enforcement.intensity: [0.3, 1]
                metrics: [final.emigrated, sum.summons]
                """.formatted(coverage));
    }

    @Test
    void newLevelsOnAFinishedFactorialSweepGiveTheRowsOfTheBiggerSweepRunAtOnce() throws Exception {
        Path grown = dir.resolve("grown"), once = dir.resolve("once");
        Path small = experiment("x.yaml", "[0, 0.5]");
        Experiments.Result first = Experiments.cli("sweep", small.toString(), "--out", grown.toString(), "--quiet");
        assertEquals(0, first.exit(), first.err());
        List<List<String>> before = Experiments.rows(grown.resolve(RunsJournal.RUNS)); // wall_s and all

        // the same file, edited: two levels added, one of them between the old ones (every point after it renumbered)
        Path big = experiment("x.yaml", "[0, 0.25, 0.5, 1]");
        Experiments.Result more = Experiments.cli("sweep", big.toString(), "--out", grown.toString(), "--resume", "--quiet");
        assertEquals(0, more.exit(), more.err());
        assertTrue(more.out().contains("16 (8 points x 2 replications): 8 run now, 8 done before"), more.out());
        Experiments.Result at = Experiments.cli("sweep", big.toString(), "--out", once.toString(), "--quiet");
        assertEquals(0, at.exit(), at.err());

        assertEquals(byValues(Experiments.comparableRuns(once)), byValues(Experiments.comparableRuns(grown)),
                "every row but wall_s, sorted by the factors' values and the replication");
        List<List<String>> after = Experiments.rows(grown.resolve(RunsJournal.RUNS));
        for (List<String> row : before) {
            // a run done before is kept as it was (its wall_s too: not run again), under its new run and point numbers
            List<String> same = after.stream().filter(r -> r.subList(2, r.size()).equals(row.subList(2, row.size())))
                    .findFirst().orElseThrow(() -> new AssertionError("run " + row.get(0) + " not kept: " + row));
            assertEquals(Integer.parseInt(same.get(1)) * 2 + Integer.parseInt(same.get(2)), Integer.parseInt(same.get(0)));
        }
        assertEquals(Files.readString(once.resolve("summary.csv")), Files.readString(grown.resolve("summary.csv")));
        assertTrue(Files.readString(grown.resolve(Sweep.MANIFEST)).contains("\"points\" : 8"));
        assertTrue(Files.readString(grown.resolve(Sweep.EXPERIMENT)).contains("exitList.coverage: [0, 0.25, 0.5, 1]"));
        List<String> charts = chartNames(grown);
        assertEquals(chartNames(once), charts);
        assertEquals(2, charts.stream().filter(c -> c.endsWith(".svg")).count(), "a heat map per metric: " + charts);
        for (String svg : charts.stream().filter(c -> c.endsWith(".svg")).toList()) {
            // each heat map drawn over all eight cells, as the bigger sweep's is
            assertEquals(Files.readString(once.resolve("charts").resolve(svg)),
                    Files.readString(grown.resolve("charts").resolve(svg)), svg);
        }
        assertTrue(Files.readString(grown.resolve("report.html")).contains("0.25"), "the report shows the new points");
    }

    @Test
    void newLevelsAndMoreReplicationsTogetherGrowASweepToTheBiggerOneAndAKilledExtensionCompletesWithTheSameCommand() throws Exception {
        String body = """
                scale: 5000
                days: 3
                metrics: [final.emigrated]
                factors:
                  exitList.coverage: %s
                """;
        Path grown = dir.resolve("grown"), once = dir.resolve("once");
        sweep(Experiments.file(dir, "y.yaml", body.formatted("[0, 1]")), grown);
        String manifestBefore = Files.readString(grown.resolve(Sweep.MANIFEST));
        String experimentBefore = Files.readString(grown.resolve(Sweep.EXPERIMENT));
        Path big = Experiments.file(dir, "y.yaml", body.formatted("{min: 0, max: 1, steps: 3}"));
        Experiments.Result more = Experiments.cli("sweep", big.toString(), "--out", grown.toString(), "--replications",
                "2", "--resume", "--quiet");
        assertEquals(0, more.exit(), more.err());
        assertTrue(more.out().contains("6 (3 points x 2 replications): 4 run now, 2 done before"), more.out());
        Experiments.Result at = Experiments.cli("sweep", big.toString(), "--out", once.toString(), "--replications", "2",
                "--quiet");
        assertEquals(0, at.exit(), at.err());
        assertEquals(Experiments.comparableRuns(once), Experiments.comparableRuns(grown), "every row but wall_s");

        // the grown folder is the bigger sweep's: the same command again has nothing left to run
        Experiments.Result again = Experiments.cli("sweep", big.toString(), "--out", grown.toString(), "--replications",
                "2", "--resume", "--quiet");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("0 run now, 6 done before"), again.out());

        // killed after its runs but before sweep.json and experiment.yaml told of the new grid: the same command
        // recognises the extension again, finds every run by its values and has nothing left to run
        Files.writeString(grown.resolve(Sweep.MANIFEST), manifestBefore);
        Files.writeString(grown.resolve(Sweep.EXPERIMENT), experimentBefore);
        Experiments.Result killed = Experiments.cli("sweep", big.toString(), "--out", grown.toString(), "--replications",
                "2", "--resume", "--quiet");
        assertEquals(0, killed.exit(), killed.err());
        assertTrue(killed.out().contains("0 run now, 6 done before"), killed.out());
        assertEquals(Experiments.comparableRuns(once), Experiments.comparableRuns(grown));
        assertEquals(Files.readString(once.resolve(Sweep.EXPERIMENT)), Files.readString(grown.resolve(Sweep.EXPERIMENT)));
    }

    @Test
    void whatNewLevelsCannotExtendIsRefusedInOneLineAndTheFolderIsLeftAsItWas() throws Exception {
        String base = """
                replications: 1
                scale: 5000
                days: 3
                metrics: [final.emigrated]
                """;
        Path out = dir.resolve("f");
        sweep(Experiments.file(dir, "f.yaml", base + "factors:\n  exitList.coverage: [0, 0.5]\n"), out);
        refused(Experiments.file(dir, "f.yaml", base + "factors:\n  exitList.coverage: [0, 1]\n"), out,
                "cannot remove levels from a sweep: factor exitList.coverage [0, 0.5] → [0, 1] drops 0.5, whose runs"
                        + " would be lost (put them back to add levels, or choose another --out)");
        refused(Experiments.file(dir, "f.yaml", base + "factors:\n  enforcement.intensity: [0, 0.5, 1]\n"), out,
                "cannot add points: the factors were [exitList.coverage], now [enforcement.intensity]; a sweep grows by"
                        + " new levels of the same factors in the same order (its runs are found by each factor's name"
                        + " and value), not by other factors; choose another --out");

        // kept runs' folders are named by point number, which the new level would change under them
        Path kept = dir.resolve("kept");
        Path keeping = Experiments.file(dir, "k.yaml", base + "factors:\n  exitList.coverage: [0, 1]\n");
        Experiments.Result r = Experiments.cli("sweep", keeping.toString(), "--out", kept.toString(), "--keep-runs", "1",
                "--quiet");
        assertEquals(0, r.exit(), r.err());
        refused(Experiments.file(dir, "k.yaml", base + "factors:\n  exitList.coverage: [0, 0.5, 1]\n"), kept,
                "cannot add points to a sweep with kept runs (runs/point-P-replication-R/ are named by point number,"
                        + " which new levels change); choose another --out");

        // points drawn for the design's size: a bigger LHS is another sample, not more of this one
        Path lhs = dir.resolve("lhs");
        String sampled = base + "factors:\n  exitList.coverage: {min: 0, max: 1}\n";
        sweep(Experiments.file(dir, "l.yaml", "design: {type: lhs, points: 2}\n" + sampled), lhs);
        refused(Experiments.file(dir, "l.yaml", "design: {type: lhs, points: 3}\n" + sampled), lhs,
                "cannot add points to a sweep with a sampled design (lhs, 2 points → lhs, 3 points): its points are"
                        + " drawn for its size and ranges, and any change moves every point, so no run done is a run of"
                        + " the new design; choose another --out");

        Path series = dir.resolve("t");
        String withSeries = base + "timeseries: [emigrated]\nfactors:\n  exitList.coverage: ";
        sweep(Experiments.file(dir, "t.yaml", withSeries + "[0, 1]\n"), series);
        refused(Experiments.file(dir, "t.yaml", withSeries + "[0, 0.5, 1]\n"), series,
                "cannot add points to a sweep with timeseries (its timeseries.csv names runs by number, which new"
                        + " points change); choose another --out");

        // without common random numbers a point's seeds follow its number: the runs kept would not be the new ones'
        Path own = dir.resolve("own");
        String ownSeeds = base + "commonRandomNumbers: false\nfactors:\n  exitList.coverage: ";
        sweep(Experiments.file(dir, "o.yaml", ownSeeds + "[0, 1]\n"), own);
        refused(Experiments.file(dir, "o.yaml", ownSeeds + "[0, 0.5, 1]\n"), own,
                "cannot add points to a sweep seeded point by point (commonRandomNumbers: false): a point's seeds follow"
                        + " its number, which new levels change, so the runs done would not be the new design's; choose"
                        + " another --out");
    }

    private static void sweep(Path experiment, Path out) {
        Experiments.Result r = Experiments.cli("sweep", experiment.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.exit(), r.err());
    }

    /** Resuming {@code out} with {@code experiment} exits 2 with {@code why} as its last line, and writes nothing. */
    private static void refused(Path experiment, Path out, String why) throws IOException {
        Map<String, String> was = files(out);
        Experiments.Result r = Experiments.cli("sweep", experiment.toString(), "--out", out.toString(), "--resume", "--quiet");
        assertEquals(2, r.exit(), r.err());
        List<String> err = r.err().strip().lines().toList(); // after the scenario's warnings about its few days
        assertEquals(out + ": " + why, err.get(err.size() - 1));
        assertEquals(was, files(out), "nothing written");
    }

    /** Every file under {@code dir} by its relative path, with its bytes as text. */
    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    private static List<String> chartNames(Path out) throws IOException {
        try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
            return charts.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Rows (run and point first, the factors from the fourth cell on) sorted by the factors' values, then replication. */
    private static List<List<String>> byValues(List<List<String>> rows) {
        List<List<String>> out = new ArrayList<>(rows);
        Comparator<List<String>> order = Comparator.comparingDouble(r -> Double.parseDouble(r.get(4)));
        order = order.thenComparingDouble(r -> Double.parseDouble(r.get(5)))
                .thenComparingInt(r -> Integer.parseInt(r.get(2)));
        out.sort(order);
        return out;
    }
}
