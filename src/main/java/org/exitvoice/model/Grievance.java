package org.exitvoice.model;

/**
 * Epstein's civil-violence rule (Epstein 2002, PNAS 99 suppl. 3): grievance G = H(1 - L), estimated arrest
 * probability P = 1 - exp(-k floor(C/A)), and a man is active when G - R P &gt; T.
 * Deviation: C and A are counted in the man's region (police on duty there, 1 + protesters there yesterday), not in
 * a vision radius on a grid (see docs/ODD.md).
 */
public final class Grievance {
    private Grievance() {
    }

    /** G = H (1 - L). */
    public static double grievance(double hardship, double legitimacy) {
        return hardship * (1 - legitimacy);
    }

    /** P = 1 - exp(-k floor(C / A)), with C police and A = 1 + active protesters (persons). */
    public static double arrestProbability(double k, double police, double activeProtesters) {
        return 1 - Math.exp(-k * Math.floor(police / (1 + activeProtesters)));
    }

    /**
     * T on a day: lowered on a day a protest is called, by callEffect x the region's urban share (the call travels
     * online and through city networks; Epstein's T is the man's own reluctance, which a call to act together lowers).
     */
    public static double thresholdToday(double threshold, boolean called, double callEffect, double urbanShare) {
        return called ? Math.max(0, threshold - callEffect * urbanShare) : threshold;
    }

    /** Active when G - R P &gt; T. */
    public static boolean active(double grievance, double riskAversion, double arrestProbability, double threshold) {
        return grievance - riskAversion * arrestProbability > threshold;
    }
}
