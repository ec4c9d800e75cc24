package org.exitvoice.model.engine;

import org.exitvoice.model.Levels;
import org.exitvoice.model.PersonState;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Each community's men by boldness and hardship, for Epstein's protest rule: the bold (R &lt; 1/16) first, then the
 * others, each by hardship, descending. On most days only a prefix of the bold can be active; each community keeps a
 * bound on its most aggrieved man at home who is still bold, so that a region can pass over a community none of whose
 * men can be, and the day it was last found with nobody active (and its L then) if nobody has come home since.
 *
 * <p>It holds no rule and calls none: its region works out who can be reached today ({@code ManRules.protestReach})
 * and passes the hardship below which nobody is asked, with what to do with each man. It keeps its bounds true for
 * the men as they are ({@link #violation()} checks them against every man, for tests).
 */
public final class HardshipOrder {
    /** Risk-aversion levels below this make "the bold" (R &lt; 1/16), the only men who can protest on most days. */
    public static final int BOLD = 16;

    private final People people;
    private final int communitySize, communities;
    /** Men of each community, the bold first (up to {@link #boldEnd}) and then the others, each by hardship, descending. */
    private final char[] byBoldness;
    /**
     * Where each community's bold part ends, where its bold men who may still protest begin, and where those who are
     * still bold begin (offsets in it): a man's R only ever rises (arrest, fatigue), so one who has left the bold never
     * comes back to them, and on a day only the bold can be active he need not be read.
     */
    private final char[] boldEnd, boldStart, stillBoldStart;
    /** Hardship level of each community's most aggrieved man at home still bold (-1 if none), or higher: a bound. */
    private final short[] mostAggrieved;
    /**
     * For each community, the last day it was found to have none of its men active (-1: none, or a man has come home
     * since), and its L that day rounded up to a float: its region may pass it over while the rule says nobody can
     * have become active since ({@code ManRules.stillNobodyActive}).
     */
    private final long[] quiet; // the day in the high half, L's float bits in the low (one read for both)
    private static final long NOT_QUIET = -1L << 32;
    /** Communities not found quiet when last looked at, or with a man come home since, a bit each. */
    private final long[] awake;

    public HardshipOrder(People people, int communitySize, int communities) {
        this.people = people;
        this.communitySize = communitySize;
        this.communities = communities;
        byBoldness = new char[people.size];
        boldEnd = new char[communities];
        boldStart = new char[communities];
        stillBoldStart = new char[communities];
        mostAggrieved = new short[communities];
        Arrays.fill(mostAggrieved, (short) 255); // a bound above everyone until the first day's visit
        quiet = new long[communities];
        Arrays.fill(quiet, NOT_QUIET);
        awake = new long[(communities + 63) / 64];
        for (int c = 0; c < communities; c++) {
            wake(c);
        }
        int[] count = new int[Levels.COUNT + 1];
        for (int c = 0; c < communities; c++) {
            int from = c * communitySize, to = Math.min(people.size, from + communitySize);
            int end = CountingSort.sort(byBoldness, from, to, i -> (people.riskAversion[i] & 0xFF) < BOLD,
                    i -> 255 - (people.hardship[i] & 0xFF), count);
            boldEnd[c] = (char) (end - from);
        }
    }

    /** A man back home (released, turned back, out of hiding): his community's bound takes him in. */
    public void backHome(int i) {
        if (people.has(i, People.REPORTING)) {
            return;
        }
        int c = i / communitySize;
        // only the bold part needs the bound; raising it for another man costs a needless visit, nothing more
        mostAggrieved[c] = (short) Math.max(mostAggrieved[c], people.hardship[i] & 0xFF);
        quiet[c] = NOT_QUIET; // he was not there when it was found quiet
        wake(c);
    }

    /** None of community c's men could be active on {@code day}, where its L was {@code legitimacy}. */
    public void quiet(int c, int day, double legitimacy) {
        float up = (float) legitimacy;
        up = up < legitimacy ? Math.nextUp(up) : up; // rounded up: never above today's L when that is not lower
        quiet[c] = (long) day << 32 | Float.floatToRawIntBits(up) & 0xFFFF_FFFFL;
        awake[c >>> 6] &= ~(1L << c);
    }

    /** Community c is to be looked at again on a day no less favourable to protest than the last (its counts changed, or someone was active). */
    public void wake(int c) {
        awake[c >>> 6] |= 1L << c;
    }

    /** The first community from {@code c} on that is awake, or -1. */
    public int nextAwake(int c) {
        int w = c >>> 6;
        if (w >= awake.length) {
            return -1;
        }
        long bits = awake[w] & (-1L << c);
        while (bits == 0) {
            if (++w == awake.length) {
                return -1;
            }
            bits = awake[w];
        }
        return (w << 6) + Long.numberOfTrailingZeros(bits);
    }

    /** The last day community c was found quiet, if none of its men has come home since; else -1. */
    public int quietOn(int c) {
        return (int) (quiet[c] >> 32);
    }

    /** Community c's L on the day it was found quiet, or slightly more (a float). */
    public double quietLegitimacy(int c) {
        return Float.intBitsToFloat((int) quiet[c]);
    }

    /** Hardship byte of community c's most aggrieved bold man at home, or higher (-1: none). */
    public int mostAggrieved(int c) {
        return mostAggrieved[c];
    }

    /**
     * Community c's bold men at home and not reporting with hardship above {@code minHardship} are asked ({@code ask}),
     * the most aggrieved first; its bounds are renewed. With {@code everyone} the walk starts at the first bold man.
     */
    public void askTheBold(int c, double minHardship, boolean everyone, IntConsumer ask) {
        int from = c * communitySize;
        int k = everyone ? boldFrom(c, true) : stillBoldFrom(c), end = from + boldEnd[c];
        int most = -1;
        for (; k < end; k++) {
            int i = from + byBoldness[k];
            if (Levels.unit(people.hardship[i]) <= minHardship) {
                break; // sorted: everyone after him has less hardship
            }
            if (people.mayProtest(i) && (everyone || stillBold(i))) {
                ask.accept(i);
                if (most < 0) {
                    most = people.hardship[i] & 0xFF;
                }
            }
        }
        if (most < 0 && k < end) {
            most = people.hardship[from + byBoldness[k]] & 0xFF;
        }
        mostAggrieved[c] = (short) most;
    }

    /**
     * All of community c's men at home and not reporting with hardship above {@code minHardship} are asked, the bold
     * and the others merged into one order of hardship (descending; ties by place in the community, as one sorted
     * list would have them, so the draws come in the same order); its bounds are renewed.
     */
    public void askAll(int c, double minHardship, boolean everyone, IntConsumer ask) {
        int from = c * communitySize;
        int kb = boldFrom(c, everyone), eb = from + boldEnd[c], kn = eb, en = Math.min(people.size, from + communitySize);
        int most = -1;
        while (kb < eb || kn < en) {
            boolean takeBold;
            if (kb < eb && kn < en) {
                int hb = people.hardship[from + byBoldness[kb]] & 0xFF, hn = people.hardship[from + byBoldness[kn]] & 0xFF;
                takeBold = hb > hn || (hb == hn && byBoldness[kb] < byBoldness[kn]);
            } else {
                takeBold = kb < eb;
            }
            int i = from + byBoldness[takeBold ? kb : kn];
            if (Levels.unit(people.hardship[i]) <= minHardship) {
                break; // both parts sorted: everyone after him has less hardship
            }
            if (takeBold) {
                kb++;
            } else {
                kn++;
            }
            if (people.mayProtest(i)) {
                ask.accept(i);
            }
            if (takeBold && most < 0 && people.mayProtest(i)) {
                most = people.hardship[i] & 0xFF;
            }
        }
        if (most < 0 && kb < eb) {
            most = people.hardship[from + byBoldness[kb]] & 0xFF;
        }
        mostAggrieved[c] = (short) most;
    }

    /** Where community c's bold men who may still protest begin, past those gone for good (moved on first). */
    private int boldFrom(int c, boolean everyone) {
        int from = c * communitySize;
        int k = from + boldStart[c], end = from + boldEnd[c];
        while (k < end && protestGoneForGood(from + byBoldness[k])) {
            k++;
        }
        boldStart[c] = (char) (k - from);
        return everyone ? from : k;
    }

    /** Where community c's men who are still bold and may still protest begin, past those who never will again. */
    private int stillBoldFrom(int c) {
        int from = c * communitySize;
        int k = from + Math.max(stillBoldStart[c], boldFrom(c, false) - from), end = from + boldEnd[c];
        while (k < end && (protestGoneForGood(from + byBoldness[k]) || !stillBold(from + byBoldness[k]))) {
            k++;
        }
        stillBoldStart[c] = (char) (k - from);
        return k;
    }

    /** R still below the bold level (it only ever rises). */
    private boolean stillBold(int i) {
        return (people.riskAversion[i] & 0xFF) < BOLD;
    }

    /** Emigrated, mobilized or reporting: never again at home for Epstein's rule. */
    private boolean protestGoneForGood(int i) {
        byte st = people.state[i];
        return st == PersonState.EMIGRATED || st == PersonState.MOBILIZED || people.has(i, People.REPORTING);
    }

    /** The first way in which the bounds fail to hold for the men as they are now (null if they all hold). Reads every man. */
    public String violation() {
        for (int c = 0; c < communities; c++) {
            int from = c * communitySize;
            for (int k = from; k < from + boldEnd[c]; k++) {
                int i = from + byBoldness[k];
                if (k < from + boldStart[c] && !protestGoneForGood(i)) {
                    return "community " + c + ": bold man " + i + " before its start may still protest";
                }
                if (k < from + stillBoldStart[c] && !protestGoneForGood(i) && stillBold(i)) {
                    return "community " + c + ": bold man " + i + " before the start of the still bold is still bold";
                }
                if (people.mayProtest(i) && stillBold(i) && (people.hardship[i] & 0xFF) > mostAggrieved[c]) {
                    return "community " + c + ": bold man " + i + " at home more aggrieved than its bound " + mostAggrieved[c];
                }
            }
        }
        return null;
    }
}
