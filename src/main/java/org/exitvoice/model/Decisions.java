package org.exitvoice.model;

/**
 * The daily choices of a man at home or in hiding, one method per formula of docs/ODD.md §7:
 * perceived risk, the cost of staying, whether to leave, whether to hide, and the hiding rule for summoned men.
 * {@link ManRules} says which applies when; protest is {@link Grievance}, a route's cost {@link RouteCost}.
 */
public final class Decisions {
    private Decisions() {
    }

    /**
     * Perceived draft risk in [0,1]: certain once summoned. Otherwise every man carries the announcement's uncertainty
     * U; an eligible man adds his base fear and a saturating response to the share s of his community summoned,
     * (1 - base - U) x s / (s + halfShare); an ineligible man the misclassification rate and the misdrafts he sees:
     * ineligibleWeight x misclassification + misdraftWeight x misdraft share. All of it is scaled by rho, what is left
     * of the draft as announced ({@link #draftRemaining}): nobody fears a draft that has ended (rho = 0).
     */
    public static double perceivedRisk(boolean summoned, boolean eligible, double draftRemaining,
                                double eligibleBase, double summonedHalfShare, double communitySummonedShare,
                                double ineligibleWeight, double misclassification,
                                double misdraftWeight, double communityMisdraftShare, double uncertainty) {
        if (summoned) {
            return 1;
        }
        if (draftRemaining <= 0) {
            return 0;
        }
        if (eligible) {
            double before = Math.min(1, eligibleBase + uncertainty);
            return draftRemaining * (before + (1 - before) * communitySummonedShare / (communitySummonedShare + summonedHalfShare));
        }
        return draftRemaining * Math.min(1, uncertainty + ineligibleWeight * misclassification + misdraftWeight * communityMisdraftShare);
    }

    /**
     * What is left of the draft as men see it, rho in [0, 1]: 1 - progressWeight x mobilized / target while the draft
     * runs (the target and the count so far were announced), 0 once it has ended. A man expects the rest of the draft to
     * reach men in proportion to what is left of it; progressWeight 0 ignores the count (rho = 1 until the end).
     */
    public static double draftRemaining(boolean draftRunning, long mobilized, long target, double progressWeight) {
        if (!draftRunning) {
            return 0;
        }
        return target > 0 ? Math.max(0, 1 - progressWeight * mobilized / (double) target) : 1;
    }

    /** Cost of staying: risk x fear of war, raised by the share of the community already gone (the network effect). */
    public static double costOfStaying(double risk, double fearOfWar, double networkWeight, double communityEmigratedShare) {
        return risk * fearOfWar * (1 + networkWeight * communityEmigratedShare);
    }

    /**
     * Expected cost of being stopped at the border: only a listed (or soon listed) summoned man risks it,
     * weighted by how much he minds (R) and by the penalty at today's enforcement.
     */
    public static double exitListRisk(boolean willBeListed, double coverage, double penalty, double intensity, double riskAversion) {
        return willBeListed ? coverage * penalty * intensity * riskAversion : 0;
    }

    /** Leave when staying costs more than the cheapest way out (price, time, exit-list risk, attachment). */
    public static boolean prefersToLeave(double costOfStaying, double costOfLeaving) {
        return costOfStaying > costOfLeaving;
    }

    /**
     * A summoned man who is not leaving hides rather than reports when his defiance, 1 - L, less his fear of being
     * caught, R x P(caught within a month), exceeds the threshold (the same form as Epstein's rule).
     */
    public static boolean hidesFromSummons(double legitimacy, double riskAversion, double monthlyCatchProbability, double threshold) {
        return (1 - legitimacy) - riskAversion * monthlyCatchProbability > threshold;
    }

    /**
     * An unsummoned man who is not leaving goes into hiding when his fear exceeds his attachment to ordinary life
     * (job, family) times the threshold: typically one who would leave but cannot afford or reach a route.
     */
    public static boolean hidesFromFear(double costOfStaying, double attachment, double fearThreshold) {
        return costOfStaying > fearThreshold * attachment;
    }
}
