package org.exitvoice.scenario;

/** How the modelled men aged 18-59 of each region are drawn. */
public record Population(
        @Param(doc = "Share of men 18-59 who served as conscripts (reservists).", min = 0, max = 1,
                source = "assumed: with formerContractShare gives ~24 M reservists, cf. Shoigu 21 Sep 2022: a mobilization resource of ~25 M")
        double formerConscriptShare,
        @Param(doc = "Share of men 18-59 who served on contract or as officers.", min = 0, max = 1,
                source = "assumed: see formerConscriptShare")
        double formerContractShare,
        @Param(doc = "Share exempt from the draft (students, IT and key workers, fathers of 3+, ill).", min = 0, max = 1,
                source = "assumed")
        double exemptShare,
        @Param(doc = "Share holding a valid international passport at the national urban share; scaled by the region's urban share.", min = 0, max = 1,
                source = "Levada Center 2021-22 polls: about 3 in 10 Russians hold a valid international passport")
        double intlPassportShare,
        @Param(doc = "Median savings of a man at income index 1.", unit = "RUB", min = 0,
                source = "assumed: order of magnitude of Rosstat median household deposits")
        double savingsMedianRub,
        @Param(doc = "Log-normal sigma of savings.", min = 0, max = 5, source = "assumed")
        double savingsSigma,
        @Param(doc = "Share of men aged 18 who oppose the war, at the national urban share (Opposition: linear in age to opposedOld at 59, scaled by the region's urban share).", min = 0, max = 1,
                source = "Levada Center Aug and Nov 2022: a quarter of 18-24-year-olds do not support the military's actions (62-66 % do); 20 % of all adults in Nov 2022")
        double opposedYoung,
        @Param(doc = "Share of men aged 59 who oppose the war, at the national urban share (see opposedYoung).", min = 0, max = 1,
                source = "Levada Center Oct 2022: 81 % of those 55 and over support the military's actions; assumed: 13 % do not (the rest undecided, as in the young's 25 % against 62-66 % for)")
        double opposedOld,
        @Param(doc = "People per community (friends, co-workers) for social influence, in agents.", unit = "agents", min = 1, max = 65_535,
                source = "assumed: Dunbar-like acquaintance circle")
        int communitySize) {
}
