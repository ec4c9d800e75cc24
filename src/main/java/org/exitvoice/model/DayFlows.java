package org.exitvoice.model;

/** A region's flows during the current day, in agents (incidents in events); zeroed at dawn. */
final class DayFlows {
    int summons, reported, misdrafted, caught, protesters, arrests, incidents, departures, turnedBack;

    /** The day's tally in persons: stocks and flows x scale; protesters and arrests in persons (men / menShare). */
    Tally tally(int[] stock, int emigratedOpposed, int scale, double protestMenShare) {
        double protestPersons = scale / protestMenShare;
        long sc = scale;
        return new Tally(stock[PersonState.AT_HOME] * sc, stock[PersonState.HIDING] * sc, stock[PersonState.EN_ROUTE] * sc,
                stock[PersonState.EMIGRATED] * sc, stock[PersonState.MOBILIZED] * sc, stock[PersonState.DETAINED] * sc,
                summons * sc, reported * sc, misdrafted * sc, caught * sc,
                Math.round(protesters * protestPersons), Math.round(arrests * protestPersons),
                incidents, departures * sc, turnedBack * sc, emigratedOpposed * sc);
    }

    void clear() {
        summons = reported = misdrafted = caught = protesters = arrests = incidents = departures = turnedBack = 0;
    }
}
