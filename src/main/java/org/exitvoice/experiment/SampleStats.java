package org.exitvoice.experiment;

import java.util.Arrays;

/**
 * n, mean, standard deviation and quantiles of a metric's values at one design point (NaN values, i.e. runs where
 * the metric did not occur or that failed, are left out).
 */
public record SampleStats(int n, double mean, double sd, double q05, double q50, double q95) {

    /** The statistics of the finite values in {@code values}. */
    public static SampleStats of(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        int n = v.length;
        if (n == 0) {
            return new SampleStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Arrays.stream(v).sum() / n;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double sd = n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1));
        return new SampleStats(n, mean, sd, sortedQuantile(v, 0.05), sortedQuantile(v, 0.5), sortedQuantile(v, 0.95));
    }

    /** The p-quantile by linear interpolation between order statistics (R's type 7, numpy's default). */
    public static double quantile(double[] values, double p) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        return v.length == 0 ? Double.NaN : sortedQuantile(v, p);
    }

    private static double sortedQuantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
