package org.exitvoice.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Morris's elementary effects from model outputs laid out by {@link Design.Morris}: along each trajectory, the change
 * in the output when one factor steps by delta, over delta (in [0, 1] units of the factor's range, so an effect is the
 * change across the whole range if the response were linear). Per factor: mu, the mean effect; mu*, the mean absolute
 * effect (Campolongo et al. 2007), which ranks factors; sigma, the effects' standard deviation, large where the
 * factor interacts with others or acts non-linearly; and a 90 % bootstrap interval of mu* over trajectories.
 */
public final class ElementaryEffects {

    /** One factor's screening measures; {@code n} effects were usable (the output occurred at both ends of the step). */
    public record Effect(int n, double mu, double muStar, double sigma, double muStarLo, double muStarHi) {
    }

    private final double[][] effects; // [factor][trajectory], NaN where unusable

    /**
     * @param unit the design's rows in [0, 1]^k, as {@link Design.Morris#unitRows} gives them
     * @param f    the output at each row (NaN: a failed run, a metric that did not occur)
     */
    public ElementaryEffects(double[][] unit, double[] f) {
        if (unit.length != f.length || unit.length == 0) {
            throw new IllegalArgumentException("one output per design row: " + unit.length + " rows, " + f.length + " outputs");
        }
        int k = unit[0].length;
        if (unit.length % (k + 1) != 0) {
            throw new IllegalArgumentException("expected r x (k + 1) rows for k = " + k + ", got " + unit.length);
        }
        int r = unit.length / (k + 1);
        effects = new double[k][r];
        for (double[] e : effects) {
            Arrays.fill(e, Double.NaN);
        }
        for (int t = 0; t < r; t++) {
            for (int j = 0; j < k; j++) {
                int a = t * (k + 1) + j, b = a + 1;
                for (int i = 0; i < k; i++) {
                    double step = unit[b][i] - unit[a][i];
                    if (step != 0) { // the one factor that moved on this step
                        effects[i][t] = (f[b] - f[a]) / step;
                    }
                }
            }
        }
    }

    /** Each factor's measures, the interval's resamples drawn from {@code seed}. */
    public List<Effect> withIntervals(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Effect> out = new ArrayList<>();
        for (double[] all : effects) {
            double[] e = Arrays.stream(all).filter(Double::isFinite).toArray();
            int n = e.length;
            if (n == 0) {
                out.add(new Effect(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
                continue;
            }
            double[] boot = new double[SobolIndices.RESAMPLES];
            for (int b = 0; b < boot.length; b++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += Math.abs(e[rng.nextInt(n)]);
                }
                boot[b] = s / n;
            }
            SampleStats st = SampleStats.of(e);
            double muStar = Arrays.stream(e).map(Math::abs).sum() / n;
            out.add(new Effect(n, st.mean(), muStar, st.sd(), SampleStats.quantile(boot, 0.05),
                    SampleStats.quantile(boot, 0.95)));
        }
        return out;
    }
}
