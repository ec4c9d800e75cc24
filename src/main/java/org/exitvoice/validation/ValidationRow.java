package org.exitvoice.validation;

import java.util.Arrays;

/**
 * One target against the model: the observed value (midpoint of a range) and the simulated mean and 5-95 % band over
 * the replications.
 *
 * @param comparison the target and its measure
 * @param mean       simulated mean
 * @param q05        5th percentile of the replications
 * @param q95        95th percentile of the replications
 * @param relError   (mean − observed) / observed
 * @param inside     whether the observed value (or, for a range, any part of it) lies inside [q05, q95]
 */
public record ValidationRow(Target comparison, double mean, double q05, double q95, double relError,
                            boolean inside) {

    /** Summarises one comparison's replications. */
    public static ValidationRow of(Target c, double[] samples) {
        Observation o = c.observation();
        double[] s = samples.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(Double.NaN);
        double q05 = quantile(s, 0.05), q95 = quantile(s, 0.95);
        double rel = (mean - o.value()) / o.value();
        boolean inside = q05 <= o.high() && o.low() <= q95; // the band overlaps the observed interval
        return new ValidationRow(c, mean, q05, q95, rel, inside);
    }

    /** The observation's id. */
    public String id() {
        return comparison.id();
    }

    /** The observed value (midpoint of a range). */
    public double observed() {
        return comparison.observation().value();
    }

    /** |mean − observed| / observed: this target's term of the ARD. */
    public double absRelError() {
        return Math.abs(relError);
    }

    /**
     * ln(mean / observed), each floored at {@link #LOG_RATIO_FLOOR} (one of the observation's unit: a person, an hour, a
     * rouble, a building): positive when the model is too high, negative when too low, and a model that predicts nothing
     * is scored as predicting one, so it costs ln(observed), more than any finite miss by a smaller factor.
     */
    public double logRatio() {
        return Math.log(Math.max(mean, LOG_RATIO_FLOOR) / Math.max(observed(), LOG_RATIO_FLOOR));
    }

    /**
     * The floor of {@link #logRatio()}: one of the observation's unit, the smallest amount any observation reports
     * (persons, hours, roubles, offices), so a zero stands for "less than one" rather than for nothing.
     */
    public static final double LOG_RATIO_FLOOR = 1.0;

    /**
     * Calibration's log error: |ln((mean + f) / (observed + f))| with f a tenth of the observed value: a factor too high costs about as much as
     * the same factor too low, and a zero costs as much as being 11 times off (ln 11 = 2.4), not without bound, so a
     * target the model structurally cannot reach does not drag every parameter towards it.
     */
    public double logError() {
        double o = observed(), floor = LOG_FLOOR * o;
        return Math.abs(Math.log((mean + floor) / (o + floor)));
    }

    /** The floor of {@link #logError()}, as a share of the observed value. */
    public static final double LOG_FLOOR = 0.1;

    /** Linear interpolation between order statistics (R's type 7) of sorted values. */
    static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
