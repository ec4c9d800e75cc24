package org.exitvoice.scenario;

/** Violent incidents (arson of enlistment offices, shootings): rate and feedback. */
public record Incidents(
        @Param(doc = "Daily incidents per million men at zero grievance, no misdrafts and no news of a mobilization.", unit = "1/(day x 1e6 men)", min = 0, max = 1000,
                source = "about 20 arsons of enlistment offices in the 208 days before 21 Sep 2022 (Mozhem Obyasnit)")
        double baseRate,
        @Param(doc = "Rise of the rate, in multiples of baseRate, that the news of a mobilization brings on the day it is announced, before anyone is summoned; it fades as the announcement's uncertainty does (perception.shockHalfLifeDays, clarifications) and ends with the draft.", min = 0, max = 1000,
                source = "5 arsons of enlistment offices in the week to 19 May 2022, when a mobilization was talked of and denied (Gromov, Ukrainian General Staff, 19 May: ukrainetoday.org/2022/05/20/arsonists-setting-fire-to-russian-military-enlistment-offices-reports; observed-2022 obs-165), 6.9 times the model's rate without it, baseRate x 41.7 million men 18-59 = 0.104 a day (about 20 in the 208 days to 20 Sep, obs-118): (5/7) / 0.104 = 1 + 5.9; talk of a mobilization, not a decree, so if anything low")
        double announcementWeight,
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
