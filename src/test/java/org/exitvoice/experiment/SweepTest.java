package org.exitvoice.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.exitvoice.model.Simulation;
import org.exitvoice.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep: one row per run, results independent of threads, resumable after a crash, failures recorded not fatal. */
class SweepTest {
    @TempDir
    Path dir;

    /** 2 x 2 points x 2 replications = 8 short, coarse runs (a few seconds in all). */
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

    private Experiment small() throws Exception {
        return ExperimentFile.read(Experiments.file(dir, "small.yaml", SMALL), ExperimentFile.Overrides.NONE);
    }

    /** The model, counting its runs. */
    private static Sweep.Simulator counting(Experiment x, AtomicInteger runs) {
        return s -> {
            runs.incrementAndGet();
            return Simulation.run(s, x.base().regions(), x.base().routes(), 1, d -> { });
        };
    }

    @Test
    void aSmallSweepHasOneRowPerRunAndTheSameResultsOnOneAndTwoThreads() throws Exception {
        Experiment x = small();
        Sweep.Outcome one = new Sweep(x, dir.resolve("one"), 1).run(false, SweepProgress.none());
        Sweep.Outcome two = new Sweep(x, dir.resolve("two"), 2).run(false, SweepProgress.none());
        assertEquals(8, one.total());
        assertEquals(8, one.ran());
        assertEquals(0, one.failed() + two.failed());

        List<List<String>> rows = Experiments.comparableRuns(dir.resolve("one"));
        assertEquals(8, rows.size(), "points x replications rows");
        for (int run = 0; run < 8; run++) {
            List<String> r = rows.get(run);
            assertEquals(List.of(Integer.toString(run), Integer.toString(run / 2), Integer.toString(run % 2)), r.subList(0, 3));
            assertEquals(Long.toString(RunSeed.of(7, 0, run % 2)), r.get(3),
                    "common random numbers: the replication's seed, the same at every point");
            assertEquals("", r.get(r.size() - 1), "no error");
            assertFalse(r.get(6).isEmpty(), "final.emigrated present");
        }
        assertEquals(rows, Experiments.comparableRuns(dir.resolve("two")), "same rows at 1 and 2 threads");

        assertEquals(List.of("run", "point", "replication", "seed", "exitList.coverage", "enforcement.intensity",
                "final_emigrated", "peak_protesters", "final_crossed_Kazakhstan", "firstDay_mobilized_ge_target", "wall_s",
                "error"), Files.readAllLines(dir.resolve("one/runs.csv")).get(0).transform(h -> List.of(h.split(","))));
        assertEquals(4 * 4, Experiments.rows(dir.resolve("one/summary.csv")).size(), "points x metrics summary rows");
        assertEquals(8 * 8, Experiments.rows(dir.resolve("one/timeseries.csv")).size(), "runs x days series rows");
        for (String chart : List.of("final_emigrated.png", "final_emigrated.svg", "firstDay_mobilized_ge_target.png")) {
            assertTrue(Files.size(dir.resolve("one/charts/" + chart)) > 1000, chart);
        }
        assertTrue(Files.readString(dir.resolve("one/sweep.json")).contains("\"hash\""));
    }

    @Test
    void aResumedSweepRunsOnlyWhatIsMissingAndEndsIdentical() throws Exception {
        Experiment x = small();
        new Sweep(x, dir.resolve("full"), 2).run(false, SweepProgress.none());

        // a crash: three rows written (one of them an error, to be run again), the fourth cut off mid-line
        Path part = dir.resolve("part");
        new Sweep(x, part, 2).run(false, SweepProgress.none());
        Path runs = part.resolve(RunsJournal.RUNS);
        List<String> lines = Files.readAllLines(runs);
        String error = lines.get(3).replaceFirst(",$", ",model exploded");
        Files.writeString(runs, lines.get(0) + "\n" + lines.get(1) + "\n" + lines.get(2) + "\n" + error + "\n"
                + lines.get(4).substring(0, 12), StandardCharsets.UTF_8);
        Path series = part.resolve(RunsJournal.TIMESERIES);
        List<String> seriesLines = Files.readAllLines(series);
        Files.writeString(series, String.join("\n", seriesLines.subList(0, 30)) + "\n3,", StandardCharsets.UTF_8);

        AtomicInteger ran = new AtomicInteger();
        Sweep.Outcome o = new Sweep(x, part, 2, counting(x, ran)).run(true, SweepProgress.none());
        assertEquals(2, o.alreadyDone(), "two good rows kept");
        assertEquals(6, o.ran());
        assertEquals(6, ran.get(), "no run done twice: the error row and the five missing ones, nothing else");

        List<List<String>> rows = Experiments.comparableRuns(part);
        Set<String> ids = new HashSet<>();
        rows.forEach(r -> assertTrue(ids.add(r.get(0)), "run " + r.get(0) + " once"));
        assertEquals(Experiments.comparableRuns(dir.resolve("full")), rows, "the same result as an uninterrupted sweep");
        assertEquals(sorted(Experiments.rows(dir.resolve("full/timeseries.csv"))), sorted(Experiments.rows(series)));
    }

    @Test
    void anExistingFolderNeedsResumeAndResumingAChangedExperimentIsRefused() throws Exception {
        Experiment x = small();
        Path out = dir.resolve("out");
        new Sweep(x, out, 2).run(false, SweepProgress.none());
        String before = Files.readString(out.resolve(RunsJournal.RUNS));

        ScenarioException exists = assertThrows(ScenarioException.class, () -> new Sweep(x, out, 2).run(false, SweepProgress.none()));
        assertTrue(exists.getMessage().contains("--resume") && exists.getMessage().contains("--out"), exists.getMessage());

        Experiment coarser = ExperimentFile.read(x.file(), new ExperimentFile.Overrides(null, x.scale() * 2, null));
        ScenarioException changed = assertThrows(ScenarioException.class, () -> new Sweep(coarser, out, 2).run(true, SweepProgress.none()));
        assertTrue(changed.getMessage().contains("changed"), changed.getMessage());
        assertEquals(before, Files.readString(out.resolve(RunsJournal.RUNS)), "a refused sweep touches nothing");

        AtomicInteger ran = new AtomicInteger();
        assertEquals(0, new Sweep(x, out, 2, counting(x, ran)).run(true, SweepProgress.none()).ran(), "complete: nothing to run");
        assertEquals(0, ran.get());
    }

    @Test
    void aRunThatThrowsIsAnErrorRowAndTheSweepGoesOn() throws Exception {
        Experiment x = small();
        Sweep.Simulator model = counting(x, new AtomicInteger());
        Sweep.Simulator brittle = s -> {
            if (s.exitList().coverage() == 1) {
                throw new IllegalStateException("model exploded\nat day 3");
            }
            return model.run(s);
        };
        Sweep.Outcome o = new Sweep(x, dir.resolve("out"), 2, brittle).run(false, SweepProgress.none());
        assertEquals(8, o.ran());
        assertEquals(4, o.failed(), "the two points at coverage 1, two replications each");
        List<List<String>> rows = Experiments.comparableRuns(dir.resolve("out"));
        for (List<String> r : rows) {
            boolean failing = r.get(4).equals("1");
            assertEquals(failing ? "java.lang.IllegalStateException: model exploded at day 3" : "", r.get(r.size() - 1));
            assertEquals(failing, r.get(6).isEmpty(), "no metric from a failed run");
        }
        assertTrue(Files.exists(dir.resolve("out/summary.csv")), "summaries from the runs that worked");

        AtomicInteger again = new AtomicInteger();
        new Sweep(x, dir.resolve("out"), 2, counting(x, again)).run(true, SweepProgress.none());
        assertEquals(4, again.get(), "--resume runs the failed ones again");
        assertEquals(8, Experiments.comparableRuns(dir.resolve("out")).size());
    }

    @Test
    void aSobolDesignWritesIndicesWithIntervalsAndBarCharts() throws Exception {
        Path f = Experiments.file(dir, "sobol.yaml", """
                design: {type: sobol, n: 4}
                scale: 20000
                days: 3
                factors:
                  draft.misclassification: {min: 0, max: 0.4}
                  exitList.delayDays: {min: 0, max: 10}
                metrics: [final.emigrated, sum.summons]
                """);
        Experiment x = ExperimentFile.read(f, ExperimentFile.Overrides.NONE);
        Sweep.Outcome o = new Sweep(x, dir.resolve("out"), 2).run(false, SweepProgress.none());
        assertEquals(4 * (2 + 2), o.total(), "n x (k + 2)");
        List<List<String>> sobol = Experiments.rows(dir.resolve("out/sobol.csv"));
        assertEquals(2 * 2, sobol.size(), "metrics x factors");
        assertEquals(List.of("final_emigrated", "draft.misclassification"), sobol.get(0).subList(0, 2));
        assertEquals("metric,factor,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi,noise_share",
                Files.readAllLines(dir.resolve("out/sobol.csv")).get(0));
        assertEquals("", sobol.get(0).get(8), "one replication per point: no noise share to report");
        assertTrue(Files.size(dir.resolve("out/charts/sobol_sum_summons.svg")) > 1000);
        // exitList.delayDays is a whole-number key: its sampled values are whole
        for (List<String> r : Experiments.rows(dir.resolve("out/runs.csv"))) {
            assertTrue(r.get(5).matches("\\d+"), r.get(5));
        }
    }

    @Test
    void theExperimentASweepSavesRerunsAsWrittenToTheSameRows() throws Exception {
        // the shipped experiment names its scenario relative to itself (../sep2022.yaml): the case that could not rerun
        Path first = dir.resolve("first"), again = dir.resolve("again");
        Experiments.Result a = Experiments.cli("sweep", "params/experiments/misclassification.yaml", "--replications", "1",
                "--scale", "5000", "--days", "10", "--out", first.toString(), "--quiet");
        assertEquals(0, a.exit(), a.err());
        Experiments.Result b = Experiments.cli("sweep", first.resolve("experiment.yaml").toString(), "--out",
                again.toString(), "--quiet");
        assertEquals(0, b.exit(), b.err());
        assertEquals(Experiments.comparableRuns(first), Experiments.comparableRuns(again), "the same runs, value for value");
    }

    @Test
    void theSavedExperimentNeedsNotTheScenarioFileItWasMadeFrom() throws Exception {
        Path base = dir.resolve("base.yaml");
        Files.writeString(base, "extends: " + Experiments.SEP2022.toString().replace('\\', '/') + "\ndraft:\n  target: 200000\n");
        Path file = dir.resolve("e.yaml");
        Files.writeString(file, "scenario: base.yaml\nreplications: 2\nscale: 20000\ndays: 5\n"
                + "factors:\n  exitList.coverage: [0, 1]\nmetrics: [final.mobilized, final.emigrated]\n");
        Path first = dir.resolve("first"), again = dir.resolve("again");
        assertEquals(0, Experiments.cli("sweep", file.toString(), "--out", first.toString(), "--quiet").exit());
        Files.delete(base); // the folder keeps the scenario it ran
        Experiments.Result b = Experiments.cli("sweep", first.resolve("experiment.yaml").toString(), "--out",
                again.toString(), "--quiet");
        assertEquals(0, b.exit(), b.err());
        assertEquals(Experiments.comparableRuns(first), Experiments.comparableRuns(again));
    }

    @Test
    void aRefusedResumeSaysWhatChangedInWords() throws Exception {
        Path base = dir.resolve("base.yaml"), other = dir.resolve("other.yaml");
        String scenario = "extends: " + Experiments.SEP2022.toString().replace('\\', '/') + "\ndraft:\n  target: 300000\n";
        Files.writeString(base, scenario);
        Files.writeString(other, scenario);
        // days 1 and 2: no event of sep2022.yaml falls on 22 Sep, so only the days differ
        String body = "scenario: base.yaml\nreplications: 2\nscale: 20000\ndays: 1\n"
                + "factors:\n  exitList.coverage: [0, 0.5]\nmetrics: [final.emigrated]\n";
        Path file = dir.resolve("e.yaml");
        Files.writeString(file, body);
        Path out = dir.resolve("out");
        new Sweep(ExperimentFile.read(file, ExperimentFile.Overrides.NONE), out, 2).run(false, SweepProgress.none());

        assertEquals("replications 2 → 1", refusal(file, out, new ExperimentFile.Overrides(1, null, null)),
                "more replications extend a sweep; fewer would drop runs");
        assertEquals("scale 20000 → 10000; days 1 → 2", refusal(file, out, new ExperimentFile.Overrides(null, 10000, 2)));
        Files.writeString(file, body.replace("[0, 0.5]", "[0, 1]"));
        // a level removed alone is refused as no extension, saying why (SweepNewPointsTest); with other changes, named
        assertEquals("replications 2 → 1; factor exitList.coverage levels [0, 0.5] → [0, 1]",
                refusal(file, out, new ExperimentFile.Overrides(1, null, null)));
        Files.writeString(file, body.replace("[final.emigrated]", "[final.emigrated, sum.arrests]"));
        assertEquals("metric sum.arrests added", refusal(file, out, null));
        Files.writeString(file, body.replace("base.yaml", "other.yaml"));
        assertEquals("scenario " + base.toString().replace('\\', '/') + " → " + other.toString().replace('\\', '/'),
                refusal(file, out, null));
        Files.writeString(file, body);
        Files.writeString(base, scenario.replace("300000", "250000"));
        assertEquals("scenario value draft.target 300000 → 250000", refusal(file, out, null));
        Files.writeString(base, scenario);
        Files.writeString(file, body + "commonRandomNumbers: false\n");
        assertEquals("seeding common random numbers, the same seeds at every point → a seed of its own for every point"
                + " (commonRandomNumbers true → false)", refusal(file, out, null));
    }

    /** What a refused --resume names as changed (the message after its fixed start). */
    private static String refusal(Path file, Path out, ExperimentFile.Overrides o) throws Exception {
        Experiment x = ExperimentFile.read(file, o);
        ScenarioException e = assertThrows(ScenarioException.class, () -> new Sweep(x, out, 2).run(true, SweepProgress.none()));
        String start = out + ": cannot resume (choose another --out): changed since this sweep began: ";
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        return e.getMessage().substring(start.length());
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.<List<String>>comparingInt(r -> Integer.parseInt(r.get(0))).thenComparingInt(r -> Integer.parseInt(r.get(1))));
        return copy;
    }

}
