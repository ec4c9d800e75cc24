package org.exitvoice.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** PRIM finds the box where the runs of interest are: by hand on a line, and a box planted in random runs. */
class PrimTest {

    @Test
    void onALinePeelingTakesOneRunAtATimeFromTheEmptyEndUntilOnlyTheCasesAreLeft() {
        // runs at 0..19, of interest from 15 up: alpha 0.05 of 20..16 runs is one run a peel, always from below
        double[][] x = new double[20][];
        boolean[] y = new boolean[20];
        for (int i = 0; i < 20; i++) {
            x[i] = new double[] {i};
            y[i] = i >= 15;
        }
        Prim prim = new Prim(x, y);
        List<Prim.Box> t = prim.peel(0.05, 0.05);
        assertEquals(5.0 / 20, t.get(0).density(), 1e-12);
        assertEquals(1.0, t.get(0).coverage(), 1e-12);
        assertEquals(5.0 / 19, t.get(1).density(), 1e-12, "box 1 drops the run at 0");
        assertEquals(1.0, t.get(1).lo()[0]);
        Prim.Box fifteen = t.get(15);
        assertEquals(15.0, fifteen.lo()[0]);
        assertEquals(19.0, fifteen.hi()[0]);
        assertEquals(1.0, fifteen.density(), 1e-12);
        assertEquals(1.0, fifteen.coverage(), 1e-12);
        // peeling goes on to a single run (0.05 of 20), losing coverage at full density
        assertEquals(20, t.size());
        assertEquals(1, t.get(19).n());
        assertEquals(15, Prim.choose(t, 0.5), "the densest box holding at least half the cases, the fullest of them");
    }

    @Test
    void pastingTakesBackTheRunsOfInterestAPeelCutOffAndStopsAtTheFirstThatIsNot() {
        // of interest: 10..19 but 13; the box [12, 19] holds 7 of 8; pasting 11 gives 8 of 9, 10 gives 9 of 10, 9 would
        // give 9 of 11
        double[][] x = new double[20][];
        boolean[] y = new boolean[20];
        for (int i = 0; i < 20; i++) {
            x[i] = new double[] {i};
            y[i] = i >= 10 && i != 13;
        }
        Prim prim = new Prim(x, y);
        Prim.Box start = prim.peel(0.05, 0.05).get(12);
        assertEquals(12.0, start.lo()[0]);
        assertEquals(7.0 / 8, start.density(), 1e-12);
        Prim.Box pasted = prim.paste(start, 0.05);
        assertEquals(10.0, pasted.lo()[0]);
        assertEquals(19.0, pasted.hi()[0]);
        assertEquals(0.9, pasted.density(), 1e-12);
        assertEquals(1.0, pasted.coverage(), 1e-12);
    }

    @Test
    void aBoxPlantedInUniformRandomRunsIsRecovered() {
        // y = 1 where x1 is in [0.2, 0.5] and x2 > 0.7 (9 % of the runs); x3 plays no part
        Random r = new Random(16);
        int n = 2000;
        double[][] x = new double[n][3];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = r.nextDouble();
            }
            y[i] = x[i][0] >= 0.2 && x[i][0] <= 0.5 && x[i][1] > 0.7;
        }
        Prim prim = new Prim(x, y);
        List<Prim.Box> t = prim.peel(0.05, 0.05);
        Prim.Box b = prim.paste(t.get(Prim.choose(t, 0.5)), 0.05);
        double tolerance = 0.03;
        assertEquals(0.2, b.lo()[0], tolerance);
        assertEquals(0.5, b.hi()[0], tolerance);
        assertEquals(0.7, b.lo()[1], tolerance);
        assertEquals(prim.max(1), b.hi()[1], "x2 is limited from below only");
        assertFalse(prim.restricts(b, 2), "x3 plays no part: " + b.lo()[2] + ".." + b.hi()[2]);
        assertTrue(b.density() > 0.9 && b.coverage() > 0.8, "density " + b.density() + ", coverage " + b.coverage());
    }
}
