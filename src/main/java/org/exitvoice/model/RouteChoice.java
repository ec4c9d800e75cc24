package org.exitvoice.model;

import ec.util.MersenneTwisterFast;
import org.exitvoice.scenario.Emigration;
import org.exitvoice.scenario.RegionData;
import org.exitvoice.scenario.RouteData;

import java.util.ArrayList;
import java.util.List;

/**
 * The routes out that the men of one region can reach, and the choice among them: the cheapest in money relative to
 * savings plus travel and queueing days, with Gumbel noise (a logit choice). One instance per region; not shared
 * across threads.
 */
final class RouteChoice {
    /** Earth radius for great-circle distances. */
    private static final double EARTH_KM = 6371.0;

    final int[] routes;
    final int[] travelDays;
    private final boolean[] internalPassportOk;

    int chosenRoute = -1;
    double chosenCost = Double.POSITIVE_INFINITY;

    /**
     * Today's cheapest route cost by passport (0 internal, 1 international) and savings quantile: a bound that spares
     * the noisy choice. Filled on first use each day (most regions ask for a few quantiles only), {@link #filledOn}
     * telling which entries are today's.
     */
    private final double[] cheapest = new double[2 * 256];
    private final int[] filledOn = new int[2 * 256];
    /** Today's cumulative logit weights by passport and savings quantile (rows made on first use, filled once a day). */
    private final double[][] weights = new double[2 * 256][];
    private final int[] weightsOn = new int[2 * 256];
    private int dayStamp;
    private double cheapestOfAll = Double.POSITIVE_INFINITY;
    private double[] price, savingsOf;
    private boolean[] open;

    RouteChoice(RegionData home, List<RouteData> all, Emigration e) {
        List<int[]> reach = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            RouteData r = all.get(k);
            double km = distanceKm(home.lat(), home.lon(), r.lat(), r.lon());
            int days = travelDays(km, r.mode(), e);
            if (days <= e.maxTravelDays()) {
                reach.add(new int[]{k, days});
            }
        }
        routes = new int[reach.size()];
        travelDays = new int[reach.size()];
        internalPassportOk = new boolean[reach.size()];
        for (int j = 0; j < reach.size(); j++) {
            routes[j] = reach.get(j)[0];
            travelDays[j] = reach.get(j)[1];
            internalPassportOk[j] = all.get(routes[j]).documents() == RouteData.Documents.INTERNAL;
        }
        byDaysCost = new int[2][routes.length];
        daysCost = new double[routes.length];
    }

    /**
     * Days to reach a route: by road at kmPerDay, rounded up (notes/model.md); an airport beyond
     * domesticFlightKm is reached by a domestic flight in one day (assumption: nobody drives 5,000 km to a plane).
     */
    static int travelDays(double km, RouteData.Mode mode, Emigration e) {
        if (mode == RouteData.Mode.AIR && km > e.domesticFlightKm()) {
            return 1;
        }
        return Math.max(1, (int) Math.ceil(km / e.kmPerDay()));
    }

    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /**
     * Takes today's prices, queues and open routes; the lowest cost (without noise) for each passport and savings
     * level follows on first use. A man whose cost of staying is below it plus his other costs cannot prefer any
     * route today, whatever the noise says, so he is not asked. The arrays must not change during the day.
     */
    void prepareDay(double[] price, double[] waitDays, boolean[] open, double dayCost, double[] savingsOf) {
        this.price = price;
        this.open = open;
        this.savingsOf = savingsOf;
        dayStamp++;
        for (int j = 0; j < routes.length; j++) {
            daysCost[j] = dayCost * (travelDays[j] + waitDays[routes[j]]);
        }
        for (int passport = 0; passport < 2; passport++) {
            sortByDays(passport == 1);
        }
        // a route costs less the more one has saved, so the richest man with a passport has the lowest cost of all
        cheapestOfAll = cheapest(true, 255);
    }

    /** Today's lowest route cost over every passport and savings level: no man can leave for less. */
    double cheapestOfAll() {
        return cheapestOfAll;
    }

    /** Today's lowest route cost for a man with or without an international passport at savings quantile q. */
    double cheapest(boolean intlPassport, int savingsQuantile) {
        int slot = (intlPassport ? 256 : 0) + savingsQuantile;
        if (filledOn[slot] != dayStamp) {
            cheapest[slot] = lowestCost(intlPassport, savingsOf[savingsQuantile]);
            filledOn[slot] = dayStamp;
        }
        return cheapest[slot];
    }

    /**
     * The lowest cost over the routes he can use. A route costs at least its days' cost (its price over savings is
     * never negative), so with the routes in order of days' cost the search stops at the first whose days alone cost
     * as much as the best found: the same minimum as looking at every route.
     */
    private double lowestCost(boolean intlPassport, double savingsRub) {
        double money = Math.max(savingsRub, 1);
        double lowest = Double.POSITIVE_INFINITY;
        int[] order = byDaysCost[intlPassport ? 1 : 0];
        for (int n = 0, count = usableCount[intlPassport ? 1 : 0]; n < count; n++) {
            int j = order[n];
            if (daysCost[j] >= lowest) {
                break;
            }
            lowest = Math.min(lowest, cost(j, money));
        }
        return lowest;
    }

    /** Today's usable routes for one passport, in order of their days' cost (insertion sort: a few dozen routes). */
    private void sortByDays(boolean intlPassport) {
        int[] order = byDaysCost[intlPassport ? 1 : 0];
        int count = 0;
        for (int j = 0; j < routes.length; j++) {
            if (!usable(j, intlPassport)) {
                continue;
            }
            int at = count++;
            while (at > 0 && daysCost[order[at - 1]] > daysCost[j]) {
                order[at] = order[at - 1];
                at--;
            }
            order[at] = j;
        }
        usableCount[intlPassport ? 1 : 0] = count;
    }

    /**
     * Picks the route with the lowest perceived cost = today's price / savings + dayCost x (travel + expected queue
     * days) - noise x Gumbel, for a man with or without an international passport at savings quantile q. Sets
     * {@link #chosenRoute} (-1 when none is usable) and {@link #chosenCost}, the chosen route's cost without the noise.
     *
     * <p>The route with the lowest cost less independent Gumbel noise is the logit choice, P(j) proportional to
     * exp(-cost_j / noise) (McFadden 1974), so it is drawn with one uniform number from today's cumulative weights for
     * the man's passport and savings level, worked out on first use each day, instead of one Gumbel draw per route.
     * Without noise the cheapest route is taken (the first of equals).
     */
    void choose(boolean intlPassport, int savingsQuantile, double noise, MersenneTwisterFast random) {
        chosenRoute = -1;
        chosenCost = Double.POSITIVE_INFINITY;
        double lowest = cheapest(intlPassport, savingsQuantile);
        if (lowest == Double.POSITIVE_INFINITY) {
            return; // no usable route
        }
        double money = Math.max(savingsOf[savingsQuantile], 1);
        if (noise <= 0) {
            for (int j = 0; j < routes.length; j++) {
                if (usable(j, intlPassport) && cost(j, money) == lowest) {
                    chosenRoute = j;
                    chosenCost = lowest;
                    return;
                }
            }
        }
        double[] cumulative = logitWeights(intlPassport, savingsQuantile, money, lowest, noise);
        double u = random.nextDouble() * cumulative[routes.length - 1];
        int j = 0;
        while (cumulative[j] <= u) {
            j++;
        }
        chosenRoute = j;
        chosenCost = cost(j, money);
    }

    /** Today's cumulative logit weights exp(-(cost - lowest) / noise) over the routes (0 for those he cannot use). */
    private double[] logitWeights(boolean intlPassport, int savingsQuantile, double money, double lowest, double noise) {
        int slot = (intlPassport ? 256 : 0) + savingsQuantile;
        double[] cumulative = weights[slot];
        if (cumulative == null) {
            cumulative = weights[slot] = new double[routes.length];
        } else if (weightsOn[slot] == dayStamp) {
            return cumulative;
        }
        double sum = 0;
        for (int j = 0; j < routes.length; j++) {
            if (usable(j, intlPassport)) {
                sum += Math.exp(-(cost(j, money) - lowest) / noise); // the cheapest weighs 1, so the sum is never 0
            }
            cumulative[j] = sum;
        }
        weightsOn[slot] = dayStamp;
        return cumulative;
    }

    /** Route j (an index into {@link #routes}) lets a man through on his internal passport. */
    boolean acceptsInternalPassport(int j) {
        return internalPassportOk[j];
    }

    private boolean usable(int j, boolean intlPassport) {
        return open[routes[j]] && (intlPassport || internalPassportOk[j]);
    }

    /** A route's cost today without the noise: price relative to savings, and the days of travel and queueing. */
    private double cost(int j, double money) {
        return price[routes[j]] / money + daysCost[j];
    }

    /** Today's usable routes by passport (0 internal, 1 international), in order of days' cost; each route's days' cost today. */
    private final int[][] byDaysCost;
    private final int[] usableCount = new int[2];
    private final double[] daysCost;
}
