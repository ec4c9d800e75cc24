package org.exitvoice.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
            assertEquals("sep2022 (B)", d.get(0), "the compared scenario, told apart from A by a letter");
            if (!d.get(2).equals("0")) { // firstDay.mobilized>=target never occurs in 8 days: no pairs
                assertEquals(List.of("3", "0", "0", "0"), List.of(d.get(2), d.get(5), d.get(6), d.get(7)), d.get(1));
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
                "--set", "exitList.delayDays=0", "--set", "emigration.maxWaitDays=365", // no balking: turned back = stopped
                "--metrics", "final.emigrated,sum.turned_back", "--out", out.toString(), "--quiet");
        assertEquals(0, r.exit(), r.err());
        List<List<String>> diffs = Experiments.rows(out.resolve("differences.csv"));
        List<String> emigrated = diffs.get(0);
        assertEquals("final_emigrated", emigrated.get(1));
        assertTrue(Double.parseDouble(emigrated.get(5)) > 0, "more emigration without lists: " + emigrated);
        assertTrue(Double.parseDouble(emigrated.get(6)) > 0, "90 % interval above 0: " + emigrated);
        List<String> turnedBack = diffs.get(1);
        assertTrue(Double.parseDouble(turnedBack.get(7)) < 0, "fewer men turned back: " + turnedBack);
        List<List<String>> runs = Experiments.rows(out.resolve("runs.csv"));
        assertEquals(16, runs.size());
        assertEquals(runs.get(0).get(2), runs.get(8).get(2), "replication 0 of A and of B share a seed");
    }

    private static final String[] COARSE = {"--replications", "3", "--scale", "5000", "--days", "12", "--quiet",
            "--metrics", "final.emigrated,sum.turned_back,sum.crossed@day3.."};

    private Experiments.Result compare(String out, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("compare"));
        all.addAll(List.of(args));
        all.addAll(List.of(COARSE));
        all.addAll(List.of("--out", dir.resolve(out).toString()));
        return Experiments.cli(all.toArray(String[]::new));
    }

    /** differences.csv without its scenario column: the numbers alone. */
    private List<List<String>> numbers(String out) throws Exception {
        return Experiments.rows(dir.resolve(out).resolve("differences.csv")).stream().map(r -> r.subList(1, r.size())).toList();
    }

    @Test
    void setBMovesALeverInAOnlyAndGivesWhatAFileWithThatValueGives() throws Exception {
        Path moved = dir.resolve("covered.yaml");
        Files.writeString(moved, "extends: " + Experiments.SEP2022.toString().replace('\\', '/')
                + "\nemigration:\n  attachment: 100\nexitList:\n  coverage: 1\n");
        Experiments.Result b = compare("set-b", "params/sep2022.yaml", "--set-b", "emigration.attachment=100", "--set-b",
                "exitList.coverage=1");
        assertEquals(0, b.exit(), b.err());
        Experiments.Result file = compare("file", "params/sep2022.yaml", moved.toString());
        assertEquals(0, file.exit(), file.err());
        assertEquals(numbers("file"), numbers("set-b"), "B = A with the override: the same runs as a file holding it");
        List<List<String>> diffs = Experiments.rows(dir.resolve("set-b/differences.csv"));
        String label = "sep2022 + emigration.attachment=100 exitList.coverage=1";
        assertEquals(label, diffs.get(0).get(0));
        assertTrue(Double.parseDouble(diffs.get(0).get(7)) < 0, "men a hundred times as attached to home hardly leave: " + diffs.get(0));
        assertTrue(b.out().contains(label), b.out());
        assertTrue(Files.readString(dir.resolve("set-b/report.html")).contains(
                "with <code>emigration.attachment=100 exitList.coverage=1</code>"), "the report names B's overrides");
    }

    @Test
    void moreScenariosAreEachComparedWithTheFirstAsInAPair() throws Exception {
        Experiments.Result three = compare("three", "params/sep2022.yaml", "params/border-closed.yaml",
                "params/no-exit-lists.yaml");
        assertEquals(0, three.exit(), three.err());
        Experiments.Result pair = compare("pair", "params/sep2022.yaml", "params/no-exit-lists.yaml");
        assertEquals(0, pair.exit(), pair.err());
        List<List<String>> diffs = Experiments.rows(dir.resolve("three/differences.csv"));
        assertEquals(List.of("border-closed", "border-closed", "border-closed", "no-exit-lists", "no-exit-lists",
                "no-exit-lists"), diffs.stream().map(d -> d.get(0)).toList(), "three metrics for each scenario against A");
        assertEquals(Experiments.rows(dir.resolve("pair/differences.csv")), diffs.subList(3, 6),
                "the same seeds: no-exit-lists against sep2022 as in a comparison of the two alone");
        List<List<String>> runs = Experiments.rows(dir.resolve("three/runs.csv"));
        assertEquals(9, runs.size(), "A's runs once, then each other's");
        assertEquals(runs.get(0).get(2), runs.get(3).get(2));
        assertEquals(runs.get(0).get(2), runs.get(6).get(2), "replication 0 of all three share a seed");
        assertTrue(three.out().contains("border-closed against sep2022") && three.out().contains("no-exit-lists against sep2022"),
                three.out());
        String report = Files.readString(dir.resolve("three/report.html"));
        assertTrue(report.contains("<h3>no-exit-lists against sep2022</h3>"), "a table for each comparison");
        assertFalse(three.err().contains("warning"), "the same scale and days: paired, no warning: " + three.err());
    }

    @Test
    void aPairAtDifferentScalesOrDaysIsWarnedAboutOnStderr() throws Exception {
        String base = "extends: " + Experiments.SEP2022.toString().replace('\\', '/') + "\n";
        Path fine = dir.resolve("fine.yaml"), coarse = dir.resolve("coarse.yaml"), shorter = dir.resolve("shorter.yaml");
        Files.writeString(fine, base + "scale: 4000\ndays: 8\n");
        Files.writeString(coarse, base + "scale: 5000\ndays: 8\n");
        Files.writeString(shorter, base + "scale: 4000\ndays: 6\n");
        Path out = dir.resolve("unpaired");
        Experiments.Result r = Experiments.cli("compare", fine.toString(), coarse.toString(), shorter.toString(),
                "--replications", "2", "--metrics", "final.emigrated", "--out", out.toString(), "--quiet");
        assertEquals(0, r.exit(), r.err());
        List<String> warnings = r.err().lines().filter(l -> l.startsWith("exitvoice compare: warning")).toList();
        assertEquals(List.of("exitvoice compare: warning: coarse runs at scale 5000 against 4000 for fine: the same seeds"
                        + " do not pair their runs (common random numbers pair nothing), so the differences carry all the"
                        + " run-to-run noise; give both the same --scale",
                "exitvoice compare: warning: shorter runs at 6 days against 8 for fine: the same seeds do not pair their"
                        + " runs (common random numbers pair nothing), so the differences carry all the run-to-run noise;"
                        + " give both the same --days"), warnings);
        assertTrue(Files.readString(out.resolve("report.html")).contains("Not paired"), "the report says so too");
    }

    @Test
    void oneScenarioWithoutSetBAndABadSetBAreOneLineExit2AndNothingWritten() {
        Path out = dir.resolve("never");
        Experiments.Result alone = Experiments.cli("compare", "params/sep2022.yaml", "--out", out.toString());
        assertEquals(2, alone.exit());
        assertEquals("compare: give a scenario to compare with A (compare A.yaml B.yaml), or move a lever in A with"
                + " --set-b KEY=VALUE", alone.err().strip());
        Experiments.Result typo = Experiments.cli("compare", "params/sep2022.yaml", "--set-b", "exitList.coverag=1",
                "--out", out.toString());
        assertEquals(2, typo.exit());
        assertTrue(typo.err().startsWith("--set-b exitList.coverag"), typo.err());
        assertFalse(typo.err().strip().contains("\n"), typo.err());
        Experiments.Result range = Experiments.cli("compare", "params/sep2022.yaml", "--set-b", "exitList.coverage=2",
                "--out", out.toString());
        assertEquals(2, range.exit());
        assertTrue(range.err().startsWith("--set-b exitList.coverage"), range.err());
        assertFalse(Files.exists(out), "nothing written");
    }
}
