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
        @Param(doc = "Daily probability that a man who prefers to leave sets off today.", unit = "1/day", min = 0, max = 1, source = "assumed")
        double actProb,
        @Param(doc = "Road travel per day.", unit = "km/day", min = 1, max = 5000, source = "assumption of the first design: about 500 km a day by road, 8-10 hours at the wheel")
        double kmPerDay,
        @Param(doc = "Beyond this distance a man takes a domestic flight (1 day) to a far airport.", unit = "km", min = 0, max = 20000,
                source = "assumed")
        double domesticFlightKm,
        @Param(doc = "Routes further than this many travel days are not considered.", unit = "days", min = 1, max = 60, source = "assumed")
        int maxTravelDays,
        @Param(doc = "Cost of one travel or queueing day (same unit as fear).", min = 0, max = 100, source = "assumed")
        double dayCost,
        @Param(doc = "Spread of route choice (Gumbel scale of the logit).", min = 0, max = 100, source = "assumed")
        double choiceNoise) {
}
