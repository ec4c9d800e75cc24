package org.exitvoice.scenario;

/** How ticket and road prices respond to demand on a route. */
public record Prices(
        @Param(doc = "Air fares: the dearest fare class as a multiple of the usual fare, charged once the seats beyond the usual load are sold (FareLadder).", min = 1, max = 100,
                source = "assumed: a one-way business or flexible fare is several times the cheapest economy fare; fare ladders rise with load factor (Escobari 2012; Williams 2022, Econometrica 90(2))")
        double topFareIndex,
        @Param(doc = "Land routes (fuel, drivers, bicycles at the border): price index rise per unit of demand above capacity.", min = 0, max = 1000,
                source = "assumed; bicycles at Upper Lars 70,000-100,000 RUB (AGC News)")
        double landSlope,
        @Param(doc = "Highest price index of a land route.", min = 1, max = 1000, source = "assumed")
        double maxIndex) {
}
