package org.exitvoice.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A finished sweep grows by more replications, as if run at that size at once, and keeps chosen runs' folders. */
class SweepExtensionTest {
    @TempDir
    Path dir;

    private Path experiment() throws Exception {
        return Experiments.file(dir, "x.yaml", """
                design: {type: factorial}
                replications: 2
                scale: 5000
                days: 6
                factors:
                  exitList.coverage: [0, 1]
                  enforcement.intensity: [0.3, 1]
                metrics: [final.emigrated, sum.summons]
                """);
    }

    @Test
    void moreReplicationsOnAFinishedSweepGiveTheRowsOfTheBiggerSweepRunAtOnce() throws Exception {
        Path f = experiment();
        Path grown = dir.resolve("grown"), once = dir.resolve("once");
        Experiments.Result small = Experiments.cli("sweep", f.toString(), "--out", grown.toString(), "--quiet");
        assertEquals(0, small.exit(), small.err());
        List<List<String>> before = Experiments.comparableRuns(grown);
        Experiments.Result more = Experiments.cli("sweep", f.toString(), "--out", grown.toString(), "--replications", "5",
                "--resume", "--quiet");
        assertEquals(0, more.exit(), more.err());
        assertTrue(more.out().contains("20 (4 points x 5 replications): 12 run now, 8 done before"), more.out());
        Experiments.Result big = Experiments.cli("sweep", f.toString(), "--out", once.toString(), "--replications", "5",
                "--quiet");
        assertEquals(0, big.exit(), big.err());

        List<List<String>> after = Experiments.comparableRuns(grown);
        assertEquals(Experiments.comparableRuns(once), after, "every row but wall_s, in run order");
        for (List<String> row : before) {
            // run = point x 2 + replication before, point x 5 + replication after; the rest of the row is the same
            int run = Integer.parseInt(row.get(1)) * 5 + Integer.parseInt(row.get(2));
            assertEquals(row.subList(1, row.size()), after.get(run).subList(1, row.size()), "run " + row.get(0) + " kept");
        }
        assertEquals(Files.readString(once.resolve("summary.csv")), Files.readString(grown.resolve("summary.csv")));
        assertTrue(Files.readString(grown.resolve("sweep.json")).contains("\"replications\" : 5"));

        Experiments.Result fewer = Experiments.cli("sweep", f.toString(), "--out", grown.toString(), "--replications", "3",
                "--resume", "--quiet");
        assertEquals(2, fewer.exit(), "fewer replications would drop runs: refused");
        assertTrue(fewer.err().contains("replications 5 → 3"), fewer.err());
    }

    @Test
    void keptRunsGetTheFolderARunWritesWithTheRowsNumbers() throws Exception {
        Path f = experiment();
        Path out = dir.resolve("out");
        Experiments.Result r = Experiments.cli("sweep", f.toString(), "--out", out.toString(), "--keep-runs", "1,6",
                "--quiet");
        assertEquals(0, r.exit(), r.err());
        List<List<String>> runs = Experiments.comparableRuns(out);
        for (int run : new int[] {1, 6}) {
            Path kept = Sweep.keptFolder(out, run / 2, run % 2);
            assertTrue(Files.exists(kept.resolve("report.html")) && Files.exists(kept.resolve("charts/emigration.png")));
            List<String> national = Files.readAllLines(kept.resolve("national.csv"));
            String lastDay = national.get(national.size() - 1);
            // final.emigrated is the last day's emigrated column (the sixth) of the kept run's national.csv
            assertEquals(runs.get(run).get(6), lastDay.split(",")[5], "run " + run);
        }
        assertEquals(2, Files.list(out.resolve(Sweep.KEPT)).count(), "only the runs asked for");

        // asked for on a resume, a run done before is run again for its folder alone
        Experiments.Result again = Experiments.cli("sweep", f.toString(), "--out", out.toString(), "--keep-runs", "3",
                "--resume", "--quiet");
        assertEquals(0, again.exit(), again.err());
        assertTrue(Files.exists(out.resolve("runs/point-1-replication-1/national.csv")), "run 3 = point 1 x 2 + 1");
        assertEquals(runs, Experiments.comparableRuns(out), "the journal is as it was");

        Experiments.Result bad = Experiments.cli("sweep", f.toString(), "--out", dir.resolve("never").toString(),
                "--keep-runs", "8", "--quiet");
        assertEquals(2, bad.exit());
        List<String> err = bad.err().strip().lines().toList(); // after the scenario's warnings about days 6 of 60
        assertEquals("--keep-runs: 8 is not a run of this sweep (0..7)", err.get(err.size() - 1));
        assertTrue(Files.notExists(dir.resolve("never")));
    }

    @Test
    void aSweepWithTimeseriesIsNotExtendedAndIsLeftAsItWas() throws Exception {
        Path f = Experiments.file(dir, "t.yaml", """
                replications: 1
                scale: 5000
                days: 3
                factors:
                  exitList.coverage: [0, 1]
                metrics: [final.emigrated]
                timeseries: [emigrated]
                """);
        Path out = dir.resolve("t");
        assertEquals(0, Experiments.cli("sweep", f.toString(), "--out", out.toString(), "--quiet").exit());
        String runs = Files.readString(out.resolve("runs.csv")), series = Files.readString(out.resolve("timeseries.csv"));
        Experiments.Result r = Experiments.cli("sweep", f.toString(), "--out", out.toString(), "--replications", "2",
                "--resume", "--quiet");
        assertEquals(2, r.exit());
        List<String> err = r.err().strip().lines().toList();
        assertEquals(out + ": cannot add replications to a sweep with timeseries (its timeseries.csv names runs by number,"
                + " which more replications change); choose another --out", err.get(err.size() - 1));
        assertEquals(runs, Files.readString(out.resolve("runs.csv")));
        assertEquals(series, Files.readString(out.resolve("timeseries.csv")));
    }
}
