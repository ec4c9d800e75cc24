package org.exitvoice.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare}: the same seeds for both scenarios, so a scenario against itself differs by exactly nothing. */
class CompareTest {
    @TempDir
    Path dir;

    @Test
    void aScenarioAgainstItselfDiffersByExactlyZero() throws Exception {
        Path out = dir.resolve("self");
        Experiments.Result r = Experiments.cli("compare", "params/sep2022.yaml", "params/sep2022.yaml", "--replications", "3",
                "--scale", "4000", "--days", "8", "--out", out.toString(), "--quiet");
        assertEquals(0, r.exit(), r.err());
        List<List<String>> diffs = Experiments.rows(out.resolve("differences.csv"));
        assertEquals(Metric.SUMMARY.size(), diffs.size(), "the closing summary's metrics by default");
        for (List<String> d : diffs) {
            if (!d.get(1).equals("0")) { // firstDay.mobilized>=target never occurs in 8 days: no pairs
                assertEquals(List.of("3", "0", "0", "0"), List.of(d.get(1), d.get(4), d.get(5), d.get(6)), d.get(0));
            }
        }
        for (String f : List.of("report.html", "runs.csv", "manifest.json", "charts/emigrated.png", "charts/emigrated.svg")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(Files.readString(out.resolve("report.html")).contains("<svg"), "charts inline in the report");
        assertTrue(r.out().contains("final.emigrated"), r.out());
    }

    @Test
    void withoutExitListsMoreMenLeaveAndTheIntervalExcludesZero() throws Exception {
        // lists that catch every summoned man at once make the effect clear at a coarse scale and in few runs
        Path out = dir.resolve("lists");
        Experiments.Result r = Experiments.cli("compare", "params/sep2022.yaml", "params/no-exit-lists.yaml",
                "--replications", "8", "--scale", "1000", "--days", "25", "--set", "exitList.coverage=1",
                "--set", "exitList.delayDays=0", "--metrics", "final.emigrated,sum.turned_back", "--out", out.toString(), "--quiet");
        assertEquals(0, r.exit(), r.err());
        List<List<String>> diffs = Experiments.rows(out.resolve("differences.csv"));
        List<String> emigrated = diffs.get(0);
        assertEquals("final_emigrated", emigrated.get(0));
        assertTrue(Double.parseDouble(emigrated.get(4)) > 0, "more emigration without lists: " + emigrated);
        assertTrue(Double.parseDouble(emigrated.get(5)) > 0, "90 % interval above 0: " + emigrated);
        List<String> turnedBack = diffs.get(1);
        assertTrue(Double.parseDouble(turnedBack.get(6)) < 0, "fewer men turned back: " + turnedBack);
        List<List<String>> runs = Experiments.rows(out.resolve("runs.csv"));
        assertEquals(16, runs.size());
        assertEquals(runs.get(0).get(2), runs.get(8).get(2), "replication 0 of A and of B share a seed");
    }
}
