package org.exitvoice.model;

/**
 * The men aged 18-59 of one region as struct-of-arrays storage: one slot per agent, no object per person.
 * The arrays are storage only; the rules that read them live in {@link Decisions}, {@link DraftCriteria},
 * {@link Grievance} and {@link RouteChoice}.
 */
final class People {
    // flags (bit set in flags[])
    static final int EXEMPT = 1;
    static final int INTL_PASSPORT = 2;
    static final int SUMMONED = 4;
    /** Reported to the enlistment office; mobilized when timer is reached. */
    static final int REPORTING = 8;
    /** Summoned although outside the draft criteria. */
    static final int MISDRAFTED = 16;
    /** Listed in the region's list of men in hiding (so that he is listed once). */
    static final int IN_HIDING_LIST = 32;
    /** Meets the draft criteria (fixed for the run: the criteria are not levers). */
    static final int ELIGIBLE = 64;
    /** Has had his day today (a man is asked once a day, whichever list reached him first). */
    static final int DECIDED = 128;

    static final byte SERVICE_NONE = 0;
    static final byte SERVICE_CONSCRIPT = 1;
    static final byte SERVICE_CONTRACT = 2;

    static final short NEVER = -1;

    final int size;
    final byte[] age;
    final byte[] service;
    final byte[] flags;
    final byte[] state;
    /** Savings and attachment as quantiles 0..255 of their log-normal laws (the region's tables turn them into values). */
    final byte[] savings;
    final byte[] attachment;
    /** Risk aversion R and hardship H, quantised to 0..255. */
    final byte[] riskAversion;
    final byte[] hardship;
    /** Day of the summons, or NEVER. */
    final short[] summonDay;
    /** Day something happens next: arrival at a crossing, release from detention, mobilization after reporting. */
    final short[] timer;
    /** Route index while EN_ROUTE or EMIGRATED. */
    final byte[] route;

    People(int size) {
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
        java.util.Arrays.fill(summonDay, NEVER);
        java.util.Arrays.fill(timer, NEVER);
        java.util.Arrays.fill(route, (byte) -1);
    }

    boolean has(int i, int flag) {
        return (flags[i] & flag) != 0;
    }

    void set(int i, int flag) {
        flags[i] |= (byte) flag;
    }

    void clear(int i, int flag) {
        flags[i] &= (byte) ~flag;
    }

    /** The value a stored byte stands for: the middle of its 1/256 band, so never exactly 0 or 1 (a uniform law). */
    static double unit(byte b) {
        return ((b & 0xFF) + 0.5) / 256.0;
    }

    /** Bytes of heap per agent in the arrays above (13) and in the region's two sorted orders (4): the target is at most 24. */
    static final int BYTES_PER_AGENT = 17;

    /** The byte whose band holds x in [0,1]. */
    static byte quantise(double x) {
        return (byte) Math.min(255, (int) (Math.max(0, x) * 256));
    }
}
