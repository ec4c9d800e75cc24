package org.exitvoice.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Patient Rule Induction Method (Friedman and Fisher 1999), as scenario discovery uses it (Bryant and Lempert 2010;
 * the EMA Workbench): a box in factor space holding the runs of interest, found by peeling thin slices off its faces
 * one at a time, and optionally pasting some back.
 *
 * <p>Each peel removes from one face of one factor the alpha share of the box's runs with the lowest (or highest)
 * values, runs tied with the last removed value included, choosing the face whose removal leaves the highest share of
 * runs of interest (Friedman and Fisher's original objective). Peeling stops when any further peel would leave fewer
 * than {@code minMass} of all runs. Every box along the way is kept: the trajectory trades coverage for density.
 */
public final class Prim {
    private final double[][] x; // [run][factor]
    private final boolean[] y;
    private final int cases;
    private final double[] min, max;

    /**
     * A box: the limits of each factor (both ends inside the box), how many runs it holds and how many of them are of
     * interest.
     *
     * @param lo       lowest value of each factor inside the box
     * @param hi       highest value of each factor inside the box
     * @param n        runs in the box
     * @param cases    runs of interest in the box
     * @param mass     n over all runs
     * @param coverage cases over all runs of interest
     * @param density  cases over n
     */
    public record Box(double[] lo, double[] hi, int n, int cases, double mass, double coverage, double density) {
    }

    /**
     * PRIM over runs {@code x[run][factor]} (finite numbers) of which those with {@code y[run]} are of interest.
     *
     * @throws IllegalArgumentException when there are no runs, no factors, or no run of interest
     */
    public Prim(double[][] x, boolean[] y) {
        if (x.length == 0 || x.length != y.length || x[0].length == 0) {
            throw new IllegalArgumentException("PRIM needs runs and factors");
        }
        this.x = x;
        this.y = y;
        int c = 0;
        for (boolean b : y) {
            c += b ? 1 : 0;
        }
        if (c == 0) {
            throw new IllegalArgumentException("no run is of interest: there is nothing to find a box for");
        }
        this.cases = c;
        int k = x[0].length;
        min = new double[k];
        max = new double[k];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (double[] row : x) {
            for (int j = 0; j < k; j++) {
                min[j] = Math.min(min[j], row[j]);
                max[j] = Math.max(max[j], row[j]);
            }
        }
    }

    /** The box holding every run. */
    public Box whole() {
        return box(min.clone(), max.clone());
    }

    /** The peeling trajectory from the whole box: box 0 is every run, each next box one peel smaller. */
    public List<Box> peel(double alpha, double minMass) {
        List<Box> trajectory = new ArrayList<>();
        Box b = whole();
        trajectory.add(b);
        while (true) {
            Box best = null;
            for (int j = 0; j < min.length; j++) {
                for (boolean low : new boolean[] {true, false}) {
                    Box c = peeled(b, j, low, alpha);
                    if (c == null || c.n() < minMass * x.length) {
                        continue;
                    }
                    // the densest box left; of equally dense ones, the larger (it keeps more coverage)
                    if (best == null || c.density() > best.density() || c.density() == best.density() && c.n() > best.n()) {
                        best = c;
                    }
                }
            }
            if (best == null) {
                return trajectory;
            }
            b = best;
            trajectory.add(b);
        }
    }

    /**
     * Pastes runs back onto {@code b}: each step widens the one face of one factor that, taking in the alpha share of
     * the box's size of the nearest runs outside it, most raises the density; stops when no widening raises it.
     * Peeling is greedy and may cut too deep; pasting undoes cuts that turned out to remove runs of interest.
     */
    public Box paste(Box b, double alpha) {
        while (true) {
            Box best = null;
            for (int j = 0; j < min.length; j++) {
                for (boolean low : new boolean[] {true, false}) {
                    Box c = pasted(b, j, low, alpha);
                    if (c != null && c.density() > b.density() && (best == null || c.density() > best.density())) {
                        best = c;
                    }
                }
            }
            if (best == null) {
                return b;
            }
            b = best;
        }
    }

    /** {@code b} with the alpha share of its runs removed from one face of factor j; null when nothing can go. */
    private Box peeled(Box b, int j, boolean low, double alpha) {
        double[] v = valuesInside(b, j, -1);
        int m = v.length;
        int k = Math.max(1, (int) Math.ceil(alpha * m));
        double cut = low ? v[k - 1] : v[m - k];
        // the new limit is the nearest value beyond the cut, so that runs tied with the cut go with it
        double limit = Double.NaN;
        for (double value : v) {
            if (low ? value > cut && !(value >= limit) : value < cut && !(value <= limit)) {
                limit = value;
            }
        }
        if (Double.isNaN(limit)) {
            return null; // every run of the box has the same value of j
        }
        double[] lo = b.lo().clone(), hi = b.hi().clone();
        if (low) {
            lo[j] = limit;
        } else {
            hi[j] = limit;
        }
        return box(lo, hi);
    }

    /** {@code b} widened on one face of factor j by the alpha share of its size; null when no run lies beyond. */
    private Box pasted(Box b, int j, boolean low, double alpha) {
        List<Double> beyond = new ArrayList<>();
        for (double[] row : x) {
            if (insideExcept(row, b, j) && (low ? row[j] < b.lo()[j] : row[j] > b.hi()[j])) {
                beyond.add(row[j]);
            }
        }
        if (beyond.isEmpty()) {
            return null;
        }
        double[] v = beyond.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int k = Math.min(v.length, Math.max(1, (int) Math.ceil(alpha * b.n())));
        double[] lo = b.lo().clone(), hi = b.hi().clone();
        if (low) {
            lo[j] = v[v.length - k]; // the k nearest below, and runs tied with the last
        } else {
            hi[j] = v[k - 1];
        }
        return box(lo, hi);
    }

    /** Sorted values of factor j over the runs inside b. */
    private double[] valuesInside(Box b, int j, int ignore) {
        return Arrays.stream(x).filter(row -> insideExcept(row, b, ignore)).mapToDouble(row -> row[j]).sorted().toArray();
    }

    private static boolean insideExcept(double[] row, Box b, int except) {
        for (int j = 0; j < row.length; j++) {
            if (j != except && (row[j] < b.lo()[j] || row[j] > b.hi()[j])) {
                return false;
            }
        }
        return true;
    }

    private Box box(double[] lo, double[] hi) {
        int n = 0, c = 0;
        Box probe = new Box(lo, hi, 0, 0, 0, 0, 0);
        for (int i = 0; i < x.length; i++) {
            if (insideExcept(x[i], probe, -1)) {
                n++;
                c += y[i] ? 1 : 0;
            }
        }
        return new Box(lo, hi, n, c, (double) n / x.length, (double) c / cases, n == 0 ? 0 : (double) c / n);
    }

    /** Whether {@code b} limits factor j, i.e. leaves out some of the values the runs take. */
    public boolean restricts(Box b, int j) {
        return b.lo()[j] > min[j] || b.hi()[j] < max[j];
    }

    /**
     * {@code b} without its limits on factor j: if its coverage rises and its density hardly falls, the limit was a
     * by-product of greedy peeling, not part of what makes the runs of interest.
     */
    public Box without(Box b, int j) {
        double[] lo = b.lo().clone(), hi = b.hi().clone();
        lo[j] = min[j];
        hi[j] = max[j];
        return box(lo, hi);
    }

    /** How many factors {@code b} limits. */
    public int restricted(Box b) {
        int r = 0;
        for (int j = 0; j < min.length; j++) {
            r += restricts(b, j) ? 1 : 0;
        }
        return r;
    }

    /**
     * The box to report from a trajectory: the densest of those holding at least {@code minCoverage} of the runs of
     * interest (of equally dense ones, the one with more coverage); the whole box when none does.
     */
    public static int choose(List<Box> trajectory, double minCoverage) {
        int best = 0;
        for (int i = 1; i < trajectory.size(); i++) {
            Box b = trajectory.get(i), c = trajectory.get(best);
            if (b.coverage() >= minCoverage && (b.density() > c.density()
                    || b.density() == c.density() && b.coverage() > c.coverage())) {
                best = i;
            }
        }
        return best;
    }

    /** The lowest value of factor j over all runs. */
    public double min(int j) {
        return min[j];
    }

    /** The highest value of factor j over all runs. */
    public double max(int j) {
        return max[j];
    }

    /** Runs of interest among all runs. */
    public int cases() {
        return cases;
    }
}
