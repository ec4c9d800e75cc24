package org.exitvoice.model;

import org.exitvoice.model.engine.IntList;
import org.exitvoice.scenario.Scenario;

/**
 * What each community of a region sees and fears (docs/ODD.md §7, "Perception"): its men summoned so far, misdrafted
 * in the last memoryDays, and gone abroad; from those, as they stood at the start of each day, the cost of staying for
 * its unsummoned eligible and other men and for a summoned man ({@link Decisions#perceivedRisk},
 * {@link Decisions#costOfStaying}), and its legitimacy L. A community's counts at dawn are taken again only when they
 * changed (most do not on most days); its unsummoned men's cost of staying, which the announcement's uncertainty
 * changes every day, is worked out the first time it is asked for on a day, and a bound on it over the whole region
 * at dawn, so that the region need not work it out for communities none of whose men it will read.
 */
final class CommunityView {
    private final Scenario scenario;
    private final int men, communitySize, communities;

    // what each community saw by the end of yesterday, kept current as men change
    private final int[] summoned, misdrafted, gone;
    /** Men misdrafted on a day, by day modulo memoryDays + 1: their community forgets them memoryDays later. */
    private final IntList[] misdraftedOn;
    private int misdraftedInRegion;

    /**
     * The most men any full-sized community has summoned, misdrafted lately and gone, or more (they are raised as counts
     * rise, never lowered): the counts a bound on the cost of staying takes for those it is not keyed by.
     */
    private int mostSummoned, mostMisdrafted, mostGone;
    /** Counts below this key the bounds on the cost of staying ({@link #stayingKey}): communitySize + 1, at most 32 (a small table). */
    private final int keyed;

    // today's view, from the counts at dawn
    private final double[] stayingPerRisk, stayingEligible, stayingOthers;
    private final int[] misdraftedAtDawn, summonedAtDawn, goneAtDawn;
    /** The stamp of the day each community's unsummoned men's cost of staying was last worked out. */
    private final int[] stayingOn;
    private int stamp;
    private int summonedInRegion;
    private double regionLegitimacy = Double.NaN, regionLegitimacyYesterday = Double.NaN;

    private final boolean[] changed;
    private IntList changedCommunities = new IntList(), changedAtDawn = new IntList();
    /** What is left of the draft as men see it today ({@link Decisions#draftRemaining}). */
    private double remaining;
    private double misclassification = Double.NaN, uncertainty = Double.NaN;

    CommunityView(Scenario scenario, int men) {
        this.scenario = scenario;
        this.men = men;
        this.communitySize = scenario.population().communitySize();
        this.communities = Math.max(1, (men + communitySize - 1) / communitySize);
        summoned = new int[communities];
        misdrafted = new int[communities];
        gone = new int[communities];
        stayingPerRisk = new double[communities];
        stayingEligible = new double[communities];
        stayingOthers = new double[communities];
        misdraftedAtDawn = new int[communities];
        summonedAtDawn = new int[communities];
        goneAtDawn = new int[communities];
        keyed = Math.min(communitySize + 1, 32);
        stayingOn = new int[communities];
        changed = new boolean[communities];
        misdraftedOn = new IntList[scenario.incidents().memoryDays() + 1];
        for (int k = 0; k < misdraftedOn.length; k++) {
            misdraftedOn[k] = new IntList();
        }
        for (int c = 0; c < communities; c++) { // every community's counts are taken at the first dawn
            markChanged(c);
        }
    }

    int communities() {
        return communities;
    }

    int communitySize() {
        return communitySize;
    }

    /** Man i's community: the men are numbered community by community. */
    int communityOf(int i) {
        return i / communitySize;
    }

    // ---- news during the day ------------------------------------------------------------------------------------

    /** Man i was summoned. */
    void summoned(int i) {
        int c = communityOf(i);
        summoned[c]++;
        summonedInRegion++;
        markChanged(c);
        if (fullSized(c)) {
            mostSummoned = Math.max(mostSummoned, summoned[c]);
        }
    }

    /** Man i, outside the criteria, was drafted: news in his community for memoryDays. */
    void misdrafted(int i, int day) {
        int c = communityOf(i);
        misdrafted[c]++;
        misdraftedInRegion++;
        markChanged(c);
        misdraftedOn[day % misdraftedOn.length].add(i);
        if (fullSized(c)) {
            mostMisdrafted = Math.max(mostMisdrafted, misdrafted[c]);
        }
    }

    /** Man i left (on the road or abroad: gone) or came back. */
    void goneChanged(int i, boolean nowGone) {
        int c = communityOf(i);
        gone[c] += nowGone ? 1 : -1;
        markChanged(c);
        if (fullSized(c)) {
            mostGone = Math.max(mostGone, gone[c]);
        }
    }

    /** At dawn: misdrafts older than memoryDays stop being news in their communities. */
    void forgetOldMisdrafts(int day) {
        IntList old = misdraftedOn[day % misdraftedOn.length];
        for (int k = 0; k < old.size(); k++) {
            misdrafted[communityOf(old.get(k))]--;
            misdraftedInRegion--;
            markChanged(communityOf(old.get(k)));
        }
        old.clear();
    }

    private void markChanged(int c) {
        if (!changed[c]) {
            changed[c] = true;
            changedCommunities.add(c);
        }
    }

    // ---- today's view -------------------------------------------------------------------------------------------

    /** At dawn: each changed community's counts and cost of staying per unit of risk, and the region's L before misdrafts. */
    void seeToday(double draftRemaining, double misclassification, double uncertainty, double regionLegitimacy) {
        this.regionLegitimacyYesterday = this.regionLegitimacy;
        this.regionLegitimacy = regionLegitimacy;
        this.remaining = draftRemaining;
        this.misclassification = misclassification;
        this.uncertainty = uncertainty;
        stamp++; // every community's risk is worked out afresh when first asked today
        for (int k = 0; k < changedCommunities.size(); k++) {
            int c = changedCommunities.get(k);
            changed[c] = false;
            double size = size(c);
            // cost of staying per unit of risk: fear of war, raised by the community already gone
            stayingPerRisk[c] = perRisk(gone[c] / size);
            misdraftedAtDawn[c] = misdrafted[c];
            summonedAtDawn[c] = summoned[c];
            goneAtDawn[c] = gone[c];
        }
        IntList seen = changedAtDawn;
        changedAtDawn = changedCommunities;
        changedCommunities = seen;
        changedCommunities.clear();
    }

    /** The communities whose counts were taken again at today's dawn. */
    IntList changedAtDawn() {
        return changedAtDawn;
    }

    private double perRisk(double goneShare) {
        var emigration = scenario.emigration();
        return Decisions.costOfStaying(1, emigration.fearOfWar(), emigration.networkWeight(), goneShare);
    }

    private double risk(boolean eligible, double summonedShare, double misdraftShare) {
        var perception = scenario.perception();
        return Decisions.perceivedRisk(false, eligible, remaining, perception.eligibleBase(), perception.summonedHalfShare(),
                summonedShare, perception.ineligibleWeight(), misclassification, perception.misdraftWeight(),
                misdraftShare, uncertainty);
    }

    /** Community c's unsummoned men's cost of staying today, from its counts at dawn. */
    private void seeCommunity(int c) {
        double size = size(c);
        double perRisk = stayingPerRisk[c];
        stayingEligible[c] = risk(true, summonedAtDawn[c] / size, misdraftedAtDawn[c] / size) * perRisk;
        stayingOthers[c] = risk(false, summonedAtDawn[c] / size, misdraftedAtDawn[c] / size) * perRisk;
        stayingOn[c] = stamp;
    }

    private double size(int c) {
        return Math.max(1, Math.min(communitySize, men - c * communitySize));
    }

    /** Whether community c has communitySize men (all but perhaps the last). */
    boolean fullSized(int c) {
        return men - c * communitySize >= communitySize;
    }

    /** A man's cost of staying today in community c: certain risk once summoned, else his community's fear. */
    double staying(int c, boolean summoned, boolean eligible) {
        if (summoned) {
            return stayingPerRisk[c];
        }
        if (stayingOn[c] != stamp) {
            seeCommunity(c);
        }
        return eligible ? stayingEligible[c] : stayingOthers[c];
    }

    /** Communities of communitySize men: all but perhaps the last. */
    int fullSizedCommunities() {
        return men / communitySize;
    }

    /** Reads what a man's day reads of man i's community (its view, its L), ahead of his day; returns a sum to keep. */
    int readAhead(int i) {
        int c = communityOf(i);
        return (int) stayingPerRisk[c] + stayingOn[c] + summonedAtDawn[c] + misdraftedAtDawn[c];
    }

    /** At least the cost of staying today of the unsummoned eligible men, or others, of every full-sized community. */
    double mostStaying(boolean eligible) {
        double size = communitySize;
        return risk(eligible, mostSummoned / size, mostMisdrafted / size) * perRisk(mostGone / size) * MARGIN;
    }

    /** Keys of {@link #stayingKey}: 0 to this - 1. */
    int stayingKeys() {
        return 2 * keyed * keyed;
    }

    /**
     * Community c's key for {@link #stayingAtMost}: its unsummoned eligible men's, or others', count that matters most
     * (summoned, or misdrafted) and its count gone, at dawn; -1 for the last community when it is smaller, or where a
     * count is beyond the keys.
     */
    int stayingKey(int c, boolean eligible) {
        int count = eligible ? summonedAtDawn[c] : misdraftedAtDawn[c], gone = goneAtDawn[c];
        if (count >= keyed || gone >= keyed || !fullSized(c)) {
            return -1;
        }
        return ((eligible ? 0 : keyed) + count) * keyed + gone;
    }

    /**
     * At least the cost of staying today of the unsummoned eligible men, or others, of every full-sized community of
     * this key: its own formulas at the key's counts and the most of the other count. Each formula is monotone in each
     * count (a full community's share is count / size); shares of one size differ by 1 / size, far more than rounding,
     * and the margin is for good measure.
     */
    double stayingAtMost(int key) {
        boolean eligible = key < keyed * keyed;
        int count = key / keyed % keyed, gone = key % keyed;
        double size = communitySize;
        double summonedShare = (eligible ? count : mostSummoned) / size, misdraftShare = (eligible ? mostMisdrafted : count) / size;
        return risk(eligible, summonedShare, misdraftShare) * perRisk(gone / size) * MARGIN;
    }

    private static final double MARGIN = 1 + 1e-9;

    /**
     * L in community c today: the region's, less what its men saw of the draft (the local draft's intensity):
     * misdraftLoss x the share misdrafted lately + summonsLoss x the share summoned so far.
     */
    double legitimacy(int c) {
        return Legitimacy.inCommunity(regionLegitimacy, scenario.protest(), misdraftedAtDawn[c], summonedAtDawn[c], size(c));
    }

    /** The region's L today before misdrafts, as {@link #legitimacy} takes it (not floored). */
    double regionLegitimacy() {
        return regionLegitimacy;
    }

    /** The same yesterday (NaN before the first day). */
    double regionLegitimacyYesterday() {
        return regionLegitimacyYesterday;
    }

    /** The region's L today, where the draft has not touched a community yet (floored at 0). */
    double plainLegitimacy() {
        return Math.max(0, regionLegitimacy);
    }

    /** Whether community c saw a summons or a recent misdraft, so that its L is below the region's. */
    boolean sawTheDraft(int c) {
        return misdraftedAtDawn[c] != 0 || summonedAtDawn[c] != 0;
    }

    /** Mean grievance of the region's men (hardship averages 1/2): 1/2 x (1 - L) averaged over its communities. */
    double meanGrievance() {
        return men == 0 ? 0
                : 0.5 * (1 - regionLegitimacy + (scenario.protest().misdraftLoss() * misdraftedInRegion
                        + scenario.protest().summonsLoss() * summonedInRegion) / (double) men);
    }
}
