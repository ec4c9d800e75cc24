package org.exitvoice.model;

/**
 * What every region reads on a day, fixed before regions step (so regions stepping in parallel see the same
 * world): the date index, whether the draft runs and exit lists are in use, and yesterday's prices and queues.
 */
final class Today {
    int day;
    boolean draftRunning;
    boolean exitListsInUse;
    /** Route usable today: open, with capacity, and no exit ban. */
    boolean[] usable;
    /** Today's price of each route (RUB) = base price x yesterday's price index. */
    double[] price;
    /** Expected days in each route's queue (yesterday's queue / capacity). */
    double[] waitDays;

    Today(int routes) {
        usable = new boolean[routes];
        price = new double[routes];
        waitDays = new double[routes];
    }
}
