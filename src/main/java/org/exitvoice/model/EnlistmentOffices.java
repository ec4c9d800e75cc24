package org.exitvoice.model;

import ec.util.MersenneTwisterFast;
import org.exitvoice.model.engine.People;
import org.exitvoice.scenario.Draft;

/**
 * A region's enlistment offices (docs/ODD.md §7, "Summons"): each day they serve summons against the region's quota,
 * up to summonsPerDay x intensity x quota, to men at home picked at random from their registers — by mistake, with
 * the misclassification probability, to a man outside the criteria — until mobilized and reporting men reach the
 * quota. Men who report are mobilized reportDelayDays later.
 */
final class EnlistmentOffices {
    /** Tries to find a man for one summons before the office gives up for the day (bounded rejection sampling). */
    private static final int SUMMONS_TRIES = 200;

    private final Region region;
    private final People people;
    private final MersenneTwisterFast random;
    private final Draft draft;
    /** Men in the region who meet the criteria (the offices' pool). */
    private final int eligibleMen;

    /** Quota in agents (persons / scale). */
    double quota;
    /** Agents who reported and will be mobilized when their timer comes. */
    int reporting;

    EnlistmentOffices(Region region, People people, MersenneTwisterFast random, Draft draft, int eligibleMen) {
        this.region = region;
        this.people = people;
        this.random = random;
        this.draft = draft;
        this.eligibleMen = eligibleMen;
    }

    /** Today's summons, while the draft runs and the quota is not yet met by mobilized and reporting men. */
    void serveSummons(int day, boolean draftRunning, double intensity, double misclassification) {
        if (!draftRunning || people.size == 0) {
            return;
        }
        double need = quota - region.stock(PersonState.MOBILIZED) - reporting;
        if (need <= 0) {
            return;
        }
        double capacity = draft.summonsPerDay() * intensity * quota;
        int n = Math.min(Draws.stochasticRound(random, capacity), (int) Math.ceil(need));
        for (int k = 0; k < n; k++) {
            boolean wrong = random.nextDouble() < misclassification;
            int i = wrong ? findAtHome(false) : -1;
            if (i < 0) {
                // a correct summons (also when no one outside the criteria is left to summon by mistake)
                i = findAtHome(true);
            }
            if (i < 0) {
                return; // no eligible man found at home: the quota stays unmet (never filled from outside the criteria)
            }
            summon(i, day);
            region.agenda().summonedToday(i);
        }
    }

    /**
     * A random man at home, not yet summoned, who meets the criteria ({@code eligible}) or does not; -1 when none is
     * found within {@link #SUMMONS_TRIES} draws. Offices pick from their registers at random; drawing by rejection
     * needs no per-person list.
     */
    private int findAtHome(boolean eligible) {
        if (eligible ? eligibleMen == 0 : eligibleMen == people.size) {
            return -1;
        }
        for (int t = 0; t < SUMMONS_TRIES; t++) {
            int i = random.nextInt(people.size);
            if (people.freeAtHome(i) && people.has(i, People.ELIGIBLE) == eligible) {
                return i;
            }
        }
        return -1;
    }

    /** Man i is summoned (at an office or in custody); one outside the criteria is misdrafted. */
    void summon(int i, int day) {
        people.set(i, People.SUMMONED);
        people.summonDay[i] = (short) day;
        region.view().summoned(i);
        region.flows().summons++;
        if (!people.has(i, People.ELIGIBLE)) {
            misdraft(i, day);
        }
    }

    /** A man outside the criteria drafted (summoned, or caught in a raid): counted today, and news in his community. */
    void misdraft(int i, int day) {
        people.set(i, People.MISDRAFTED);
        people.summonDay[i] = (short) day;
        region.flows().misdrafted++;
        region.view().misdrafted(i, day);
    }

    /** A summoned man reports: mobilized at once, or when reportDelayDays have passed. */
    void report(int i, int day) {
        region.flows().reported++;
        int delay = draft.reportDelayDays();
        if (delay == 0) {
            region.move(i, PersonState.MOBILIZED);
        } else {
            people.set(i, People.REPORTING);
            region.agenda().schedule(i, day + delay);
            reporting++;
        }
    }

    /** A man who reported is mobilized (his timer fell today). */
    void mobilize(int i) {
        people.clear(i, People.REPORTING);
        reporting--;
        region.move(i, PersonState.MOBILIZED);
    }
}
