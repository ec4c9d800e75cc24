package org.exitvoice.model;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Each community's men in the two orders a region's day walks, and the bounds that let the day pass over a community
 * none of whose men a rule can reach. By attachment (the eligible, then the others) for the leaving and fear-hiding
 * rules: the men those rules can reach are a prefix of each list. The bold (R &lt; 1/16), then the others, each by
 * hardship, for Epstein's protest rule: on most days only a prefix of the bold can be active.
 *
 * <p>It holds no rule. Its region says how far a rule reaches today, hands it each man to ask ({@link IntConsumer}s),
 * and tells it of every man back home; it keeps the bounds true for the men as they are
 * ({@link #violation()} checks them against every man, for tests). Orders are stored as offsets within the community
 * (2 bytes a man; communities hold at most 65,535 agents).
 */
final class CommunityOrders {
    /** Risk-aversion bytes below this make "the bold" (R &lt; 1/16), the only men who can protest on most days. */
    static final int BOLD = 16;
    /** Attachment quantile standing for "no man in this list may act" (the attachment table is infinite there). */
    static final int NOBODY = 256;
    /** {@link #protestReach}: a man outside the bold could be active. */
    static final int EVERYONE = -1;
    private static final short UNKNOWN = -1;

    private final People people;
    private final int communitySize, communities;
    /** The region's attachment by quantile, with +infinity at {@link #NOBODY}. */
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
     * For each list, what is known of its men at home who may act: every such man's attachment quantile is at least
     * {@code leastAttached} (NOBODY if there are none) and, but for one man, at least {@code nextAttached}. That one
     * man, when {@code firstKind} is not UNKNOWN, is the list's least attached, with quantile {@code leastAttached}
     * and passport and savings {@code firstKind} (see {@link #kind}): often the only man within reach, and one who
     * cannot afford to leave, so his region can ask about him without reading the list again every day.
     */
    private final short[] leastAttached, nextAttached, firstKind;

    /** Men of each community, the bold first (up to {@link #boldEnd}) and then the others, each by hardship, descending. */
    private final char[] byBoldness;
    /** Where each community's bold part ends, and where its bold men who may still protest begin (offsets in it). */
    private final char[] boldEnd, boldStart;
    /** Hardship byte of each community's most aggrieved bold man at home (-1 if none), or higher: a bound. */
    private final short[] mostAggrieved;

    CommunityOrders(People people, int communitySize, int communities, double[] attachmentOf) {
        this.people = people;
        this.communitySize = communitySize;
        this.communities = communities;
        this.attachmentOf = attachmentOf;
        byAttachment = new char[people.size];
        eligibleEnd = new int[communities];
        listStart = new char[2 * communities];
        leastAttached = new short[2 * communities]; // 0: a bound below everyone until the first day's visit
        nextAttached = new short[2 * communities];
        firstKind = new short[2 * communities];
        Arrays.fill(firstKind, UNKNOWN);
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
            listStart[2 * c] = 0;
            listStart[2 * c + 1] = (char) (eligibleEnd[c] - from);
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

    /** A man's passport and savings quantile in one number (0-511): all his cost of leaving depends on. */
    private short kind(int i) {
        return (short) ((people.has(i, People.INTL_PASSPORT) ? 256 : 0) + (people.savings[i] & 0xFF));
    }

    /** A man back home (released, turned back, out of hiding) may act again: his community's bounds take him in. */
    void backHome(int i) {
        int f = people.flags[i];
        if ((f & People.REPORTING) != 0) {
            return;
        }
        int c = i / communitySize;
        // only the bold part needs the bound; raising it for another man costs a needless visit, nothing more
        mostAggrieved[c] = (short) Math.max(mostAggrieved[c], people.hardship[i] & 0xFF);
        if ((f & People.SUMMONED) == 0) {
            int list = 2 * c + ((f & People.ELIGIBLE) != 0 ? 0 : 1);
            int q = people.attachment[i] & 0xFF;
            if (q < leastAttached[list]) { // he is the least attached now; the one known before becomes one of the rest
                nextAttached[list] = (short) Math.min(nextAttached[list], leastAttached[list]);
                leastAttached[list] = (short) q;
                firstKind[list] = kind(i);
            } else {
                nextAttached[list] = (short) Math.min(nextAttached[list], q);
            }
        }
    }

    // ---- the leaving and fear-hiding rules: lists by attachment ------------------------------------------------

    /** Lists: two per community, 2c its eligible men and 2c + 1 the others. */
    int lists() {
        return 2 * communities;
    }

    /** Whether a man at home in the list who may act could be less attached than {@code reach}. */
    boolean anyoneWithin(int list, double reach) {
        return attachmentOf[leastAttached[list]] < reach;
    }

    /**
     * The list's least attached man who may act, when he is known and nobody else in the list is within {@code reach}:
     * his passport and savings (see {@link #kind}), else -1. His attachment is {@link #leastAttachment}.
     */
    int onlyManWithin(int list, double reach) {
        return firstKind[list] != UNKNOWN && attachmentOf[nextAttached[list]] >= reach ? firstKind[list] : -1;
    }

    /** The attachment of the list's least attached man who may act (a bound; infinite if there is none). */
    double leastAttachment(int list) {
        return attachmentOf[leastAttached[list]];
    }

    /**
     * The list's men at home who may act (not summoned, not reporting) and are less attached than {@code reach} have
     * their day ({@code day}), in order of attachment; the list's start and bounds are renewed. With {@code everyone}
     * every man of the list who may act is asked.
     */
    void visitWithin(int list, double reach, boolean everyone, IntConsumer day) {
        int c = list >> 1;
        int from = c * communitySize;
        int begin = (list & 1) == 0 ? from : eligibleEnd[c];
        int end = (list & 1) == 0 ? eligibleEnd[c] : Math.min(people.size, from + communitySize);
        int k = from + listStart[list];
        while (k < end && goneForGood(from + byAttachment[k])) {
            k++;
        }
        listStart[list] = (char) (k - from);
        if (everyone) {
            k = begin;
        }
        int first = NOBODY, next = NOBODY;
        short kind = UNKNOWN;
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
            if (mayActAtHome(i)) {
                day.accept(i);
                if (mayActAtHome(i)) { // still at home and free: the first such man is remembered, the next bounds the rest
                    if (first == NOBODY) {
                        first = q;
                        kind = kind(i);
                    } else if (next == NOBODY) {
                        next = q;
                    }
                }
            }
        }
        leastAttached[list] = (short) first;
        nextAttached[list] = (short) next;
        firstKind[list] = kind;
    }

    /** At home, not summoned, not reporting: the leaving and fear-hiding rules apply to him. */
    private boolean mayActAtHome(int i) {
        return people.state[i] == PersonState.AT_HOME && (people.flags[i] & (People.SUMMONED | People.REPORTING)) == 0;
    }

    /** Emigrated, mobilized, summoned or reporting: never again a man at home the leaving and hiding rules ask. */
    private boolean goneForGood(int i) {
        byte st = people.state[i];
        return st == PersonState.EMIGRATED || st == PersonState.MOBILIZED
                || (people.flags[i] & (People.SUMMONED | People.REPORTING)) != 0;
    }

    // ---- Epstein's rule: the bold, then the others, by hardship ------------------------------------------------

    /**
     * Who could be active today where legitimacy is L and the arrest probability P: {@link #EVERYONE} if even a man
     * outside the bold could be (at the top hardship); else the lowest hardship byte at which the least risk-averse man
     * could be (256: nobody).
     */
    static int protestReach(double legitimacy, double p, double threshold) {
        if (1 - legitimacy <= threshold) {
            return 256; // G = H (1 - L) <= 1 - L <= T: nobody can be active
        }
        double boldest = People.unit((byte) 0);
        if (Grievance.active(Grievance.grievance(People.unit((byte) 255), legitimacy), People.unit((byte) BOLD), p, threshold)) {
            return EVERYONE;
        }
        // G is monotone in H: the lowest byte that holds, by bisection over [lo, hi)
        int lo = 0, hi = 256;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Grievance.active(Grievance.grievance(People.unit((byte) mid), legitimacy), boldest, p, threshold)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Hardship byte of community c's most aggrieved bold man at home, or higher (-1: none). */
    int mostAggrieved(int c) {
        return mostAggrieved[c];
    }

    /**
     * Community c's bold men at home and not reporting with hardship above {@code minHardship} are asked ({@code ask}),
     * the most aggrieved first; its bounds are renewed. With {@code everyone} the walk starts at the first bold man.
     */
    void askTheBold(int c, double minHardship, boolean everyone, IntConsumer ask) {
        int from = c * communitySize;
        int k = boldFrom(c, everyone), end = from + boldEnd[c];
        int most = -1;
        for (; k < end; k++) {
            int i = from + byBoldness[k];
            if (People.unit(people.hardship[i]) <= minHardship) {
                break; // sorted: everyone after him has less hardship
            }
            if (mayProtest(i)) {
                ask.accept(i);
            }
            if (most < 0 && mayProtest(i)) {
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
    void askAll(int c, double minHardship, boolean everyone, IntConsumer ask) {
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
            if (People.unit(people.hardship[i]) <= minHardship) {
                break; // both parts sorted: everyone after him has less hardship
            }
            if (takeBold) {
                kb++;
            } else {
                kn++;
            }
            if (mayProtest(i)) {
                ask.accept(i);
            }
            if (takeBold && most < 0 && mayProtest(i)) {
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

    /** At home and not reporting: Epstein's rule applies to him. */
    private boolean mayProtest(int i) {
        return people.state[i] == PersonState.AT_HOME && !people.has(i, People.REPORTING);
    }

    /** Emigrated, mobilized or reporting: never again at home for Epstein's rule. */
    private boolean protestGoneForGood(int i) {
        byte st = people.state[i];
        return st == PersonState.EMIGRATED || st == PersonState.MOBILIZED || people.has(i, People.REPORTING);
    }

    // ---- for tests -------------------------------------------------------------------------------------------

    /** The first way in which the bounds fail to hold for the men as they are now (null if they all hold). Reads every man. */
    String violation() {
        for (int c = 0; c < communities; c++) {
            int from = c * communitySize, to = Math.min(people.size, from + communitySize);
            for (int list = 2 * c; list <= 2 * c + 1; list++) {
                int begin = list == 2 * c ? from : eligibleEnd[c], end = list == 2 * c ? eligibleEnd[c] : to;
                boolean firstSeen = false;
                for (int k = begin; k < end; k++) {
                    int i = from + byAttachment[k];
                    if (k < from + listStart[list] && !goneForGood(i)) {
                        return "list " + list + ": man " + i + " before its start may still act";
                    }
                    if (!mayActAtHome(i)) {
                        continue;
                    }
                    int q = people.attachment[i] & 0xFF;
                    boolean isFirst = !firstSeen && firstKind[list] != UNKNOWN && q == leastAttached[list] && kind(i) == firstKind[list];
                    firstSeen |= isFirst;
                    if (q < leastAttached[list] || (!isFirst && q < nextAttached[list])) {
                        return "list " + list + ": man " + i + " at home with attachment " + q + " below its bounds "
                                + leastAttached[list] + "/" + nextAttached[list] + " (first kind " + firstKind[list] + ")";
                    }
                }
            }
            for (int k = from; k < from + boldEnd[c]; k++) {
                int i = from + byBoldness[k];
                if (k < from + boldStart[c] && !protestGoneForGood(i)) {
                    return "community " + c + ": bold man " + i + " before its start may still protest";
                }
                if (mayProtest(i) && (people.hardship[i] & 0xFF) > mostAggrieved[c]) {
                    return "community " + c + ": bold man " + i + " at home more aggrieved than its bound " + mostAggrieved[c];
                }
            }
        }
        return null;
    }
}
