package org.exitvoice.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * How an experiment chooses its points: every combination, a Latin hypercube, Saltelli's scheme for Sobol indices, or
 * Morris's trajectories for elementary effects. Serializable, like {@link Factor} and {@link Metric}: a Spark sweep
 * ships them to its tasks.
 */
public sealed interface Design extends java.io.Serializable
        permits Design.Factorial, Design.LatinHypercube, Design.Saltelli, Design.Morris {

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

    /**
     * Morris's screening design (Morris 1991): {@code trajectories} random paths through a grid of {@code levels}
     * values per factor in [0, 1], each starting at a random grid point and moving one factor at a time, in random
     * order and direction, by delta = levels / (2 (levels - 1)); {@code r (k + 1)} points, grouped by trajectory.
     */
    record Morris(int trajectories, int levels) implements Design {
        @Override
        public List<Point> points(List<Factor> factors, long seed) {
            return fromUnit(unitRows(factors.size(), seed), factors);
        }

        /** The design's rows in [0, 1]^k for {@code k} factors, drawn from {@code seed}: those {@link #points} takes. */
        public double[][] unitRows(int k, long seed) {
            return unitRows(trajectories, k, levels, new SplittableRandom(seed));
        }

        /** The step every factor takes along a trajectory, in [0, 1] units. */
        public double delta() {
            return levels / (2.0 * (levels - 1));
        }

        /**
         * The {@code r (k + 1)} rows of the design in [0, 1]^k: row t (k + 1) + j is point j of trajectory t, and
         * rows j and j + 1 of a trajectory differ in one factor only, by plus or minus delta.
         */
        public static double[][] unitRows(int r, int k, int levels, SplittableRandom rng) {
            int half = levels / 2; // delta in grid steps: from level j to level j + levels / 2
            double[][] rows = new double[r * (k + 1)][];
            for (int t = 0; t < r; t++) {
                int[] at = new int[k];
                int[] step = new int[k];
                for (int i = 0; i < k; i++) {
                    int low = rng.nextInt(half); // the lower of the factor's two levels on this trajectory
                    boolean up = rng.nextBoolean();
                    at[i] = up ? low : low + half;
                    step[i] = up ? half : -half;
                }
                int[] order = new int[k];
                for (int i = 0; i < k; i++) {
                    order[i] = i;
                }
                for (int i = k - 1; i > 0; i--) { // Fisher-Yates: the order the factors move in
                    int j = rng.nextInt(i + 1);
                    int x = order[i];
                    order[i] = order[j];
                    order[j] = x;
                }
                rows[t * (k + 1)] = unit(at, levels);
                for (int j = 0; j < k; j++) {
                    at[order[j]] += step[order[j]];
                    rows[t * (k + 1) + j + 1] = unit(at, levels);
                }
            }
            return rows;
        }

        private static double[] unit(int[] at, int levels) {
            double[] u = new double[at.length];
            for (int i = 0; i < at.length; i++) {
                u[i] = at[i] / (double) (levels - 1);
            }
            return u;
        }

        @Override
        public long size(List<Factor> factors) {
            return (long) trajectories * (factors.size() + 1);
        }

        @Override
        public String describe() {
            return "morris, " + trajectories + " trajectories over " + levels + " levels";
        }

        @Override
        public String yaml() {
            return "{type: morris, trajectories: " + trajectories + ", levels: " + levels + "}";
        }

        /** A trajectory's runs share their seeds: each elementary effect is a difference within one trajectory. */
        @Override
        public int seedGroup(Point point, int factors) {
            return point.index() / (factors + 1);
        }

        @Override
        public String sharedSeeds() {
            return "one seed per Morris trajectory";
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
