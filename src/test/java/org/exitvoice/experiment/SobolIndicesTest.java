package org.exitvoice.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Saltelli's scheme and the S1/ST estimators recover the Ishigami function's analytic indices. */
class SobolIndicesTest {
    private static final double A = 7, B = 0.1;

    /** Ishigami and Homma (1990): sin x1 + a sin^2 x2 + b x3^4 sin x1, each x uniform on [-pi, pi]. */
    private static double ishigami(double[] u) {
        double x1 = -Math.PI + 2 * Math.PI * u[0];
        double x2 = -Math.PI + 2 * Math.PI * u[1];
        double x3 = -Math.PI + 2 * Math.PI * u[2];
        return Math.sin(x1) + A * Math.sin(x2) * Math.sin(x2) + B * Math.pow(x3, 4) * Math.sin(x1);
    }

    @Test
    void ishigamiIndicesAreRecoveredWithin3PointsAtN8192() {
        int n = 8192; // 8192 x (3 + 2) = 40,960 evaluations
        double[][] rows = Design.Saltelli.unitRows(n, 3);
        double[] f = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            f[i] = ishigami(rows[i]);
        }
        SobolIndices sobol = new SobolIndices(f, 3);
        double[][] e = sobol.estimate();
        double[] s1 = {0.3139, 0.4424, 0};
        double[] st = {0.5576, 0.4424, 0.2437};
        for (int i = 0; i < 3; i++) {
            assertEquals(s1[i], e[0][i], 0.03, "S1 of x" + (i + 1));
            assertEquals(st[i], e[1][i], 0.03, "ST of x" + (i + 1));
        }
        List<SobolIndices.Index> intervals = sobol.withIntervals(1);
        for (int i = 0; i < 3; i++) {
            SobolIndices.Index x = intervals.get(i);
            assertTrue(x.s1Lo() <= x.s1() && x.s1() <= x.s1Hi(), "S1 inside its interval, x" + (i + 1));
            assertTrue(x.stLo() <= x.st() && x.st() <= x.stHi(), "ST inside its interval, x" + (i + 1));
        }
        assertEquals(intervals, sobol.withIntervals(1), "seeded bootstrap: the same intervals again");
    }

    @Test
    void rowsWithAMissingValueAreLeftOut() {
        double[][] rows = Design.Saltelli.unitRows(64, 3);
        double[] f = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            f[i] = ishigami(rows[i]);
        }
        f[7] = Double.NaN; // row 1 (points 5..9)
        assertEquals(63, new SobolIndices(f, 3).rows());
    }
}
