package org.exitvoice.scenario;

/** How ticket and road prices respond to demand on a route. */
public record Prices(
        @Param(doc = "Air fares: the cheapest fare still on sale, as a multiple of the usual fare, once the seats beyond the usual load are sold (FareLadder).", min = 1, max = 100,
                source = "observed-2022 obs-064 (context): the cheapest one-way Moscow-Turkey fare ~70,000 RUB on 21 Sep against just over 22,000 a week before, x3.2; fare ladders rise with load factor (Escobari 2012; Williams 2022, Econometrica 90(2))")
        double topFareIndex,
        @Param(doc = "Land routes (fuel, drivers, bicycles at the border): price index rise per unit of demand above capacity.", min = 0, max = 1000,
                source = "assumed; bicycles at Upper Lars 70,000-100,000 RUB (AGC News)")
        double landSlope,
        @Param(doc = "Highest price index of a land route.", min = 1, max = 1000, source = "assumed")
        double maxIndex) {
}
