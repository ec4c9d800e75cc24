package org.exitvoice.scenario;

/** The draft: national target, criteria (prior service, age), how sloppily they are applied and how quotas are set. */
public record Draft(
        @Param(doc = "National mobilization target (men).", unit = "men", min = 0,
                source = "Shoigu, 21 Sep 2022: 300,000 reservists")
        int target,
        @Param(doc = "Oldest age drafted among former conscripts (soldiers, sergeants).", unit = "years", min = 18, max = 59,
                source = "Federal Law 53-FZ art. 53: 1st-category reserve, soldiers and sergeants up to 35")
        int maxAge,
        @Param(doc = "Oldest age drafted among former contract soldiers and officers.", unit = "years", min = 18, max = 59,
                source = "Federal Law 53-FZ art. 53: junior officers up to 50")
        int maxAgeOfficers,
        @Param(doc = "Probability that a summons goes to a man outside the criteria.", min = 0, max = 1,
                source = "assumed; the Kremlin admitted errors (Peskov 26 Sep, Putin 29 Sep 2022)")
        double misclassification,
        @Param(doc = "How much quotas load poorer and minority regions (0 = proportional to population).", min = 0, max = 10,
                source = "assumed; reported over-drafting of Buryatia, Tuva, Dagestan")
        double quotaSkew,
        @Param(doc = "Summons a region's offices serve per day at intensity 1, as a share of its quota.", unit = "1/day", min = 0, max = 1,
                source = "calibrated: 222,000 mobilized by 14 Oct 2022 (Putin)")
        double summonsPerDay,
        @Param(doc = "Days between reporting and being counted as mobilized.", unit = "days", min = 0, max = 60,
                source = "assumed")
        int reportDelayDays) {
}
