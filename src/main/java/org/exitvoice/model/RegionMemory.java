package org.exitvoice.model;

import ec.util.MersenneTwisterFast;
import org.exitvoice.scenario.Incidents;
import org.exitvoice.scenario.Protest;
import org.exitvoice.scenario.RegionData;

/**
 * What a region remembers of its last memoryDays days (docs/ODD.md §7, "Legitimacy and incidents"): violent incidents,
 * the crackdown (arrests and men caught) and misdrafts, and from them its legitimacy L today and the day's violent
 * incidents. Ring buffers: today's slot is the oldest day's, cleared at dawn.
 */
final class RegionMemory {
    private final int[] incidents, crackdown, misdrafts;
    private double meanGrievanceAtStart = Double.NaN, meanGrievance;

    RegionMemory(int memoryDays) {
        incidents = new int[memoryDays];
        crackdown = new int[memoryDays];
        misdrafts = new int[memoryDays];
    }

    /** At dawn: the oldest day is forgotten. */
    void forgetOldestDay(int day) {
        int slot = day % incidents.length;
        incidents[slot] = 0;
        crackdown[slot] = 0;
        misdrafts[slot] = 0;
    }

    /**
     * L of the region today: its starting legitimacy (lower where minorities are many), less what people saw lately:
     * L = legitimacy - minorityGap x minority share - warDeathsLoss x war dead per 10,000 men before the mobilization
     * - legitimacyLoss x incidents - crackdownLoss x (arrests + caught) / men,
     * within [0, 1] (a crackdown both deters and provokes).
     */
    double legitimacy(Protest p, Incidents inc, RegionData region, int men) {
        double start = Legitimacy.atStart(p, region);
        double crackdownShare = men == 0 ? 0 : sum(crackdown) / (double) men;
        double l = start - inc.legitimacyLoss() * sum(incidents) - p.crackdownLoss() * crackdownShare;
        return Math.max(0, Math.min(1, l));
    }

    /** Violent incidents in the last memoryDays (raids grow with them: enforcement.incidentResponse). */
    int recentIncidents() {
        return sum(incidents);
    }

    /** Today's mean grievance of the region's men; the first day's is the baseline incidents answer to. */
    void sawGrievance(double meanGrievance) {
        this.meanGrievance = meanGrievance;
        if (Double.isNaN(meanGrievanceAtStart)) {
            meanGrievanceAtStart = meanGrievance;
        }
    }

    double meanGrievance() {
        return meanGrievance;
    }

    /**
     * At dusk: today's crackdown and misdrafts are remembered, and today's violent incidents drawn, Poisson with
     * {@link #incidentRate} (announcementFresh: {@link Announcement#fresh}, 0 once the draft is over); returns them.
     */
    int endOfDay(int day, int arrestsAndCaught, int misdrafted, Incidents inc, int men, double menMillions,
                 double announcementFresh, MersenneTwisterFast random) {
        int slot = day % crackdown.length;
        crackdown[slot] = arrestsAndCaught;
        misdrafts[slot] = misdrafted;
        double misdraftShare = men == 0 ? 0 : sum(misdrafts) / (double) men;
        double rate = incidentRate(inc, menMillions, announcementFresh,
                Math.max(0, meanGrievance - meanGrievanceAtStart), misdraftShare);
        int today = Draws.poisson(random, rate);
        incidents[slot] += today;
        return today;
    }

    /**
     * Violent incidents a day: baseRate per million men x (1 + announcementWeight x announcementFresh) x (1 +
     * grievanceWeight x the rise of mean grievance since the start) x (1 + misdraftWeight x the share of men
     * misdrafted lately). The first factor is the news of a mobilization itself, before anyone is summoned: talk of
     * one in May 2022 brought 1 + announcementWeight times the base rate of arsons in a week; the
     * announcement's news fades as its uncertainty does ({@link Announcement#fresh}: 1 on day 0, 0 once the draft is
     * over). The last is the Ust-Ilimsk shooter's anger that a friend outside the criteria was drafted.
     */
    static double incidentRate(Incidents inc, double menMillions, double announcementFresh, double grievanceRise,
                               double misdraftShare) {
        return inc.baseRate() * menMillions * (1 + inc.announcementWeight() * announcementFresh)
                * (1 + inc.grievanceWeight() * grievanceRise) * (1 + inc.misdraftWeight() * misdraftShare);
    }

    private static int sum(int[] a) {
        int total = 0;
        for (int x : a) {
            total += x;
        }
        return total;
    }
}
