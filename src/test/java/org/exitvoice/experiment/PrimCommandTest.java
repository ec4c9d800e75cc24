package org.exitvoice.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code exitvoice prim} on a coarse sweep: the trajectory, the reported box, and bad input that writes nothing. */
class PrimCommandTest {
    @TempDir
    Path dir;

    private Path sweep() throws Exception {
        Path f = Experiments.file(dir, "levers.yaml", """
                design: {type: lhs, points: 40}
                replications: 1
                scale: 5000
                days: 8
                factors:
                  draft.misclassification: {min: 0, max: 0.4}
                  exitList.coverage: {min: 0, max: 1}
                metrics: [final.emigrated, sum.summons]
                """);
        Path out = dir.resolve("out");
        Experiments.Result r = Experiments.cli("sweep", f.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.exit(), r.err());
        return out;
    }

    @Test
    void primWritesTheTrajectoryFromEveryRunToADenserBoxAndMarksOneReported() throws Exception {
        Path out = sweep();
        double[] emigrated = Experiments.rows(out.resolve("runs.csv")).stream()
                .mapToDouble(r -> Double.parseDouble(r.get(6))).sorted().toArray();
        double median = emigrated[emigrated.length / 2];
        Experiments.Result r = Experiments.cli("prim", out.toString(), "--metric", "final.emigrated", "--above",
                String.valueOf(median));
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("prim.csv"));
        assertEquals("metric,rule,box,step,n,cases,mass,coverage,density,restricted,chosen,draft.misclassification_min,"
                + "draft.misclassification_max,exitList.coverage_min,exitList.coverage_max", lines.get(0));
        List<List<String>> rows = Experiments.rows(out.resolve("prim.csv"));
        List<String> whole = rows.get(0);
        long cases = java.util.Arrays.stream(emigrated).filter(v -> v > median).count();
        assertEquals(List.of("final.emigrated", "40", String.valueOf(cases), "1", "1"), List.of(whole.get(0), whole.get(4),
                whole.get(5), whole.get(6), whole.get(7)), "box 0 holds every run and every case");
        assertEquals(1, rows.stream().filter(row -> row.get(10).equals("true")).count(), "one box reported");
        List<String> reported = rows.stream().filter(row -> row.get(10).equals("true")).findFirst().orElseThrow();
        assertTrue(Double.parseDouble(reported.get(8)) > Double.parseDouble(whole.get(8)), "denser than the whole: " + reported);
        assertTrue(Double.parseDouble(reported.get(7)) >= 0.5, "at least half the cases: " + reported);
        assertTrue(Files.size(out.resolve("charts/prim_final_emigrated.png")) > 5_000);
        assertTrue(Files.readString(out.resolve("charts/prim_final_emigrated.svg")).contains("<svg"));
        assertTrue(r.out().contains("without it: coverage"), r.out());

        Experiments.Result byColumn = Experiments.cli("prim", out.toString(), "--metric", "sum_summons", "--below",
                "1e12", "--paste");
        assertEquals(2, byColumn.exit(), "every run is below: nothing to find");
        assertEquals("--below: every run of 40 has sum.summons < 1000000000000; choose a threshold between its values",
                byColumn.err().strip());
    }

    @Test
    void badInputIsOneLineAndWritesNothing() throws Exception {
        Path out = sweep();
        Experiments.Result metric = Experiments.cli("prim", out.toString(), "--metric", "peak.emigrated", "--above", "1");
        assertEquals(2, metric.exit());
        assertEquals("--metric: 'peak.emigrated' is not a metric of this sweep; its metrics: final.emigrated, sum.summons",
                metric.err().strip());
        Experiments.Result both = Experiments.cli("prim", out.toString(), "--metric", "final.emigrated", "--above", "1",
                "--below", "2");
        assertEquals(2, both.exit());
        assertEquals(1, both.err().strip().lines().count(), both.err());
        Experiments.Result alpha = Experiments.cli("prim", out.toString(), "--metric", "final.emigrated", "--above", "1",
                "--alpha", "0");
        assertEquals(2, alpha.exit());
        assertTrue(alpha.err().startsWith("exitvoice: --alpha: must be between 0 and 1"), alpha.err());
        Experiments.Result notSweep = Experiments.cli("prim", dir.toString(), "--metric", "final.emigrated", "--above", "1");
        assertEquals(2, notSweep.exit());
        assertEquals(dir + ": not a sweep folder (no sweep.json)", notSweep.err().strip());
        assertTrue(Files.notExists(out.resolve("prim.csv")) && Files.notExists(out.resolve("charts/prim_final_emigrated.png")));
    }
}
