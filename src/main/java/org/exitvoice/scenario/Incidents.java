package org.exitvoice.scenario;

/** Violent incidents (arson of enlistment offices, shootings): rate and feedback. */
public record Incidents(
        @Param(doc = "Daily incidents per million men at zero grievance and no misdrafts.", unit = "1/(day x 1e6 men)", min = 0, max = 1000,
                source = "about 20 arsons of enlistment offices in the 208 days before 21 Sep 2022 (Mozhem Obyasnit)")
        double baseRate,
        @Param(doc = "Multiplier of the rate per unit of mean grievance.", min = 0, max = 1000, source = "assumed")
        double grievanceWeight,
        @Param(doc = "Multiplier of the rate per unit share of the region's men misdrafted.", min = 0, max = 1e6, source = "assumed")
        double misdraftWeight,
        @Param(doc = "Legitimacy lost in a region per recent incident there.", min = 0, max = 1, source = "assumed")
        double legitimacyLoss,
        @Param(doc = "Days an incident is remembered (legitimacy, raids) and arrests count as crackdown.", unit = "days", min = 1, max = 365,
                source = "assumed")
        int memoryDays) {
}
