package org.exitvoice.model.engine;

import ec.util.MersenneTwisterFast;
import org.exitvoice.model.RouteCost;
import org.exitvoice.model.RouteOffer;
import org.exitvoice.model.Worlds;
import org.exitvoice.scenario.Emigration;
import org.exitvoice.scenario.RouteData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A region's route costs and logit choice against hand-computed costs and shares. */
class RouteCostsTest {
    private static final Emigration E = Worlds.scenario().emigration(); // 500 km a day, at most 4 days

    /** From (50, 40): a crossing about 110 km north (1 day's drive) and one about 670 km north (2 days). */
    private final List<RouteData> routes = List.of(
            Worlds.land("near", 51.0, 40.0, 1000),
            new RouteData("far", "far", RouteData.Mode.LAND, "RU-A", 56.0, 40.0, "Elsewhere", 1000,
                    RouteData.Documents.INTERNATIONAL, 1000));
    private final RouteCost.Reachable reach = RouteCost.reachableFrom(Worlds.region("RU-H", 1_000_000, 50.0, 40.0), routes, E);
    private final RouteCosts costs = new RouteCosts(reach);

    private void today(double dayCost, boolean... open) {
        double[] savings = new double[256];
        Arrays.fill(savings, 1_000_000); // price / savings = 0.001 on both
        costs.prepareDay(new double[]{1000, 1000}, new double[]{0, 0}, open.length == 0 ? new boolean[]{true, true} : open,
                dayCost, savings);
    }

    @Test
    void theCheapestRouteCostsItsPriceOverSavingsPlusItsDays() {
        assertEquals(1, reach.travelDays()[0]);
        assertEquals(2, reach.travelDays()[1]);
        assertEquals(false, reach.acceptsInternalPassport()[1]);
        today(0.2);
        assertEquals(0.001 + 0.2 * 1, costs.cheapest(true, 100), 1e-12);
        assertEquals(0.001 + 0.2 * 1, costs.cheapestOfAll(), 1e-12);
    }

    @Test
    void withoutNoiseEveryoneTakesTheCheapestAndDrawsNothing() {
        today(0.2);
        MersenneTwisterFast random = new MersenneTwisterFast(7), untouched = new MersenneTwisterFast(7);
        RouteOffer offer = costs.choose(true, 100, 0, random);
        assertEquals(new RouteOffer(0, 1, 0.201), new RouteOffer(offer.route(), offer.travelDays(), Math.round(offer.cost() * 1e12) / 1e12));
        assertEquals(untouched.nextDouble(), random.nextDouble(), "no random number drawn");
    }

    @Test
    void noiseSharesMenBetweenRoutesByTheLogitLaw() {
        // costs 0.201 and 0.401, noise 0.2: P(near) = 1 / (1 + exp(-0.2 / 0.2)) = 0.7311
        today(0.2);
        MersenneTwisterFast random = new MersenneTwisterFast(20220921);
        int n = 200_000, near = 0;
        for (int k = 0; k < n; k++) {
            if (costs.choose(true, 100, 0.2, random).route() == 0) {
                near++;
            }
        }
        assertEquals(1 / (1 + Math.exp(-1)), near / (double) n, 0.005); // 5 standard errors
    }

    @Test
    void aManWithoutAnInternationalPassportCanOnlyTakeRoutesThatNeedNone() {
        today(0.0); // both cost 0.001: a man with a passport could take either
        MersenneTwisterFast random = new MersenneTwisterFast(1);
        for (int k = 0; k < 1000; k++) {
            assertEquals(0, costs.choose(false, 100, 0.2, random).route());
        }
    }

    @Test
    void withEveryRouteClosedThereIsNoOfferAndNoWayOut() {
        today(0.2, false, false);
        assertNull(costs.choose(true, 100, 0.2, new MersenneTwisterFast(1)));
        assertEquals(Double.POSITIVE_INFINITY, costs.cheapestOfAll());
    }
}
