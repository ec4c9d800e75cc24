package org.exitvoice.model.engine;

import org.exitvoice.model.Levels;
import org.exitvoice.model.PersonState;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Each community's men in the two orders a region's day walks, and the bounds that let the day pass over a community
 * none of whose men a rule can reach. By attachment (the eligible, then the others) for the leaving and fear-hiding
 * rules: the men those rules can reach are a prefix of each list. The bold (R &lt; 1/16), then the others, each by
 * hardship, for Epstein's protest rule: on most days only a prefix of the bold can be active.
 *
 * <p>It holds no rule and calls none. Its region works out how far a rule reaches today (the bounds of
 * {@code ManRules}), passes that number in with what to do with each man ({@link IntConsumer}s), and tells it of
 * every man back home; it keeps the bounds true for the men as they are ({@link #violation()} checks them against
 * every man, for tests). Orders are stored as offsets within the community (2 bytes a man; communities hold at most
 * 65,535 agents).
 */
public final class CommunityOrders {
    /** Risk-aversion levels below this make "the bold" (R &lt; 1/16), the only men who can protest on most days. */
    public static final int BOLD = 16;
    /** Attachment level standing for "no man in this list may act" (the attachment table is infinite there). */
    private static final int NOBODY = Levels.COUNT;
    private static final short UNKNOWN = -1;

    private final People people;
    private final int communitySize, communities;
    /** The region's attachment by level, with +infinity at {@link #NOBODY}. */
    private final double[] attachmentOf;

    /** Men of each community by attachment, ascending: the eligible first, then the others from {@link #eligibleEnd}. */
    private final char[] byAttachment;
    private final int[] eligibleEnd;
    /**
     * For each list (two per community: the eligible, then the others), where its men who may still act begin: the
     * men before are gone for good (emigrated, mobilized, summoned), so they are not read again.
     */
    private final char[] listStart;
    /**
     * For each list, what is known of its men at home who may act: every such man's attachment level is at least
     * {@code leastAttached} (NOBODY if there are none) and, but for one man, at least {@code nextAttached}. That one
     * man, when {@code firstSavings} is not UNKNOWN, is the list's least attached, with level {@code leastAttached},
     * savings level {@code firstSavings} and passport {@code firstPassport}: often the only man within reach, and one
     * who cannot afford to leave, so his region can ask about him without reading the list again every day.
     */
    private final short[] leastAttached, nextAttached, firstSavings;
    private final boolean[] firstPassport;

    /** Men of each community, the bold first (up to {@link #boldEnd}) and then the others, each by hardship, descending. */
    private final char[] byBoldness;
    /** Where each community's bold part ends, and where its bold men who may still protest begin (offsets in it). */
    private final char[] boldEnd, boldStart;
    /** Hardship byte of each community's most aggrieved bold man at home (-1 if none), or higher: a bound. */
    private final short[] mostAggrieved;

    /** Sorts each community's men; {@code attachmentOf} is the region's attachment by level (256 values). */
    public CommunityOrders(People people, int communitySize, int communities, double[] attachmentOf) {
        this.people = people;
        this.communitySize = communitySize;
        this.communities = communities;
        this.attachmentOf = Arrays.copyOf(attachmentOf, NOBODY + 1);
        this.attachmentOf[NOBODY] = Double.POSITIVE_INFINITY;
        byAttachment = new char[people.size];
        eligibleEnd = new int[communities];
        listStart = new char[2 * communities];
        leastAttached = new short[2 * communities]; // 0: a bound below everyone until the first day's visit
        nextAttached = new short[2 * communities];
        firstSavings = new short[2 * communities];
        Arrays.fill(firstSavings, UNKNOWN);
        firstPassport = new boolean[2 * communities];
        byBoldness = new char[people.size];
        boldEnd = new char[communities];
        boldStart = new char[communities];
        mostAggrieved = new short[communities];
        Arrays.fill(mostAggrieved, (short) 255); // a bound above everyone until the first day's visit
        sort();
    }

    /**
     * Counting sorts (stable, so deterministic) of each community: the eligible and then the others by attachment,
     * the bold and then the others by hardship, descending.
     */
    private void sort() {
        int[] count = new int[257];
        for (int c = 0; c < communities; c++) {
            int from = c * communitySize, to = Math.min(people.size, from + communitySize);
            int k = from;
            for (int pass = 0; pass < 2; pass++) { // the eligible, then the others
                boolean wantEligible = pass == 0;
                Arrays.fill(count, 0);
                for (int i = from; i < to; i++) {
                    if (eligible(i) == wantEligible) {
                        count[(people.attachment[i] & 0xFF) + 1]++;
                    }
                }
                for (int b = 0; b < 256; b++) {
                    count[b + 1] += count[b];
                }
                int base = k;
                for (int i = from; i < to; i++) {
                    if (eligible(i) == wantEligible) {
                        byAttachment[base + count[people.attachment[i] & 0xFF]++] = (char) (i - from);
                        k++;
                    }
                }
                if (wantEligible) {
                    eligibleEnd[c] = k;
                }
            }
            listStart[list(c, true)] = 0;
            listStart[list(c, false)] = (char) (eligibleEnd[c] - from);
            k = from;
            for (int pass = 0; pass < 2; pass++) { // the bold, then the others
                boolean wantBold = pass == 0;
                Arrays.fill(count, 0);
                for (int i = from; i < to; i++) {
                    if (bold(i) == wantBold) {
                        count[255 - (people.hardship[i] & 0xFF) + 1]++;
                    }
                }
                for (int b = 0; b < 256; b++) {
                    count[b + 1] += count[b];
                }
                int base = k;
                for (int i = from; i < to; i++) {
                    if (bold(i) == wantBold) {
                        byBoldness[base + count[255 - (people.hardship[i] & 0xFF)]++] = (char) (i - from);
                        k++;
                    }
                }
                if (wantBold) {
                    boldEnd[c] = (char) (k - from);
                }
            }
        }
    }

    private boolean eligible(int i) {
        return people.has(i, People.ELIGIBLE);
    }

    private boolean bold(int i) {
        return (people.riskAversion[i] & 0xFF) < BOLD;
    }

    /** List of community c's eligible men, or of its others: two lists per community, in community order. */
    public int list(int community, boolean eligible) {
        return 2 * community + (eligible ? 0 : 1);
    }

    private static int communityOf(int list) {
        return list / 2;
    }

    private static boolean isEligibleList(int list) {
        return list % 2 == 0;
    }

    /** Remembers man i as his list's least attached man (his passport and savings: all his cost of leaving depends on). */
    private void rememberFirst(int list, int i) {
        firstSavings[list] = (short) Levels.of(people.savings[i]);
        firstPassport[list] = people.has(i, People.INTL_PASSPORT);
    }

    /** A man back home (released, turned back, out of hiding) may act again: his community's bounds take him in. */
    public void backHome(int i) {
        int f = people.flags[i];
        if ((f & People.REPORTING) != 0) {
            return;
        }
        int c = i / communitySize;
        // only the bold part needs the bound; raising it for another man costs a needless visit, nothing more
        mostAggrieved[c] = (short) Math.max(mostAggrieved[c], people.hardship[i] & 0xFF);
        if ((f & People.SUMMONED) == 0) {
            int list = list(c, (f & People.ELIGIBLE) != 0);
            int q = people.attachment[i] & 0xFF;
            if (q < leastAttached[list]) { // he is the least attached now; the one known before becomes one of the rest
                nextAttached[list] = (short) Math.min(nextAttached[list], leastAttached[list]);
                leastAttached[list] = (short) q;
                rememberFirst(list, i);
            } else {
                nextAttached[list] = (short) Math.min(nextAttached[list], q);
            }
        }
    }

    // ---- the leaving and fear-hiding rules: lists by attachment ------------------------------------------------

    /** Whether a man at home in the list who may act could be less attached than {@code reach}. */
    public boolean anyoneWithin(int list, double reach) {
        return attachmentOf[leastAttached[list]] < reach;
    }

    /**
     * Whether the list's least attached man who may act is known and nobody else in the list is within {@code reach}:
     * then he is the only man to ask about, with attachment {@link #leastAttachment}, passport
     * {@link #leastAttachedHasPassport} and savings level {@link #leastAttachedSavings}.
     */
    public boolean onlyLeastAttachedWithin(int list, double reach) {
        return firstSavings[list] != UNKNOWN && attachmentOf[nextAttached[list]] >= reach;
    }

    /** The attachment of the list's least attached man who may act (a bound; infinite if there is none). */
    public double leastAttachment(int list) {
        return attachmentOf[leastAttached[list]];
    }

    /** Whether the list's known least attached man has an international passport. */
    public boolean leastAttachedHasPassport(int list) {
        return firstPassport[list];
    }

    /** The savings level of the list's known least attached man. */
    public int leastAttachedSavings(int list) {
        return firstSavings[list];
    }

    /**
     * The list's men at home who may act (not summoned, not reporting) and are less attached than {@code reach} have
     * their day ({@code day}), in order of attachment; the list's start and bounds are renewed. With {@code everyone}
     * every man of the list who may act is asked.
     */
    public void visitWithin(int list, double reach, boolean everyone, IntConsumer day) {
        int c = communityOf(list);
        int from = c * communitySize;
        int begin = isEligibleList(list) ? from : eligibleEnd[c];
        int end = isEligibleList(list) ? eligibleEnd[c] : Math.min(people.size, from + communitySize);
        int k = from + listStart[list];
        while (k < end && goneForGood(from + byAttachment[k])) {
            k++;
        }
        listStart[list] = (char) (k - from);
        if (everyone) {
            k = begin;
        }
        int first = NOBODY, next = NOBODY;
        firstSavings[list] = UNKNOWN;
        for (; k < end; k++) {
            int i = from + byAttachment[k];
            int q = people.attachment[i] & 0xFF;
            if (attachmentOf[q] >= reach) {
                // sorted: he and everyone after him are at least this attached
                if (first == NOBODY) {
                    first = q;
                }
                next = Math.min(next, q);
                break;
            }
            if (people.freeAtHome(i)) {
                day.accept(i);
                if (people.freeAtHome(i)) { // still at home and free: the first such man is remembered, the next bounds the rest
                    if (first == NOBODY) {
                        first = q;
                        rememberFirst(list, i);
                    } else if (next == NOBODY) {
                        next = q;
                    }
                }
            }
        }
        leastAttached[list] = (short) first;
        nextAttached[list] = (short) next;
    }

    /** Emigrated, mobilized, summoned or reporting: never again a man at home the leaving and hiding rules ask. */
    private boolean goneForGood(int i) {
        byte st = people.state[i];
        return st == PersonState.EMIGRATED || st == PersonState.MOBILIZED
                || (people.flags[i] & (People.SUMMONED | People.REPORTING)) != 0;
    }

    // ---- Epstein's rule: the bold, then the others, by hardship ------------------------------------------------

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
        int k = boldFrom(c, everyone), end = from + boldEnd[c];
        int most = -1;
        for (; k < end; k++) {
            int i = from + byBoldness[k];
            if (Levels.unit(people.hardship[i]) <= minHardship) {
                break; // sorted: everyone after him has less hardship
            }
            if (people.mayProtest(i)) {
                ask.accept(i);
            }
            if (most < 0 && people.mayProtest(i)) {
                most = people.hardship[i] & 0xFF;
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


    /** Emigrated, mobilized or reporting: never again at home for Epstein's rule. */
    private boolean protestGoneForGood(int i) {
        byte st = people.state[i];
        return st == PersonState.EMIGRATED || st == PersonState.MOBILIZED || people.has(i, People.REPORTING);
    }

    // ---- for tests -------------------------------------------------------------------------------------------

    /** The first way in which the bounds fail to hold for the men as they are now (null if they all hold). Reads every man. */
    public String violation() {
        for (int c = 0; c < communities; c++) {
            int from = c * communitySize, to = Math.min(people.size, from + communitySize);
            for (boolean eligible : new boolean[]{true, false}) {
                int list = list(c, eligible);
                int begin = eligible ? from : eligibleEnd[c], end = eligible ? eligibleEnd[c] : to;
                boolean firstSeen = false;
                for (int k = begin; k < end; k++) {
                    int i = from + byAttachment[k];
                    if (k < from + listStart[list] && !goneForGood(i)) {
                        return "list " + list + ": man " + i + " before its start may still act";
                    }
                    if (!people.freeAtHome(i)) {
                        continue;
                    }
                    int q = people.attachment[i] & 0xFF;
                    boolean isFirst = !firstSeen && firstSavings[list] != UNKNOWN && q == leastAttached[list]
                            && Levels.of(people.savings[i]) == firstSavings[list]
                            && people.has(i, People.INTL_PASSPORT) == firstPassport[list];
                    firstSeen |= isFirst;
                    if (q < leastAttached[list] || (!isFirst && q < nextAttached[list])) {
                        return "list " + list + ": man " + i + " at home with attachment " + q + " below its bounds "
                                + leastAttached[list] + "/" + nextAttached[list] + " (first savings " + firstSavings[list] + ")";
                    }
                }
            }
            for (int k = from; k < from + boldEnd[c]; k++) {
                int i = from + byBoldness[k];
                if (k < from + boldStart[c] && !protestGoneForGood(i)) {
                    return "community " + c + ": bold man " + i + " before its start may still protest";
                }
                if (people.mayProtest(i) && (people.hardship[i] & 0xFF) > mostAggrieved[c]) {
                    return "community " + c + ": bold man " + i + " at home more aggrieved than its bound " + mostAggrieved[c];
                }
            }
        }
        return null;
    }
}
