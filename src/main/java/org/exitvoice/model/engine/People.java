package org.exitvoice.model.engine;

import org.exitvoice.model.PersonState;

/**
 * The men aged 18-59 of one region as struct-of-arrays storage: one slot per agent, no object per person. Storage
 * only: the rules that read it are in {@code org.exitvoice.model} ({@code ManRules} and the formulas it names), and
 * only the region that owns it writes to it.
 */
public final class People {
    // flags (a bit each in flags[])
    public static final int EXEMPT = 1;
    public static final int INTL_PASSPORT = 2;
    public static final int SUMMONED = 4;
    /** Reported to the enlistment office; mobilized when his timer is reached. */
    public static final int REPORTING = 8;
    /** Summoned although outside the draft criteria. */
    public static final int MISDRAFTED = 16;
    /** In the region's list of men in hiding (so that he is listed once). */
    public static final int IN_HIDING_LIST = 32;
    /** Meets the draft criteria (fixed for the run: the criteria are not levers). */
    public static final int ELIGIBLE = 64;
    /** Has had his day today (a man is asked once a day, whichever list reached him first). */
    public static final int DECIDED = 128;

    /** A timer or summons day that is not set. */
    public static final short NEVER = -1;
    /** No route: not on the road nor abroad. */
    public static final byte NO_ROUTE = -1;

    /**
     * Bytes of heap per agent in these arrays (14) and in the two sorted orders ({@link AttachmentOrder}, {@link HardshipOrder}: 2 each). The
     * heap a run is allowed per agent, with headroom, is {@code HeapBudget.HEAP_BYTES_PER_AGENT}.
     */
    public static final int ARRAY_BYTES_PER_AGENT = 18;

    public final int size;
    public final byte[] age;
    /** {@code MilitaryService} ordinal. */
    public final byte[] service;
    public final byte[] flags;
    /** {@link PersonState}. */
    public final byte[] state;
    /** Savings and attachment as levels of their log-normal laws (the region's tables turn them into values). */
    public final byte[] savings;
    public final byte[] attachment;
    /** Risk aversion R and hardship H, as levels of uniform laws ({@code Levels.unit}). */
    public final byte[] riskAversion;
    public final byte[] hardship;
    /** Day of the summons, or NEVER. */
    public final short[] summonDay;
    /** Day something happens next: arrival at a crossing, release from detention, mobilization after reporting. */
    public final short[] timer;
    /** Route index while EN_ROUTE or EMIGRATED, else NO_ROUTE. */
    public final byte[] route;
    /** Opposes the war ({@code Opposition}): fixed for the run. */
    public final boolean[] opposesWar;

    public People(int size) {
        this.size = size;
        age = new byte[size];
        service = new byte[size];
        flags = new byte[size];
        state = new byte[size];
        savings = new byte[size];
        attachment = new byte[size];
        riskAversion = new byte[size];
        hardship = new byte[size];
        summonDay = new short[size];
        timer = new short[size];
        route = new byte[size];
        opposesWar = new boolean[size];
        java.util.Arrays.fill(summonDay, NEVER);
        java.util.Arrays.fill(timer, NEVER);
        java.util.Arrays.fill(route, NO_ROUTE);
    }

    public boolean has(int i, int flag) {
        return (flags[i] & flag) != 0;
    }

    public void set(int i, int flag) {
        flags[i] |= (byte) flag;
    }

    public void clear(int i, int flag) {
        flags[i] &= (byte) ~flag;
    }

    /** At home and free to act: neither summoned nor reporting (the leaving and fear-hiding rules' men). */
    public boolean freeAtHome(int i) {
        return state[i] == PersonState.AT_HOME && (flags[i] & (SUMMONED | REPORTING)) == 0;
    }

    /** At home and not reporting: Epstein's rule applies to him. */
    public boolean mayProtest(int i) {
        return state[i] == PersonState.AT_HOME && (flags[i] & REPORTING) == 0;
    }
}
