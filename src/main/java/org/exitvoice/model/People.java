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
    static final int PROTESTING = 32;

    static final byte SERVICE_NONE = 0;
    static final byte SERVICE_CONSCRIPT = 1;
    static final byte SERVICE_CONTRACT = 2;

    static final short NEVER = -1;

    final int size;
    final byte[] age;
    final byte[] service;
    final byte[] flags;
    final byte[] state;
    /** Savings in RUB. */
    final float[] savings;
    /** Risk aversion R, hardship H and attachment to home, quantised to 0..255. */
    final byte[] riskAversion;
    final byte[] hardship;
    final byte[] attachment;
    /** Day of the summons, or NEVER. */
    final short[] summonDay;
    /** Day something happens next: arrival at a crossing, release from detention, mobilization after reporting. */
    final short[] timer;
    /** Route index while EN_ROUTE or EMIGRATED. */
    final byte[] route;
    /** Persons travelling with this agent (agent's men plus family), set at departure. */
    final int[] party;

    People(int size) {
        this.size = size;
        age = new byte[size];
        service = new byte[size];
        flags = new byte[size];
        state = new byte[size];
        savings = new float[size];
        riskAversion = new byte[size];
        hardship = new byte[size];
        attachment = new byte[size];
        summonDay = new short[size];
        timer = new short[size];
        route = new byte[size];
        party = new int[size];
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

    static double unit(byte b) {
        return (b & 0xFF) / 255.0;
    }

    static byte quantise(double x) {
        return (byte) Math.round(Math.max(0, Math.min(1, x)) * 255);
    }
}
