package org.exitvoice.experiment;

/**
 * The seed of one run, derived from the experiment's seed, the design point (its seed group under common random
 * numbers) and the replication alone, so a sweep's results do not depend on thread count or order, and {@code compare}
 * gives both scenarios the same seeds.
 */
public final class RunSeed {
    private RunSeed() {
    }

    /** A well-mixed, non-negative seed (SplitMix64 finaliser over the three numbers). */
    public static long of(long base, int point, int replication) {
        long z = mix(base);
        z = mix(z + 0x9E3779B97F4A7C15L * (point + 1L));
        z = mix(z ^ (0xC2B2AE3D27D4EB4FL * (replication + 1L)));
        return z & Long.MAX_VALUE; // non-negative: reads the same in every tool that opens runs.csv
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
