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
    private static final Emigration E = Worlds.scenario("emigration.kmPerDay=500", "emigration.roadCircuity=1").emigration();

    /** From (50, 40): a crossing 111.2 km north (0.22 days' drive: there the same day) and one 667.2 km north (1.33 days). */
    private final List<RouteData> routes = List.of(
            Worlds.land("near", 51.0, 40.0, 1000),
            new RouteData("far", "far", RouteData.Mode.LAND, "RU-A", 56.0, 40.0, "Elsewhere", 1000,
                    RouteData.Documents.INTERNATIONAL, 1000));
    private final RouteCost.Reachable reach = RouteCost.reachableFrom(Worlds.region("RU-H", 1_000_000, 50.0, 40.0), routes, E);
    private final RouteCosts costs = new RouteCosts(reach, 1.0);

    private void today(double dayCost, boolean... open) {
        double[] savings = new double[256];
        Arrays.fill(savings, 1_000_000); // price / savings = 0.001 on both
        costs.prepareDay(new double[]{1000, 1000}, new double[]{0, 0}, open.length == 0 ? new boolean[]{true, true} : open,
                dayCost, savings);
    }

    @Test
    void theCheapestRouteCostsItsPriceOverSavingsPlusItsDays() {
        assertEquals(111.2 / 500, reach.travelTime()[0], 1e-3);
        assertEquals(667.2 / 500, reach.travelTime()[1], 1e-3);
        assertEquals(0, reach.travelDays()[0]);
        assertEquals(1, reach.travelDays()[1]);
        assertEquals(false, reach.acceptsInternalPassport()[1]);
        today(0.2);
        assertEquals(0.001 + 0.2 * reach.travelTime()[0], costs.cheapest(true, 100), 1e-12);
        assertEquals(0.001 + 0.2 * reach.travelTime()[0], costs.cheapestOfAll(), 1e-12);
    }

    @Test
    void withoutNoiseEveryoneTakesTheCheapestAndDrawsNothing() {
        today(0.2);
        MersenneTwisterFast random = new MersenneTwisterFast(7), untouched = new MersenneTwisterFast(7);
        RouteOffer offer = costs.choose(true, 100, 0, random);
        assertEquals(0, offer.route());
        assertEquals(0, offer.travelDays());
        assertEquals(0.001 + 0.2 * reach.travelTime()[0], offer.cost(), 1e-12);
        assertEquals(untouched.nextDouble(), random.nextDouble(), "no random number drawn");
    }

    @Test
    void noiseSharesMenBetweenRoutesByTheLogitLaw() {
        // costs differ by 0.2 x (1.334 - 0.222) = 0.2224, noise 0.2, two countries of equal size: P(near) =
        // 1 / (1 + exp(-0.2224 / 0.2)) = 0.7524
        today(0.2);
        MersenneTwisterFast random = new MersenneTwisterFast(20220921);
        int n = 200_000, near = 0;
        for (int k = 0; k < n; k++) {
            if (costs.choose(true, 100, 0.2, random).route() == 0) {
                near++;
            }
        }
        double gap = 0.2 * (reach.travelTime()[1] - reach.travelTime()[0]);
        assertEquals(1 / (1 + Math.exp(-gap / 0.2)), near / (double) n, 0.005); // 5 standard errors
    }

    /** Share of 200,000 choices going to route 0's country, three equally costly routes: two to A, one to B. */
    private static double shareToA(double tripsA, double tripsB, double nest) {
        List<RouteData> three = List.of(
                new RouteData("a1", "a1", RouteData.Mode.LAND, "RU-A", 50.5, 40.0, "A", 1000, 0, RouteData.Documents.INTERNAL, 1000, tripsA),
                new RouteData("a2", "a2", RouteData.Mode.LAND, "RU-A", 50.5, 40.0, "A", 1000, 0, RouteData.Documents.INTERNAL, 1000, tripsA),
                new RouteData("b", "b", RouteData.Mode.LAND, "RU-A", 50.5, 40.0, "B", 1000, 0, RouteData.Documents.INTERNAL, 1000, tripsB));
        RouteCosts c = new RouteCosts(RouteCost.reachableFrom(Worlds.region("RU-H", 1_000_000, 50.0, 40.0), three, E), nest);
        double[] savings = new double[256];
        Arrays.fill(savings, 1_000_000);
        c.prepareDay(new double[]{1000, 1000, 1000}, new double[3], new boolean[]{true, true, true}, 0.2, savings);
        MersenneTwisterFast random = new MersenneTwisterFast(5);
        int n = 200_000, a = 0;
        for (int k = 0; k < n; k++) {
            if (c.choose(true, 100, 0.2, random).route() != 2) {
                a++;
            }
        }
        return a / (double) n;
    }

    @Test
    void aCountryIsNotMadeLikelierByCountingMoreCrossingsIntoIt() {
        // flat logit (nest 1): A's two routes take 2/3; nested, nest 0.5: T x S^0.5 = sqrt 2 against 1, 0.586
        assertEquals(2.0 / 3, shareToA(1, 1, 1.0), 0.005);
        assertEquals(Math.sqrt(2) / (1 + Math.sqrt(2)), shareToA(1, 1, 0.5), 0.005);
    }

    @Test
    void countriesMoreTravelledToBeforeTheMobilizationDrawMore() {
        // nest 0.5, A three times as travelled to: 3 sqrt 2 against 1 = 0.809
        assertEquals(3 * Math.sqrt(2) / (1 + 3 * Math.sqrt(2)), shareToA(3, 1, 0.5), 0.005);
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
