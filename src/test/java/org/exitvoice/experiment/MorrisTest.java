package org.exitvoice.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Morris screening: trajectories that move one factor at a time, and effects that recover a known response. */
class MorrisTest {
    @TempDir
    Path dir;

    /** 10 trajectories over 3 factors at 4 levels (0, 1/3, 2/3, 1; delta = 4 / 6 = 2/3). */
    private static final double[][] ROWS = Design.Morris.unitRows(10, 3, 4, new SplittableRandom(1));

    private static List<ElementaryEffects.Effect> effects(ToDoubleFunction<double[]> f) {
        double[] y = new double[ROWS.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = f.applyAsDouble(ROWS[i]);
        }
        return new ElementaryEffects(ROWS, y).withIntervals(1);
    }

    @Test
    void eachTrajectoryMovesEveryFactorOnceByDeltaOnTheGrid() {
        assertEquals(10 * 4, ROWS.length, "r (k + 1) rows");
        for (int t = 0; t < 10; t++) {
            boolean[] moved = new boolean[3];
            for (int j = 0; j < 3; j++) {
                double[] a = ROWS[t * 4 + j], b = ROWS[t * 4 + j + 1];
                int changed = 0;
                for (int i = 0; i < 3; i++) {
                    if (a[i] != b[i]) {
                        changed++;
                        moved[i] = true;
                        assertEquals(2 / 3.0, Math.abs(b[i] - a[i]), 1e-12, "a step of delta");
                    }
                }
                assertEquals(1, changed, "one factor per step");
            }
            assertEquals(List.of(true, true, true), List.of(moved[0], moved[1], moved[2]), "each factor once");
        }
        for (double[] row : ROWS) {
            for (double u : row) {
                assertEquals(0, Math.abs(u * 3 - Math.round(u * 3)), 1e-12, "a level of the grid: " + u);
            }
        }
    }

    @Test
    void aLinearResponseGivesItsSlopesWithNoSpread() {
        // y = 3 u0 - 2 u1: every effect of u0 is 3, of u1 -2, of u2 0
        List<ElementaryEffects.Effect> e = effects(u -> 3 * u[0] - 2 * u[1]);
        assertEquals(3, e.get(0).mu(), 1e-9);
        assertEquals(3, e.get(0).muStar(), 1e-9);
        assertEquals(-2, e.get(1).mu(), 1e-9);
        assertEquals(2, e.get(1).muStar(), 1e-9, "mu* counts an effect whatever its sign");
        assertEquals(0, e.get(2).muStar(), 1e-9, "a factor the response ignores is screened out");
        for (ElementaryEffects.Effect one : e) {
            assertEquals(10, one.n());
            assertEquals(0, one.sigma(), 1e-9, "a linear response: the same effect everywhere");
            assertEquals(one.muStar(), one.muStarLo(), 1e-9);
            assertEquals(one.muStar(), one.muStarHi(), 1e-9);
        }
    }

    @Test
    void anInteractionShowsAsSpread() {
        // y = u0 u1: the effect of u0 is u1 (0 to 1, varying by trajectory), and the other way round
        List<ElementaryEffects.Effect> e = effects(u -> u[0] * u[1]);
        assertTrue(e.get(0).sigma() > 0.1 && e.get(1).sigma() > 0.1, e.toString());
        assertTrue(e.get(0).muStar() > 0 && e.get(0).muStar() <= 1, e.toString());
        assertEquals(0, e.get(2).muStar(), 1e-12);
        assertEquals(0, e.get(2).sigma(), 1e-12);
    }

    @Test
    void aMissingOutputLeavesOutOnlyTheEffectsThatNeedIt() {
        double[] y = new double[ROWS.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = 3 * ROWS[i][0];
        }
        y[0] = Double.NaN; // trajectory 0's first point: only its first step is lost
        List<ElementaryEffects.Effect> e = new ElementaryEffects(ROWS, y).withIntervals(1);
        assertEquals(29, e.stream().mapToInt(ElementaryEffects.Effect::n).sum(), "30 effects, one lost");
        assertEquals(3, e.get(0).muStar(), 1e-9);
    }

    @Test
    void aMorrisSweepWritesMorrisCsvAndAChartWithOneSeedPerTrajectory() throws Exception {
        Path f = Experiments.file(dir, "morris.yaml", """
                design: {type: morris, trajectories: 3, levels: 4}
                scale: 5000
                days: 8
                factors:
                  enforcement.intensity: {min: 0, max: 1}
                  exitList.delayDays: {min: 0, max: 10}
                metrics: [final.emigrated, sum.summons]
                """);
        Experiment x = ExperimentFile.read(f, ExperimentFile.Overrides.NONE);
        Sweep.Outcome o = new Sweep(x, dir.resolve("out"), 2).run(false, SweepProgress.none());
        assertEquals(3 * (2 + 1), o.total(), "r (k + 1) runs");
        assertEquals("metric,factor,n,mu_star,mu_star_lo,mu_star_hi,mu,sigma",
                Files.readAllLines(dir.resolve("out/morris.csv")).get(0));
        List<List<String>> rows = Experiments.rows(dir.resolve("out/morris.csv"));
        assertEquals(List.of("final_emigrated", "enforcement.intensity", "3"), rows.get(0).subList(0, 3));
        assertEquals(2 * 2, rows.size(), "metrics x factors");
        assertTrue(Files.size(dir.resolve("out/charts/morris_final_emigrated.svg")) > 1000);
        List<List<String>> runs = Experiments.comparableRuns(dir.resolve("out"));
        for (int t = 0; t < 3; t++) {
            assertEquals(runs.get(3 * t).get(3), runs.get(3 * t + 2).get(3), "trajectory " + t + ": one seed");
        }
        assertTrue(!runs.get(0).get(3).equals(runs.get(3).get(3)), "each trajectory its own");
    }
}
