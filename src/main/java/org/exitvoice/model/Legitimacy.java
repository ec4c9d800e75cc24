package org.exitvoice.model;

import org.exitvoice.scenario.Protest;
import org.exitvoice.scenario.RegionData;

/**
 * Epstein's legitimacy L where a man lives (docs/ODD.md §7, "Protest"): the region's at the start, and a community's
 * below its region's for what its men saw of the draft. {@link RegionMemory} lowers the region's further for recent
 * incidents and arrests.
 */
public final class Legitimacy {
    private Legitimacy() {
    }

    /** A region's L before anything happens: legitimacy - minorityGap x minority share - warDeathsLoss x war dead per 10,000 men. */
    public static double atStart(Protest p, RegionData region) {
        return p.legitimacy() - p.minorityGap() * region.minorityShare() - p.warDeathsLoss() * region.warDeathsPer10kMen();
    }

    /**
     * A community's L: its region's, less misdraftLoss x the share of its men misdrafted lately and summonsLoss x the
     * share summoned so far (the local draft's intensity), floored at 0.
     */
    public static double inCommunity(double region, Protest p, double misdrafted, double summoned, double men) {
        return Math.max(0, region - p.misdraftLoss() * misdrafted / men - p.summonsLoss() * summoned / men);
    }
}
