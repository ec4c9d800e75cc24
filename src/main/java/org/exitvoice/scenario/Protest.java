package org.exitvoice.scenario;

/** Street protest by Epstein's civil-violence rule, and the police who arrest protesters. */
public record Protest(
        @Param(doc = "Police (incl. National Guard) per 1,000 inhabitants.", unit = "per 1,000", min = 0, max = 100,
                source = "assumed: about 0.9 M police and National Guard for 147 M people")
        double policePer1000,
        @Param(doc = "Share of police on public-order duty on a protest day.", min = 0, max = 1, source = "assumed")
        double policeOnDuty,
        @Param(doc = "Share of men 18-59 among protesters (converts modelled men to protesters).", min = 0.01, max = 1,
                source = "assumed: OVD-Info noted a high share of women among those detained on 21 Sep 2022")
        double menShare,
        @Param(doc = "Perceived legitimacy L of the state at the start.", min = 0, max = 1,
                source = "Levada late Sep 2022: Putin approval 77%")
        double legitimacy,
        @Param(doc = "Legitimacy lost per war death per 10,000 men of the region before the mobilization (the war's toll seen at home).", min = 0, max = 1,
                source = "assumed; deaths by region from Bessudnov 2023 (crowdsourced death records, params/data/regions.csv): Tuva, Buryatia and Dagestan lost the most before 21 Sep 2022, and protest against the draft was sharpest in the republics")
        double warDeathsLoss,
        @Param(doc = "Legitimacy gap for a fully minority region (L0 = legitimacy - gap x minority share).", min = 0, max = 1, source = "assumed")
        double minorityGap,
        @Param(doc = "Epstein's activation threshold T.", min = 0, max = 1, source = "calibrated by hand to the first fortnight's protest scenes (few detentions between the called days); Epstein 2002 (PNAS 99 suppl 3) uses 0.1")
        double threshold,
        @Param(doc = "How much a call to protest (a protestCall event) lowers T on its day, where everyone can hear it (scaled by the region's urban share).", min = 0, max = 1,
                source = "assumed; the coordinated days of 21 and 24 Sep 2022 called by Vesna and others had about ten times the detentions of the days between (OVD-Info, observed-2022 obs-150, obs-151, obs-155)")
        double callEffect,
        @Param(doc = "Epstein's k in P = 1 - exp(-k floor(C/A)).", min = 0, max = 100, source = "Epstein 2002, PNAS 99(suppl 3)")
        double k,
        @Param(doc = "Daily probability an active protester is arrested when P = 1.", min = 0, max = 1, source = "assumed")
        double arrestProb,
        @Param(doc = "Days an arrested protester is held.", unit = "days", min = 0, max = 365,
                source = "assumed: administrative arrest is up to 15 days (CoAO art. 3.9)")
        int jailDays,
        @Param(doc = "Probability an arrested man is handed a summons in custody while the draft runs.", min = 0, max = 1,
                source = "assumed; OVD-Info reported summons handed in Moscow police stations, 21-22 Sep 2022")
        double summonFromJail,
        @Param(doc = "Fatigue: share of the way from his risk aversion R to 1 a man moves after a day of protest that did not end in arrest.", min = 0, max = 1,
                source = "assumed; cycles of contention: participation falls as its costs accumulate (Tarrow 1998, Power in Movement); detentions fell from 1,369 on 21 Sep to about 100 a day by 25-26 Sep 2022 outside the republics (OVD-Info)")
        double fatigue,
        @Param(doc = "Legitimacy lost per unit share of the community misdrafted.", min = 0, max = 1000, source = "assumed")
        double misdraftLoss,
        @Param(doc = "Legitimacy lost per unit share of the community summoned so far (the local draft's intensity).", min = 0, max = 1000,
                source = "assumed; the protests of 22-26 Sep 2022 in Dagestan (Endirey, Babayurt, Makhachkala), Kabardino-Balkaria and Yakutia were against how many men their villages and towns were losing to the draft (observed-2022 obs-034, obs-069, obs-071, obs-072)")
        double summonsLoss,
        @Param(doc = "Legitimacy lost per unit share of the region's men arrested or caught in the last incidents.memoryDays.", min = 0, max = 10000,
                source = "assumed")
        double crackdownLoss) {
}
