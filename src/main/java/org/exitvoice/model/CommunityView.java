package org.exitvoice.model;

import org.exitvoice.model.engine.IntList;
import org.exitvoice.scenario.Scenario;

/**
 * What each community of a region sees and fears (docs/ODD.md §7, "Perception"): its men summoned so far, misdrafted
 * in the last memoryDays, and gone abroad; from those, at the start of each day, the cost of staying for its
 * unsummoned eligible and other men and for a summoned man ({@link Decisions#perceivedRisk},
 * {@link Decisions#costOfStaying}), and its legitimacy L. A community's view is worked out again only when its counts
 * changed (most do not on most days) or when the draft, the misclassification lever or the announcement's uncertainty
 * changed for everyone.
 */
final class CommunityView {
    private final Scenario scenario;
    private final int men, communitySize, communities;

    // what each community saw by the end of yesterday, kept current as men change
    private final int[] summoned, misdrafted, gone;
    /** Men misdrafted on a day, by day modulo memoryDays + 1: their community forgets them memoryDays later. */
    private final IntList[] misdraftedOn;
    private int misdraftedInRegion;

    // today's view, from the counts at dawn
    private final double[] stayingPerRisk, stayingEligible, stayingOthers;
    private final int[] misdraftedAtDawn, summonedAtDawn;
    private int summonedInRegion;
    private double regionLegitimacy;

    private final boolean[] changed;
    private final IntList changedCommunities = new IntList();
    private double seenRemaining = Double.NaN, seenMisclassification = Double.NaN, seenUncertainty = Double.NaN;

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
        changed = new boolean[communities];
        misdraftedOn = new IntList[scenario.incidents().memoryDays() + 1];
        for (int k = 0; k < misdraftedOn.length; k++) {
            misdraftedOn[k] = new IntList();
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
        summoned[communityOf(i)]++;
        summonedInRegion++;
        markChanged(communityOf(i));
    }

    /** Man i, outside the criteria, was drafted: news in his community for memoryDays. */
    void misdrafted(int i, int day) {
        misdrafted[communityOf(i)]++;
        misdraftedInRegion++;
        markChanged(communityOf(i));
        misdraftedOn[day % misdraftedOn.length].add(i);
    }

    /** Man i left (on the road or abroad: gone) or came back. */
    void goneChanged(int i, boolean nowGone) {
        gone[communityOf(i)] += nowGone ? 1 : -1;
        markChanged(communityOf(i));
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

    /** At dawn: each changed community's cost of staying, from its counts, and the region's L before misdrafts. */
    void seeToday(double draftRemaining, double misclassification, double uncertainty, double regionLegitimacy) {
        this.regionLegitimacy = regionLegitimacy;
        if (draftRemaining != seenRemaining || misclassification != seenMisclassification || uncertainty != seenUncertainty) {
            for (int c = 0; c < communities; c++) { // what every community's risk depends on changed
                markChanged(c);
            }
            seenRemaining = draftRemaining;
            seenMisclassification = misclassification;
            seenUncertainty = uncertainty;
        }
        for (int k = 0; k < changedCommunities.size(); k++) {
            int c = changedCommunities.get(k);
            changed[c] = false;
            seeCommunity(c, draftRemaining, misclassification, uncertainty);
        }
        changedCommunities.clear();
    }

    private void seeCommunity(int c, double remaining, double misclassification, double uncertainty) {
        var perception = scenario.perception();
        var emigration = scenario.emigration();
        double size = size(c);
        double misdraftShare = misdrafted[c] / size;
        // cost of staying per unit of risk: fear of war, raised by the community already gone
        double perRisk = Decisions.costOfStaying(1, emigration.fearOfWar(), emigration.networkWeight(), gone[c] / size);
        stayingPerRisk[c] = perRisk;
        for (boolean eligible : ELIGIBLE_THEN_OTHERS) {
            double risk = Decisions.perceivedRisk(false, eligible, remaining, perception.eligibleBase(),
                    perception.summonedHalfShare(), summoned[c] / size, perception.ineligibleWeight(),
                    misclassification, perception.misdraftWeight(), misdraftShare, uncertainty);
            (eligible ? stayingEligible : stayingOthers)[c] = risk * perRisk;
        }
        misdraftedAtDawn[c] = misdrafted[c];
        summonedAtDawn[c] = summoned[c];
    }

    private static final boolean[] ELIGIBLE_THEN_OTHERS = {true, false};

    private double size(int c) {
        return Math.max(1, Math.min(communitySize, men - c * communitySize));
    }

    /** A man's cost of staying today in community c: certain risk once summoned, else his community's fear. */
    double staying(int c, boolean summoned, boolean eligible) {
        return summoned ? stayingPerRisk[c] : eligible ? stayingEligible[c] : stayingOthers[c];
    }

    /**
     * L in community c today: the region's, less what its men saw of the draft (the local draft's intensity):
     * misdraftLoss x the share misdrafted lately + summonsLoss x the share summoned so far.
     */
    double legitimacy(int c) {
        return Legitimacy.inCommunity(regionLegitimacy, scenario.protest(), misdraftedAtDawn[c], summonedAtDawn[c], size(c));
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
