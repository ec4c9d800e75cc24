package org.exitvoice.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * First-order (S1) and total (ST) Sobol' indices from model outputs laid out by {@link Design.Saltelli}:
 * S1_i = mean(f(B) (f(A_B^i) - f(A))) / V (Saltelli et al. 2010, table 2 (b)) and
 * ST_i = mean((f(A) - f(A_B^i))^2) / (2 V) (Jansen 1999), V the variance of f over A and B together;
 * 90 % intervals by resampling the rows j with replacement (percentile bootstrap, seeded).
 */
public final class SobolIndices {

    /** Bootstrap resamples: enough for stable 5 % and 95 % percentiles. */
    public static final int RESAMPLES = 1000;

    /** One factor's indices with their 90 % bootstrap intervals. */
    public record Index(double s1, double s1Lo, double s1Hi, double st, double stLo, double stHi) {
    }

    private final double[] fa;
    private final double[] fb;
    private final double[][] fab; // [row][factor]
    private final int k;

    /**
     * @param f the output at every design point in Saltelli order ({@code n (k + 2)} values); a row with any NaN
     *          (a failed run, a metric that did not occur) is left out
     * @param k the number of factors
     */
    public SobolIndices(double[] f, int k) {
        if (k < 1 || f.length % (k + 2) != 0) {
            throw new IllegalArgumentException("expected n x (k + 2) values for k = " + k + ", got " + f.length);
        }
        this.k = k;
        List<double[]> rows = new ArrayList<>();
        for (int at = 0; at < f.length; at += k + 2) {
            double[] row = Arrays.copyOfRange(f, at, at + k + 2);
            if (Arrays.stream(row).allMatch(Double::isFinite)) {
                rows.add(row);
            }
        }
        int m = rows.size();
        fa = new double[m];
        fb = new double[m];
        fab = new double[m][k];
        for (int j = 0; j < m; j++) {
            double[] row = rows.get(j);
            fa[j] = row[0];
            fb[j] = row[1];
            System.arraycopy(row, 2, fab[j], 0, k);
        }
    }

    /** The rows used (those without a missing value). */
    public int rows() {
        return fa.length;
    }

    /** S1 (first row) and ST (second row) for each factor, from all usable rows; NaN when the output never varies. */
    public double[][] estimate() {
        int[] all = new int[fa.length];
        Arrays.setAll(all, j -> j);
        return estimate(all);
    }

    /** Each factor's indices with 90 % percentile-bootstrap intervals, {@code seed} fixing the resamples. */
    public List<Index> withIntervals(long seed) {
        double[][] point = estimate();
        int m = fa.length;
        double[][][] boot = new double[2][k][RESAMPLES];
        SplittableRandom rng = new SplittableRandom(seed);
        int[] idx = new int[m];
        for (int b = 0; b < RESAMPLES; b++) {
            for (int j = 0; j < m; j++) {
                idx[j] = rng.nextInt(m);
            }
            double[][] e = estimate(idx);
            for (int i = 0; i < k; i++) {
                boot[0][i][b] = e[0][i];
                boot[1][i][b] = e[1][i];
            }
        }
        List<Index> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            out.add(new Index(point[0][i], SampleStats.quantile(boot[0][i], 0.05), SampleStats.quantile(boot[0][i], 0.95),
                    point[1][i], SampleStats.quantile(boot[1][i], 0.05), SampleStats.quantile(boot[1][i], 0.95)));
        }
        return out;
    }

    private double[][] estimate(int[] idx) {
        double[][] out = new double[2][k];
        int m = idx.length;
        if (m < 2) {
            Arrays.fill(out[0], Double.NaN);
            Arrays.fill(out[1], Double.NaN);
            return out;
        }
        double mean = 0;
        for (int j : idx) {
            mean += fa[j] + fb[j];
        }
        mean /= 2.0 * m;
        double var = 0;
        for (int j : idx) {
            var += (fa[j] - mean) * (fa[j] - mean) + (fb[j] - mean) * (fb[j] - mean);
        }
        var /= 2.0 * m - 1;
        for (int i = 0; i < k; i++) {
            double first = 0, total = 0;
            for (int j : idx) {
                double d = fab[j][i] - fa[j];
                first += fb[j] * d;
                total += d * d;
            }
            out[0][i] = var > 0 ? first / m / var : Double.NaN;
            out[1][i] = var > 0 ? total / (2.0 * m) / var : Double.NaN;
        }
        return out;
    }
}
