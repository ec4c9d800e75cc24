package org.exitvoice.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * How an experiment chooses its points: every combination, a Latin hypercube, or Saltelli's scheme for Sobol indices.
 * Serializable, like {@link Factor} and {@link Metric}: a Spark sweep ships them to its tasks.
 */
public sealed interface Design extends java.io.Serializable permits Design.Factorial, Design.LatinHypercube, Design.Saltelli {

    /** The design's points in run order; sampled designs draw from {@code seed}, so the same file gives the same points. */
    List<Point> points(List<Factor> factors, long seed);

    /** How many points the design has over these factors (computed without building them). */
    long size(List<Factor> factors);

    /** e.g. {@code factorial}, {@code lhs, 200 points}, {@code sobol (Saltelli), n = 256}. */
    String describe();

    /** The design as the experiment file writes it, for the effective experiment. */
    String yaml();

    /**
     * Which seeds a point uses under common random numbers: points of the same group get the same replication seeds.
     * Every point of a factorial or LHS design is in group 0 (differences between points are then effects, not luck).
     */
    default int seedGroup(Point point, int factors) {
        return 0;
    }

    /** How common random numbers pair runs in this design, in words. */
    default String sharedSeeds() {
        return "the same seeds at every point";
    }

    /** Every combination of the factors' values, the first factor varying slowest. */
    record Factorial() implements Design {
        @Override
        public List<Point> points(List<Factor> factors, long seed) {
            List<List<Level>> grids = factors.stream().map(Factor::grid).toList();
            int total = 1;
            for (List<Level> g : grids) {
                total = Math.multiplyExact(total, g.size());
            }
            List<Point> out = new ArrayList<>(total);
            for (int p = 0; p < total; p++) {
                Level[] at = new Level[grids.size()];
                int rest = p;
                for (int f = grids.size() - 1; f >= 0; f--) { // mixed-radix digits, last factor fastest
                    at[f] = grids.get(f).get(rest % grids.get(f).size());
                    rest /= grids.get(f).size();
                }
                out.add(new Point(p, List.of(at)));
            }
            return out;
        }

        @Override
        public long size(List<Factor> factors) {
            long n = 1;
            for (Factor f : factors) {
                n = Math.multiplyExact(n, f.grid().size());
            }
            return n;
        }

        @Override
        public String describe() {
            return "factorial";
        }

        @Override
        public String yaml() {
            return "{type: factorial}";
        }
    }

    /** {@code points} samples, each factor's range cut into that many equal strata with exactly one sample in each. */
    record LatinHypercube(int points) implements Design {
        @Override
        public List<Point> points(List<Factor> factors, long seed) {
            return fromUnit(unitRows(points, factors.size(), new SplittableRandom(seed)), factors);
        }

        /** {@code n} rows of {@code k} values in [0, 1): column j's row i falls in stratum perm_j(i), uniform inside it. */
        public static double[][] unitRows(int n, int k, SplittableRandom rng) {
            double[][] u = new double[n][k];
            for (int j = 0; j < k; j++) {
                int[] perm = new int[n];
                for (int i = 0; i < n; i++) {
                    perm[i] = i;
                }
                for (int i = n - 1; i > 0; i--) { // Fisher-Yates
                    int r = rng.nextInt(i + 1);
                    int t = perm[i];
                    perm[i] = perm[r];
                    perm[r] = t;
                }
                for (int i = 0; i < n; i++) {
                    u[i][j] = (perm[i] + rng.nextDouble()) / n;
                }
            }
            return u;
        }

        @Override
        public long size(List<Factor> factors) {
            return points;
        }

        @Override
        public String describe() {
            return "lhs, " + points + " points";
        }

        @Override
        public String yaml() {
            return "{type: lhs, points: " + points + "}";
        }
    }

    /**
     * Saltelli's scheme (Saltelli et al. 2010): base matrices A and B of {@code n} rows from a 2k-dimensional Sobol'
     * sequence, and for each factor i the matrix A with column i taken from B; {@code n (k + 2)} points, grouped by
     * row: A_j, B_j, A_B^1_j, ..., A_B^k_j.
     */
    record Saltelli(int n) implements Design {
        @Override
        public List<Point> points(List<Factor> factors, long seed) {
            return fromUnit(unitRows(n, factors.size()), factors);
        }

        /** The {@code n (k + 2)} rows of the scheme in [0, 1)^k. */
        public static double[][] unitRows(int n, int k) {
            SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * k);
            // Skip the start of the sequence, as SALib does: point 0 is all zeros and point 1 all halves (there A = B,
            // a wasted row); skipping a power of two >= n keeps the points that follow balanced.
            sobol.skipTo(Integer.highestOneBit(Math.max(1, n - 1)) << 1);
            double[][] rows = new double[n * (k + 2)][];
            for (int j = 0; j < n; j++) {
                double[] v = sobol.nextVector();
                double[] a = java.util.Arrays.copyOfRange(v, 0, k);
                double[] b = java.util.Arrays.copyOfRange(v, k, 2 * k);
                int at = j * (k + 2);
                rows[at] = a;
                rows[at + 1] = b;
                for (int i = 0; i < k; i++) {
                    double[] ab = a.clone();
                    ab[i] = b[i];
                    rows[at + 2 + i] = ab;
                }
            }
            return rows;
        }

        @Override
        public long size(List<Factor> factors) {
            return (long) n * (factors.size() + 2);
        }

        @Override
        public String describe() {
            return "sobol (Saltelli), n = " + n;
        }

        @Override
        public String yaml() {
            return "{type: sobol, n: " + n + "}";
        }

        /** A Saltelli row's A, B and A_B^i share their seeds: the estimators' differences within a row then cancel the noise. */
        @Override
        public int seedGroup(Point point, int factors) {
            return point.index() / (factors + 2);
        }

        @Override
        public String sharedSeeds() {
            return "one seed per Saltelli row (its A, B and AB runs share it)";
        }
    }

    private static List<Point> fromUnit(double[][] rows, List<Factor> factors) {
        List<Point> out = new ArrayList<>(rows.length);
        for (int p = 0; p < rows.length; p++) {
            List<Level> at = new ArrayList<>(factors.size());
            for (int f = 0; f < factors.size(); f++) {
                at.add(factors.get(f).at(rows[p][f]));
            }
            out.add(new Point(p, at));
        }
        return out;
    }
}
