package org.exitvoice.model;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A man's continuous attributes are stored as one of 256 levels (a byte): risk aversion R and hardship H as uniform
 * laws on (0, 1), savings and attachment as quantiles of their log-normal laws. The level stands for the middle of its
 * 1/256 band, so a value is never exactly 0 or 1 (ODD §7, "Population").
 */
public final class Levels {
    /** Levels per attribute. */
    public static final int COUNT = 256;

    private static final double[] NORMAL_QUANTILE = new double[COUNT];
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    static {
        for (int q = 0; q < COUNT; q++) {
            NORMAL_QUANTILE[q] = STANDARD_NORMAL.inverseCumulativeProbability((q + 0.5) / COUNT);
        }
    }

    private Levels() {
    }

    /** The value in (0, 1) a stored level stands for: (level + 1/2) / 256. */
    public static double unit(byte level) {
        return ((level & 0xFF) + 0.5) / COUNT;
    }

    /** The value in (0, 1) of level {@code level} (0-255). */
    public static double unit(int level) {
        return (level + 0.5) / COUNT;
    }

    /** The level whose band holds x in [0, 1]. */
    public static byte quantise(double x) {
        return (byte) Math.min(COUNT - 1, (int) (Math.max(0, x) * COUNT));
    }

    /** The level (0-255) of a stored byte. */
    public static int of(byte level) {
        return level & 0xFF;
    }

    /** The standard normal quantile at (level + 1/2) / 256: a level of a log-normal law stands for exp(mu + sigma x this). */
    public static double normalQuantile(int level) {
        return NORMAL_QUANTILE[level];
    }

    /** The standard normal distribution function at z: the share of a log-normal law's levels below exp(mu + sigma z). */
    public static double normalCumulative(double z) {
        return STANDARD_NORMAL.cumulativeProbability(z);
    }
}
