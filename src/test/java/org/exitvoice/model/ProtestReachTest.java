package org.exitvoice.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which men Epstein's rule can reach on a day, worked out by hand: the bound that lets a region skip the rest. */
class ProtestReachTest {
    private static final int BOLD = 16; // R < 16/256: the bold, as the engine splits them

    @Test
    void whereLegitimacyIsHighNobodyCanProtest() {
        // 1 - L = 0.1 is not above T = 0.1: G = H (1 - L) never exceeds T
        assertEquals(ManRules.ProtestReach.Who.NOBODY, ManRules.protestReach(0.9, 1.0, 0.1, BOLD).who());
    }

    @Test
    void withCertainArrestOnlyTheBoldWithHighHardshipCanProtest() {
        // L = 0.85, P = 1, T = 0.1. Outside the bold R >= 16.5/256: 0.998 x 0.15 - 0.0645 = 0.085 < T, so only the bold.
        // The boldest (R = 0.5/256) is active when H x 0.15 - 0.00195 > 0.1, i.e. H > 0.6797: (q + 0.5)/256 > 0.6797, q >= 174.
        assertEquals(new ManRules.ProtestReach(ManRules.ProtestReach.Who.THE_BOLD, 174), ManRules.protestReach(0.85, 1.0, 0.1, BOLD));
    }

    @Test
    void whenPoliceAreOverwhelmedEvenTheTimidMayProtest() {
        // P = 0 (more protesters than police): G > T is enough, for any R
        assertEquals(ManRules.ProtestReach.Who.ANYONE, ManRules.protestReach(0.85, 0.0, 0.1, BOLD).who());
    }

    @Test
    void whenEvenTheBoldestAtTheTopHardshipCannotNobodyIs() {
        // L = 0.85, P = 1, T = 0.15: the boldest at H = 255.5/256 has G - R P = 0.1497 - 0.00195 < 0.15
        assertEquals(ManRules.ProtestReach.Who.NOBODY, ManRules.protestReach(0.85, 1.0, 0.15, BOLD).who());
    }
}
