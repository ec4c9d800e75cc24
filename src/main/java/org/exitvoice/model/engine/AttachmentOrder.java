package org.exitvoice.model.engine;

import org.exitvoice.model.Levels;
import org.exitvoice.model.PersonState;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Each community's men by attachment to home, ascending, in two lists (the eligible, then the others), for the leaving
 * and fear-hiding rules: the men those rules can reach today are a prefix of each list. Each list keeps a bound on its
 * men at home who may act (and knows its two least attached men's passports and savings), so that a region can pass over a
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
     * {@code atLeast[0]} (NOBODY if there are none), all but one at least {@code atLeast[1]}, all but two at least
     * {@code atLeast[2]}. The man of rank r set apart (0: the least attached, 1: the next), when {@code savings[r]} is
     * not UNKNOWN, is known: level {@code atLeast[r]}, savings level {@code savings[r]}, passport {@code passport[r]}
     * (all his cost of leaving depends on). Often they are the only men within reach, and men who cannot afford to
     * leave, so their region can ask about them without reading the list again every day. An unknown man of rank 0
     * leaves all at least {@code atLeast[1]}; one of rank 1, all but the first at least {@code atLeast[2]}.
     */
    private final short[][] atLeast = new short[3][], savings = new short[2][];
    private final boolean[][] passport = new boolean[2][];

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
        for (int r = 0; r < 3; r++) {
            atLeast[r] = new short[2 * communities]; // 0: a bound below everyone until the first day's visit
        }
        for (int r = 0; r < 2; r++) {
            savings[r] = new short[2 * communities];
            Arrays.fill(savings[r], UNKNOWN);
            passport[r] = new boolean[2 * communities];
        }
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

    /** Remembers man i as his list's known man of rank r, at level q. */
    private void remember(int list, int r, int i, int q) {
        atLeast[r][list] = (short) q;
        savings[r][list] = (short) Levels.of(people.savings[i]);
        passport[r][list] = people.has(i, People.INTL_PASSPORT);
    }

    /** A man back home (released, turned back, out of hiding), neither summoned nor reporting, may act again: his list's bounds take him in. */
    public void backHome(int i) {
        if (!people.freeAtHome(i)) {
            return;
        }
        int list = list(i / communitySize, people.has(i, People.ELIGIBLE));
        int q = people.attachment[i] & 0xFF;
        if (q >= atLeast[1][list]) {
            atLeast[2][list] = (short) Math.min(atLeast[2][list], q);
            return;
        }
        // he is of rank 0 or 1 now: the man of rank 1 before becomes one of the rest, and the one of rank 0 before of rank 1
        atLeast[2][list] = (short) Math.min(atLeast[2][list], atLeast[1][list]);
        if (q < atLeast[0][list]) {
            atLeast[1][list] = atLeast[0][list];
            savings[1][list] = savings[0][list];
            passport[1][list] = passport[0][list];
            remember(list, 0, i, q);
        } else {
            remember(list, 1, i, q);
        }
    }

    /** Whether a man at home in the list who may act could be less attached than {@code reach}. */
    public boolean anyoneWithin(int list, double reach) {
        return attachmentOf[atLeast[0][list]] < reach;
    }

    /**
     * How many men who may act are within {@code reach} in the list when they are all known (1: the least attached, 2:
     * he and the next, with nobody else within reach); 0 when that is not known. The known men are the ones to ask
     * about, by {@link #knownAttachment}, {@link #knownHasPassport} and {@link #knownSavings}.
     */
    public int knownWithin(int list, double reach) {
        if (savings[0][list] == UNKNOWN) {
            return 0;
        }
        if (attachmentOf[atLeast[1][list]] >= reach) {
            return 1;
        }
        return savings[1][list] != UNKNOWN && attachmentOf[atLeast[2][list]] >= reach ? 2 : 0;
    }

    /** The attachment of the list's known man of rank r (0: the least attached who may act). */
    public double knownAttachment(int list, int r) {
        return attachmentOf[atLeast[r][list]];
    }

    /** Whether the list's known man of rank r has an international passport. */
    public boolean knownHasPassport(int list, int r) {
        return passport[r][list];
    }

    /** The savings level of the list's known man of rank r. */
    public int knownSavings(int list, int r) {
        return savings[r][list];
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
        int first = NOBODY, second = NOBODY, rest = NOBODY;
        savings[0][list] = UNKNOWN;
        savings[1][list] = UNKNOWN;
        for (; k < end; k++) {
            int i = from + byAttachment[k];
            int q = people.attachment[i] & 0xFF;
            if (attachmentOf[q] >= reach) {
                // sorted: he and everyone after him are at least this attached
                first = Math.min(first, q);
                second = Math.min(second, q);
                rest = Math.min(rest, q);
                break;
            }
            if (people.freeAtHome(i)) {
                day.accept(i);
                if (people.freeAtHome(i)) { // still at home and free: the first two such men are remembered, the next bounds the rest
                    if (first == NOBODY) {
                        first = q;
                        remember(list, 0, i, q);
                    } else if (second == NOBODY) {
                        second = q;
                        remember(list, 1, i, q);
                    } else if (rest == NOBODY) {
                        rest = q;
                    }
                }
            }
        }
        atLeast[0][list] = (short) first;
        atLeast[1][list] = (short) second;
        atLeast[2][list] = (short) rest;
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
                boolean firstSeen = false, secondSeen = false;
                for (int k = begin; k < end; k++) {
                    int i = from + byAttachment[k];
                    if (k < from + listStart[list] && !goneForGood(i)) {
                        return "list " + list + ": man " + i + " before its start may still act";
                    }
                    if (!people.freeAtHome(i)) {
                        continue;
                    }
                    int q = people.attachment[i] & 0xFF;
                    boolean isFirst = !firstSeen && isKnown(list, 0, i, q);
                    firstSeen |= isFirst;
                    boolean isSecond = !isFirst && !secondSeen && isKnown(list, 1, i, q);
                    secondSeen |= isSecond;
                    if (q < atLeast[0][list] || (!isFirst && q < atLeast[1][list])
                            || (!isFirst && !isSecond && q < atLeast[2][list])) {
                        return "list " + list + ": man " + i + " at home with attachment " + q + " below its bounds "
                                + atLeast[0][list] + "/" + atLeast[1][list] + "/" + atLeast[2][list] + " (known savings "
                                + savings[0][list] + "/" + savings[1][list] + ")";
                    }
                }
            }
        }
        return null;
    }

    /** Whether man i, at level q, could be the list's known man of rank r. */
    private boolean isKnown(int list, int r, int i, int q) {
        return savings[r][list] != UNKNOWN && q == atLeast[r][list] && Levels.of(people.savings[i]) == savings[r][list]
                && people.has(i, People.INTL_PASSPORT) == passport[r][list];
    }
}
