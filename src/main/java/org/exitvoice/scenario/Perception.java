package org.exitvoice.scenario;

/** How men perceive their own draft risk from what they see in their community. */
public record Perception(
        @Param(doc = "Perceived draft risk of an eligible man before anyone around him is summoned.", min = 0, max = 1,
                source = "assumed; Levada late Sep 2022: 47% felt anxiety and fear")
        double eligibleBase,
        @Param(doc = "Share of his community summoned at which an eligible man's risk is half way from what he feared to certain (a saturating response).", min = 0.0001, max = 1,
                source = "assumed: a type II (saturating) response to what one sees around one; one summoned acquaintance in ten halves the remaining doubt")
        double summonedHalfShare,
        @Param(doc = "How much the announced count of men mobilized lowers every unsummoned man's fear: he fears the rest of the draft, rho = 1 - progressWeight x mobilized / draft.target (Decisions.draftRemaining; 0 ignores the count).", min = 0, max = 1,
                source = "the target (300,000, Shoigu 21 Sep 2022, observed-2022 obs-037) and the count as it rose were announced (Putin 14 Oct: 222,000, obs-054); assumed: 1, a man expects the rest of the draft to reach men in proportion to what is left of it")
        double progressWeight,
        @Param(doc = "Perceived risk of an ineligible man per unit of misclassification.", min = 0, max = 100, source = "assumed")
        double ineligibleWeight,
        @Param(doc = "Extra risk per unit share of the community misdrafted (ineligible men).", min = 0, max = 1000, source = "assumed")
        double misdraftWeight,
        @Param(doc = "Uncertainty the announcement adds to every man's perceived risk on day 0, eligible or not (decree 647 did not say who is called).", min = 0, max = 1,
                source = "assumed; Levada 22-28 Sep 2022: 47% anxiety and fear, 23% shock (observed-2022 obs-119); the decree's point on numbers was classified")
        double announcementShock,
        @Param(doc = "Days in which the announcement's uncertainty halves without any clarification.", unit = "days", min = 0.1, max = 365,
                source = "assumed: a week's news cycle")
        double shockHalfLifeDays) {
}
