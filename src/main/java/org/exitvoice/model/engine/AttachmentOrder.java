package org.exitvoice.model.engine;

import org.exitvoice.model.Levels;
import org.exitvoice.model.PersonState;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Each community's men by attachment to home, ascending, in two lists (the eligible, then the others), for the leaving
 * and fear-hiding rules: the men those rules can reach today are a prefix of each list. Each list keeps a bound on its
 * men at home who may act (and knows its least attached man's passport and savings), so that a region can pass over a
 * list none of whose men a rule can reach without reading it.
 *
 * <p>It holds no rule and calls none: its region works out how far the rules reach today (the bounds of
 * {@code ManRules}), passes that number in with what to do with each man, and tells it of every man back home. It
 * keeps its bounds true for the men as they are ({@link #violation()} checks them against every man, for tests).
 * Orders are offsets within the community (2 bytes a man; communities hold at most 65,535 agents).
 */
public final class AttachmentOrder {
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

    /** Sorts each community's men; {@code attachmentOf} is the region's attachment by level (256 values). */
    public AttachmentOrder(People people, int communitySize, int communities, double[] attachmentOf) {
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
        int[] count = new int[Levels.COUNT + 1];
        for (int c = 0; c < communities; c++) {
            int from = c * communitySize, to = Math.min(people.size, from + communitySize);
            eligibleEnd[c] = CountingSort.sort(byAttachment, from, to, i -> people.has(i, People.ELIGIBLE),
                    i -> people.attachment[i] & 0xFF, count);
            listStart[list(c, true)] = 0;
            listStart[list(c, false)] = (char) (eligibleEnd[c] - from);
        }
    }

    /** List of community c's eligible men, or of its others: two lists per community, in community order. */
    public int list(int community, boolean eligible) {
        return 2 * community + (eligible ? 0 : 1);
    }

    /** The community of a list. */
    public int communityOf(int list) {
        return list / 2;
    }

    /** Whether a list is of a community's eligible men. */
    public boolean isEligibleList(int list) {
        return list % 2 == 0;
    }

    /** Remembers man i as his list's least attached man (his passport and savings: all his cost of leaving depends on). */
    private void rememberFirst(int list, int i) {
        firstSavings[list] = (short) Levels.of(people.savings[i]);
        firstPassport[list] = people.has(i, People.INTL_PASSPORT);
    }

    /** A man back home (released, turned back, out of hiding), neither summoned nor reporting, may act again: his list's bounds take him in. */
    public void backHome(int i) {
        if (!people.freeAtHome(i)) {
            return;
        }
        int list = list(i / communitySize, people.has(i, People.ELIGIBLE));
        int q = people.attachment[i] & 0xFF;
        if (q < leastAttached[list]) { // he is the least attached now; the one known before becomes one of the rest
            nextAttached[list] = (short) Math.min(nextAttached[list], leastAttached[list]);
            leastAttached[list] = (short) q;
            rememberFirst(list, i);
        } else {
            nextAttached[list] = (short) Math.min(nextAttached[list], q);
        }
    }

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
        }
        return null;
    }
}
