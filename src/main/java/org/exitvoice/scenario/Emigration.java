package org.exitvoice.scenario;

/** When and how men leave: the cost of staying vs the cost of leaving, routes, family. */
public record Emigration(
        @Param(doc = "Family members who travel with each emigrating man (mean).", unit = "persons/man", min = 0, max = 10,
                source = "Altanbulag 21-25 Sep 2022: about 2,500 men and over 500 women and children (AFP)")
        double familyPerEmigrant,
        @Param(doc = "Fear of war: cost of staying per unit of perceived draft risk.", min = 0, max = 100, source = "assumed")
        double fearOfWar,
        @Param(doc = "Network effect: relative rise of the cost of staying per unit share of the community emigrated.", min = 0, max = 1000,
                source = "assumed")
        double networkWeight,
        @Param(doc = "Median attachment to home (cost of leaving, same unit as fear).", min = 0, max = 100, source = "assumed")
        double attachment,
        @Param(doc = "Log-normal sigma of attachment across men.", min = 0, max = 10, source = "assumed")
        double attachmentSigma,
        @Param(doc = "Attachment to home of a man who opposes the war, as a multiple of what it would be (Opposition: he lacks the loyalty that holds exit back).", min = 0.01, max = 1,
                source = "calibrated by hand on the in-sample targets (0.5, 0.6, 0.7 tried: in-sample ARD 0.510, 0.505, 0.527); Hirschman 1970, Exit, Voice, and Loyalty ch. 7; surveys of the 2022 emigrants find most opposed the war (OK Russians, Kamalov et al. 2022)")
        double opposedAttachment,
        @Param(doc = "Daily probability that a man who prefers to leave sets off today.", unit = "1/day", min = 0, max = 1, source = "assumed")
        double actProb,
        @Param(doc = "Road travel per day.", unit = "km/day", min = 1, max = 5000, source = "assumed: two drivers sharing about 14 hours a day at 55-60 km/h on trunk roads (the first design had 500, one driver's 8-10 hours)")
        double kmPerDay,
        @Param(doc = "Road distance per km of great-circle distance.", min = 1, max = 3,
                source = "Ballou, Rahardja and Sakai 2002, Transportation Research A 36: road circuity factors of about 1.2-1.4 across countries")
        double roadCircuity,
        @Param(doc = "Beyond this distance a man takes a domestic flight (1 day) to a far airport.", unit = "km", min = 0, max = 20000,
                source = "assumed")
        double domesticFlightKm,
        @Param(doc = "Routes further than this many travel days are not considered.", unit = "days", min = 1, max = 60, source = "assumed")
        int maxTravelDays,
        @Param(doc = "Cost of one travel or queueing day (same unit as fear).", min = 0, max = 100, source = "assumed")
        double dayCost,
        @Param(doc = "Longest queue a man joins, in days of its places: one who finds a longer queue goes home and chooses again the next day (Balking).", unit = "days", min = 0, max = 365,
                source = "waits of 5-6 days at Upper Lars on 27-28 Sep 2022 (observed-2022 obs-104) were the longest reported")
        double maxWaitDays,
        @Param(doc = "Spread of the choice of destination (Gumbel scale of the nested logit's upper level).", min = 0, max = 100, source = "assumed")
        double choiceNoise,
        @Param(doc = "Nested logit dissimilarity: how much less spread there is among the routes to one country than among countries (1 = a flat logit).", min = 0.01, max = 1,
                source = "assumed: routes to one country are close substitutes; the nested logit of McFadden 1978, Train 2009 ch. 4")
        double nestScale) {
}
