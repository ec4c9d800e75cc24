package org.exitvoice.model;

/**
 * What every region reads on a day, fixed at dawn before regions step (so regions stepping in parallel see the same
 * world): the day, whether the draft runs and exit lists are in use, and each route's state from yesterday's queues
 * and prices. Written only by {@link ExitVoiceModel}.
 */
public final class Today {
    int day;
    boolean draftRunning;
    boolean exitListsInUse;
    /** The announcement's uncertainty in every man's perceived risk today ({@link Announcement#uncertainty}). */
    double uncertainty;
    /** How much of the announcement is still news today, 1 on day 0, 0 once the draft is over ({@link Announcement#fresh}). */
    double announcementFresh;
    /** What is left of the draft as announced ({@link Decisions#draftRemaining}): 1 at the start, 0 once over. */
    double draftRemaining = 1;
    /** A call to protest is out today in region r: a protestCall event naming it, or one without a region (all). */
    final boolean[] protestCalledIn;
    /** Route usable today: open, with capacity, and no exit ban. */
    final boolean[] usable;
    /** Route open only to men of the region it lies in (each region works out its own usable routes from both). */
    final boolean[] residentsOnly;
    /** Today's price of each route (RUB) = base price x yesterday's price index. */
    final double[] price;
    /** Expected days in each route's queue (yesterday's queue / capacity). */
    final double[] waitDays;

    Today(int routes, int regions) {
        protestCalledIn = new boolean[regions];
        usable = new boolean[routes];
        residentsOnly = new boolean[routes];
        price = new double[routes];
        waitDays = new double[routes];
    }

    public int day() {
        return day;
    }

    public boolean draftRunning() {
        return draftRunning;
    }

    public boolean exitListsInUse() {
        return exitListsInUse;
    }

    /** A call to protest is out today in region r, national or local. */
    public boolean protestCalled(int region) {
        return protestCalledIn[region];
    }

    public double draftRemaining() {
        return draftRemaining;
    }

    public double uncertainty() {
        return uncertainty;
    }

    public double announcementFresh() {
        return announcementFresh;
    }

    /** Open, with places, and no exit ban (for men of any region; see {@link #residentsOnly}). */
    public boolean usable(int route) {
        return usable[route];
    }

    public boolean residentsOnly(int route) {
        return residentsOnly[route];
    }

    public double price(int route) {
        return price[route];
    }

    public double waitDays(int route) {
        return waitDays[route];
    }
}
