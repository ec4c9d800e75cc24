package org.exitvoice.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Experiment files: read as written, and every mistake one line naming the file and line, exit 2, nothing written. */
class ExperimentFileTest {
    @TempDir
    Path dir;

    @Test
    void theIssuesExampleReadsWithPlainMetricNames() throws Exception {
        Path f = Experiments.file(dir, "example.yaml", """
                design: {type: factorial}
                replications: 10
                seed: 1
                scale: 1000
                factors:
                  exitList.coverage: [0, 0.25, 0.5, 0.75, 1]
                  enforcement.intensity: {min: 0, max: 1, steps: 5}
                metrics: [final.emigrated, peak.protesters, sum.arrests, firstDay.mobilized>=target, "final.crossed[Georgia]"]
                """);
        Experiment x = ExperimentFile.read(f, ExperimentFile.Overrides.NONE);
        assertEquals("example", x.name());
        assertEquals(25, x.points().size());
        assertEquals(List.of("0", "0.25", "0.5", "0.75", "1"), x.factors().get(1).grid().stream().map(Level::text).toList());
        assertEquals(List.of("final_emigrated", "peak_protesters", "sum_arrests", "firstDay_mobilized_ge_target",
                "final_crossed_Georgia"), x.metrics().stream().map(Metric::name).toList());
        assertEquals(1000, x.scale());
        assertEquals(60, x.days(), "the scenario's days");
        Experiment quick = ExperimentFile.read(f, new ExperimentFile.Overrides(2, 5000, null));
        assertEquals(2, quick.replications());
        assertEquals(5000, quick.base().scenario().scale(), "--scale reaches the scenario");
        assertTrue(quick.yaml().contains("replications: 2") && !quick.yaml().equals(x.yaml()), "overrides are part of the experiment");
    }

    @Test
    void theScenarioIsNamedRelativeToTheExperimentFile() throws Exception {
        Experiment x = ExperimentFile.read(Path.of("params/experiments/misclassification.yaml"), ExperimentFile.Overrides.NONE);
        assertEquals(Path.of("params/sep2022.yaml"), x.scenarioFile());
        assertEquals(10, x.points().size());
        assertEquals(20, x.replications());
    }

    @Test
    void theShippedSobolExperimentMeasuresProtestOnceTheLeversAct() throws Exception {
        Experiment x = ExperimentFile.read(Path.of("params/experiments/sobol-levers.yaml"), ExperimentFile.Overrides.NONE);
        // the largest protests are on days 0-2, before summons or police act: a whole-run peak no lever moves
        assertEquals(List.of("final_emigrated", "mean_hiding_from_day3", "final_mobilized", "sum_protesters_from_day3",
                "sum_arrests", "sum_incidents"), x.metrics().stream().map(Metric::name).toList());
        assertEquals(2, x.replications(), "two replications: sobol.csv can say how much is noise");
        for (String shipped : List.of("exit-lists-x-enforcement", "misclassification")) {
            ExperimentFile.read(Path.of("params/experiments/" + shipped + ".yaml"), ExperimentFile.Overrides.NONE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a misspelt key           | 3 | replicatons: 3                                      | unknown key 'replicatons' (did you mean 'replications'?)
            a factor out of range    | 6 | factors:\\n  exitList.coverage:\\n    - 0\\n    - 1.5 | factors: exitList.coverage: must be in [0, 1], got 1.5
            an unknown factor key    | 4 | factors:\\n  exitList.coverag: [0, 1]            | factors: exitList.coverag: not a scenario key (did you mean 'exitList.coverage'?)
            a range without steps    | 4 | factors:\\n  draft.target: {min: 1, max: 9}      | a factorial design needs steps
            an unknown metric column | 6 | factors:\\n  draft.target: [1]\\nmetrics:\\n  - final.emigrate | no national column 'emigrate' (did you mean 'emigrated'?)
            an unknown destination   | 5 | factors:\\n  draft.target: [1]\\nmetrics: ['final.crossed[Georgie]'] | metrics: no region, route or destination 'Georgie' (did you mean 'Georgia'?)
            an unquoted place in [ ] | 5 | factors:\\n  draft.target: [1]\\nmetrics: [final.emigrated[RU-DA]] | quote a metric with [brackets] inside a [flow list]
            a window after the run   | 5 | factors:\\n  draft.target: [1]\\nmetrics: [sum.crossed@2023-01-01..] | metrics: the window '2023-01-01..' has no day of the run (2022-09-21 to 2022-11-19
            a bad expression         | 5 | factors:\\n  draft.target: [1]\\nmetrics: [sum.arrests / (sum.protesters] | metrics: a '(' without its ')'
            two names for one column | 5 | factors:\\n  draft.target: [1]\\nmetrics: ['(sum.arrests) + 1', sum.arrests + 1] | would share the column sum_arrests_plus_1
            a YAML syntax error      | 5 | factors:\\n  draft.target: [1\\nmetrics: [x]       | YAML syntax error
            a bad design             | 3 | design: {type: lhs}                                 | design.points: missing
            a Morris design unsized  | 3 | design: {type: morris, levels: 4}                   | design.trajectories: missing
            odd Morris levels        | 3 | design: {type: morris, trajectories: 5, levels: 3}  | design.levels: expected an even number (4, 6, 8, ...), got 3
            an unknown design type   | 3 | design: {type: moris}                               | design: unknown type 'moris' (did you mean 'morris'?); types: factorial, lhs, sobol, morris
            a YAML alias             | 5 | factors:\\n  draft.target: &t [1]\\nmetrics: *t      | YAML aliases (*name) are not supported
            a duplicate key          | 4 | replications: 2\\nreplications: 3                  | duplicate key 'replications'
            a day that does not exist | 4 | factors:\\n  exitList.from: [2022-09-24, 2022-09-31] | factors: exitList.from: 2022-09-31: there is no 31 September 2022
            """)
    void aBrokenExperimentIsOneLineWithFileAndLineExit2AndNothingWritten(String what, int line, String body, String message)
            throws Exception {
        // line 1 names the scenario, line 2 is "seed: 1", the body starts on line 3
        Path f = Experiments.file(dir, "broken.yaml", "seed: 1\n" + body.replace("\\n", "\n") + "\n");
        Path out = dir.resolve("out");
        Experiments.Result r = Experiments.cli("sweep", f.toString(), "--out", out.toString());
        assertEquals(2, r.exit(), what + ": " + r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        assertTrue(err.startsWith(f + ":" + line + ": "), what + ": " + err);
        assertTrue(err.contains(message), what + ": " + err);
        assertFalse(Files.exists(out), "nothing written");
        assertEquals("", r.out());
    }

    @Test
    void aMissingScenarioIsReportedOnItsLine() {
        Path f = dir.resolve("lost.yaml");
        Experiments.Result r;
        try {
            Files.writeString(f, "# an experiment\nscenario: nowhere.yaml\nfactors: {draft.target: [1]}\n");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        r = Experiments.cli("sweep", f.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith(f + ":2: scenario: file not found 'nowhere.yaml'"), r.err());
    }
}
