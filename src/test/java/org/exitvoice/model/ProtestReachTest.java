package org.exitvoice.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which men Epstein's rule can reach on a day, worked out by hand: the bound that lets a region skip the rest. */
class ProtestReachTest {

    @Test
    void whereLegitimacyIsHighNobodyCanProtest() {
        // 1 - L = 0.1 is not above T = 0.1: G = H (1 - L) never exceeds T
        assertEquals(256, CommunityOrders.protestReach(0.9, 1.0, 0.1));
    }

    @Test
    void withCertainArrestOnlyTheBoldWithHighHardshipCanProtest() {
        // L = 0.85, P = 1, T = 0.1. Outside the bold R >= 16.5/256: 0.998 x 0.15 - 0.0645 = 0.085 < T, so only the bold.
        // The boldest (R = 0.5/256) is active when H x 0.15 - 0.00195 > 0.1, i.e. H > 0.6797: (q + 0.5)/256 > 0.6797, q >= 174.
        assertEquals(174, CommunityOrders.protestReach(0.85, 1.0, 0.1));
    }

    @Test
    void whenPoliceAreOverwhelmedEvenTheTimidMayProtest() {
        // P = 0 (more protesters than police): G > T is enough, for any R
        assertEquals(CommunityOrders.EVERYONE, CommunityOrders.protestReach(0.85, 0.0, 0.1));
    }
}
