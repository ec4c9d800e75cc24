package org.exitvoice.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** A Latin hypercube puts exactly one sample in each stratum of every factor's range. */
class LatinHypercubeTest {

    @Test
    void eachFactorsRangeIsStratifiedOneSamplePerStratum() {
        int n = 50, k = 4;
        double[][] u = Design.LatinHypercube.unitRows(n, k, new SplittableRandom(3));
        for (int j = 0; j < k; j++) {
            TreeSet<Integer> strata = new TreeSet<>();
            for (double[] row : u) {
                assertTrue(row[j] >= 0 && row[j] < 1);
                strata.add((int) Math.floor(row[j] * n));
            }
            assertEquals(n, strata.size(), "factor " + j + ": one sample in each of the " + n + " strata");
        }
    }

    @Test
    void factorRangesAreStratifiedInTheirOwnUnits() {
        Factor coverage = Factor.range("exitList.coverage", 0.2, 0.6, 0, false);
        Factor age = Factor.range("draft.maxAge", 30, 39, 0, true);
        List<Point> points = new Design.LatinHypercube(10).points(List.of(coverage, age), 7);
        TreeSet<Integer> coverageStrata = new TreeSet<>();
        TreeSet<String> ages = new TreeSet<>();
        for (Point p : points) {
            double c = p.levels().get(0).number();
            assertTrue(c >= 0.2 && c <= 0.6, "in range: " + c);
            coverageStrata.add((int) Math.floor((c - 0.2) / 0.04));
            ages.add(p.levels().get(1).text());
        }
        assertEquals(10, coverageStrata.size());
        assertEquals(10, ages.size(), "ten whole ages 30..39, each once: " + ages);
        assertEquals(points, new Design.LatinHypercube(10).points(List.of(coverage, age), 7), "same seed, same points");
    }
}
