package org.exitvoice.model;

/**
 * What the announcement of a mobilization does to men's expectations beyond the draft itself (docs/ODD.md §7,
 * "Announcement and the closing door"): an uncertainty about who will be called that touches every man, fading with
 * time and cut by official clarifications; and the fear that exit will close, which makes waiting costly.
 */
public final class Announcement {
    private Announcement() {
    }

    /**
     * The uncertainty added to every man's perceived risk on a day: U = shock x 2^(-day / halfLife) x unclarified, where
     * unclarified = the product of (1 - value) over the clarifications so far (each removes that share of what is left).
     */
    public static double uncertainty(double shock, double halfLifeDays, int day, double unclarified) {
        return shock * fresh(halfLifeDays, day, unclarified);
    }

    /**
     * How much of the announcement is still news on a day, 1 on day 0: 2^(-day / halfLife) x unclarified. The
     * uncertainty is the shock times this; violent incidents answer to it too ({@link RegionMemory#incidentRate}).
     */
    public static double fresh(double halfLifeDays, int day, double unclarified) {
        return Math.pow(0.5, day / halfLifeDays) * unclarified;
    }

    /**
     * The hurdle a man's attachment sets to leaving, when he sees the chance q that exit closes soon. Staying includes
     * the option to leave later; waiting is worth something only while that option lasts (the option value of waiting:
     * Dixit and Pindyck 1994; Burda 1995 for migration), so the hurdle is his attachment x (1 - q).
     */
    public static double hurdle(double attachment, double exitClosingChance) {
        return attachment * (1 - exitClosingChance);
    }
}
