package org.exitvoice.scenario;

/** How ticket and road prices respond to demand on a route. */
public record Prices(
        @Param(doc = "Air fares: price index rise per unit of demand above seats.", min = 0, max = 1000,
                source = "calibrated: one-way Moscow-Istanbul/Dubai up to ~9,200 EUR on 21 Sep 2022 (AP)")
        double airSlope,
        @Param(doc = "Land routes (fuel, drivers, bicycles at the border): price index rise per unit of demand above capacity.", min = 0, max = 1000,
                source = "assumed; bicycles at Upper Lars 70,000-100,000 RUB (AGC News)")
        double landSlope,
        @Param(doc = "Highest price index.", min = 1, max = 1000, source = "assumed")
        double maxIndex) {
}
