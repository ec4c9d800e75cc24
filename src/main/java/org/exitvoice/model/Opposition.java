package org.exitvoice.model;

/**
 * Who opposes the war, and what it does to his ties to home (docs/ODD.md §7, "Who leaves"): a motive to leave beyond the
 * draft. Opposition is commoner among the young and in towns; a man who opposes the war lacks the loyalty that holds
 * exit back (Hirschman 1970), so his attachment to home is a fraction of what it would be.
 */
public final class Opposition {
    private static final int YOUNGEST = 18, OLDEST = 59;

    private Opposition() {
    }

    /**
     * The chance a man opposes the war: linear in age from {@code young} at 18 to {@code old} at 59, scaled by the
     * region's urban share over the national one ({@link Urbanity}), at most 1:
     * min(1, (young + (old - young) (age - 18) / 41) x urban / 0.748).
     */
    public static double share(int age, double urbanShare, double young, double old) {
        double t = (double) (Math.min(OLDEST, Math.max(YOUNGEST, age)) - YOUNGEST) / (OLDEST - YOUNGEST);
        return Urbanity.scaled(young + (old - young) * t, urbanShare);
    }

    /**
     * The attachment level of a man who opposes the war, drawn at {@code level} of the log-normal law: the level of
     * attachment x {@code loyalty}. A level stands for median x exp(sigma z), so multiplying by loyalty moves z by
     * ln(loyalty) / sigma: the new level is the one whose band holds Phi(z + ln(loyalty) / sigma).
     */
    public static byte attachmentLevel(byte level, double loyalty, double sigma) {
        if (sigma <= 0 || loyalty == 1) {
            return level; // every man has the median: no level to move to (loyalty then acts nowhere)
        }
        double z = Levels.normalQuantile(Levels.of(level)) + Math.log(loyalty) / sigma;
        return Levels.quantise(Levels.normalCumulative(z));
    }
}
