package org.exitvoice.scenario;

/** How men perceive their own draft risk from what they see in their community. */
public record Perception(
        @Param(doc = "Perceived draft risk of an eligible man before anyone around him is summoned.", min = 0, max = 1,
                source = "assumed; Levada late Sep 2022: 47% felt anxiety and fear")
        double eligibleBase,
        @Param(doc = "Extra risk per unit share of the community summoned (eligible men).", min = 0, max = 1000, source = "assumed")
        double summonedShareWeight,
        @Param(doc = "Perceived risk of an ineligible man per unit of misclassification.", min = 0, max = 100, source = "assumed")
        double ineligibleWeight,
        @Param(doc = "Extra risk per unit share of the community misdrafted (ineligible men).", min = 0, max = 1000, source = "assumed")
        double misdraftWeight) {
}
