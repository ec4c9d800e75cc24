package org.exitvoice.model;

import ec.util.MersenneTwisterFast;

/** Random draws the model needs beyond uniform ones, from a caller's stream (so results stay per-region deterministic). */
final class Draws {
    private Draws() {
    }

    /** Poisson(mean): Knuth's product method for small means, a rounded normal above 30 (error well under 1%). */
    static int poisson(MersenneTwisterFast random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean), product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    /** Rounds x up or down at random so that the expectation is x (counts stay unbiased at any scale). */
    static int stochasticRound(MersenneTwisterFast random, double x) {
        if (x <= 0) {
            return 0;
        }
        int whole = (int) Math.floor(x);
        return random.nextDouble() < x - whole ? whole + 1 : whole;
    }

    /** A seed for stream {@code stream} derived from the run's seed (SplitMix64 finaliser: nearby seeds give unrelated streams). */
    static long streamSeed(long seed, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + (stream + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
