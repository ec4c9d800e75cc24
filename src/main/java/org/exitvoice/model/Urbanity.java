package org.exitvoice.model;

/**
 * How much more urban a region is than Russia as a whole: national survey shares (opposition to the war, international
 * passports) hold as polled at the national urban share and are scaled by this ratio in a region.
 */
public final class Urbanity {
    /** Urban share of Russia's population in 2021 (Rosstat): the share at which national shares hold as polled. */
    static final double NATIONAL_URBAN_SHARE = 0.748;

    private Urbanity() {
    }

    /** A national share scaled to a region, at most 1: min(1, share x urban / 0.748) (x 1.34 in a wholly urban one). */
    public static double scaled(double nationalShare, double urbanShare) {
        return Math.min(1, nationalShare * urbanShare / NATIONAL_URBAN_SHARE);
    }
}
