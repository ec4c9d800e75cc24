package org.exitvoice.experiment;

import java.util.Arrays;

/**
 * The share of a metric's variance that is run-to-run noise: the mean variance between replications at the same
 * design point, over the variance of all runs together. Near 0 the factors explain the spread; near 1 luck does.
 */
public final class NoiseShare {
    private NoiseShare() {
    }

    /**
     * The noise share of values grouped by design point ({@code byPoint[point][replication]}; NaN values, runs that
     * failed or where the metric did not occur, are left out). NaN when no point has two values or nothing varies.
     */
    public static double of(double[][] byPoint) {
        double within = 0;
        int points = 0;
        int n = 0;
        double sum = 0;
        for (double[] values : byPoint) {
            double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
            n += v.length;
            sum += Arrays.stream(v).sum();
            if (v.length >= 2) {
                within += variance(v);
                points++;
            }
        }
        if (points == 0 || n < 2) {
            return Double.NaN;
        }
        double mean = sum / n;
        double ss = 0;
        for (double[] values : byPoint) {
            for (double x : values) {
                if (Double.isFinite(x)) {
                    ss += (x - mean) * (x - mean);
                }
            }
        }
        double total = ss / (n - 1);
        return total > 0 ? within / points / total : Double.NaN;
    }

    private static double variance(double[] v) {
        double mean = Arrays.stream(v).sum() / v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return ss / (v.length - 1);
    }
}
