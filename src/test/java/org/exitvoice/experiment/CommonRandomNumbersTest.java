package org.exitvoice.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.exitvoice.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Common random numbers: points with the same parameters give the same runs, so differences between points are effects. */
class CommonRandomNumbersTest {
    @TempDir
    Path dir;

    /** Two LHS points over a factor with one value: two design points with exactly the same parameters. */
    private static final String TWINS = """
            design: {type: lhs, points: 2}
            replications: 2
            seed: 3
            scale: 5000
            days: 8
            factors:
              exitList.coverage: [0.5]
            metrics: [final.emigrated, sum.crossed, peak.hiding]
            """;

    private List<List<String>> sweep(String name, String body) throws Exception {
        Experiment x = ExperimentFile.read(Experiments.file(dir, name + ".yaml", body), ExperimentFile.Overrides.NONE);
        new Sweep(x, dir.resolve(name), 2).run(false, SweepProgress.none());
        return Experiments.comparableRuns(dir.resolve(name));
    }

    /** A row without its run and point numbers: what the run did. */
    private static List<String> outcome(List<String> row) {
        return row.subList(2, row.size());
    }

    @Test
    void twoPointsWithTheSameParametersGiveIdenticalRowsByDefault() throws Exception {
        List<List<String>> rows = sweep("on", TWINS);
        assertEquals(4, rows.size());
        assertEquals(outcome(rows.get(0)), outcome(rows.get(2)), "replication 0 at points 0 and 1");
        assertEquals(outcome(rows.get(1)), outcome(rows.get(3)), "replication 1 at points 0 and 1");
        assertNotEquals(outcome(rows.get(0)), outcome(rows.get(1)), "replications still differ from each other");
    }

    @Test
    void withTheOptionOffTheSameParametersGiveDifferentRows() throws Exception {
        List<List<String>> rows = sweep("off", TWINS + "commonRandomNumbers: false\n");
        assertNotEquals(rows.get(0).get(3), rows.get(2).get(3), "each point its own seed");
        assertNotEquals(rows.get(0).subList(5, 8), rows.get(2).subList(5, 8), "so the same parameters give other numbers");
    }

    @Test
    void aSobolRowsRunsShareOneSeedAndRowsDiffer() throws Exception {
        // k = 1, n = 2: rows of three runs (A, B, AB); one value, so every run of a row is the same run
        List<List<String>> rows = sweep("sobol", """
                design: {type: sobol, n: 2}
                scale: 5000
                days: 8
                factors:
                  exitList.coverage: [0.5]
                metrics: [final.emigrated]
                """);
        assertEquals(6, rows.size());
        for (int row = 0; row < 2; row++) {
            for (int i = 1; i < 3; i++) {
                assertEquals(outcome(rows.get(3 * row)), outcome(rows.get(3 * row + i)), "row " + row + ", run " + i);
            }
        }
        assertNotEquals(rows.get(0).get(3), rows.get(3).get(3), "the two Saltelli rows have their own seeds");
    }

    @Test
    void theOptionMustBeTrueOrFalse() throws Exception {
        Path f = Experiments.file(dir, "bad.yaml", TWINS + "commonRandomNumbers: sometimes\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ExperimentFile.read(f, ExperimentFile.Overrides.NONE));
        assertEquals(f + ":10: commonRandomNumbers: expected true or false, got 'sometimes'", e.getMessage());
    }

    @Test
    void theNoiseShareIsTheVarianceWithinPointsOverTheVarianceOfAllRuns() {
        // within each point variance 2 (1, 3 and 5, 7); all four runs: mean 4, squares 9 + 1 + 1 + 9 = 20, / 3
        assertEquals(2 / (20 / 3.0), NoiseShare.of(new double[][] {{1, 3}, {5, 7}}), 1e-12);
        assertEquals(0.3, NoiseShare.of(new double[][] {{1, 3}, {5, 7}}), 1e-12);
        assertEquals(0, NoiseShare.of(new double[][] {{2, 2}, {8, 8}}), 1e-12, "replications agree: all the spread is the factors'");
        assertTrue(Double.isNaN(NoiseShare.of(new double[][] {{1}, {5}})), "one replication: no noise to measure");
        assertEquals(0.3, NoiseShare.of(new double[][] {{1, 3, Double.NaN}, {5, 7}}), 1e-12, "a missing value is left out");
    }
}
