package org.exitvoice.model;

import org.exitvoice.scenario.Emigration;
import org.exitvoice.scenario.RegionData;
import org.exitvoice.scenario.RouteData;

import java.util.ArrayList;
import java.util.List;

/**
 * What a route out costs a man, in units of his cost of staying (docs/ODD.md, "Leaving"): its price relative to his
 * savings plus a cost per day of travel and of expected queueing, cost = price / savings + dayCost x (travel + wait),
 * and the logit weight of a route against the cheapest. Also which routes a region's men can reach at all.
 */
public final class RouteCost {
    /** Earth radius for great-circle distances. */
    private static final double EARTH_KM = 6371.0;

    private RouteCost() {
    }

    /**
     * The routes a region's men can reach within {@code maxTravelDays}, the time to each (in days, and the day he
     * gets there counted from the day he sets off, {@link #arrivalDays}), which take an internal
     * passport, and the destination country of each ({@code destinationOf[j]} indexes {@code destinationTrips}, the
     * pre-mobilization trips to each country these routes lead to).
     */
    public record Reachable(int[] routes, int[] travelDays, double[] travelTime, boolean[] acceptsInternalPassport,
                            int[] destinationOf, double[] destinationTrips) {
        /** How many routes. */
        public int count() {
            return routes.length;
        }

        /** How many destination countries. */
        public int destinations() {
            return destinationTrips.length;
        }

        /** Route j (of these) offered at this cost. */
        public RouteOffer offer(int j, double cost) {
            return new RouteOffer(routes[j], travelDays[j], cost);
        }
    }

    /** The routes within {@code emigration.maxTravelDays} of the region's capital, in route-table order. */
    public static Reachable reachableFrom(RegionData home, List<RouteData> all, Emigration e) {
        List<Integer> within = new ArrayList<>();
        List<Double> days = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            RouteData r = all.get(k);
            double d = travelTime(distanceKm(home.lat(), home.lon(), r.lat(), r.lon()), r.mode(), e);
            if (d <= e.maxTravelDays()) {
                within.add(k);
                days.add(d);
            }
        }
        int n = within.size();
        int[] routes = new int[n], travel = new int[n], destinationOf = new int[n];
        double[] time = new double[n];
        boolean[] internal = new boolean[n];
        List<String> countries = new ArrayList<>();
        List<Double> trips = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            routes[j] = within.get(j);
            time[j] = days.get(j);
            travel[j] = arrivalDays(time[j]);
            RouteData r = all.get(routes[j]);
            internal[j] = r.documents() == RouteData.Documents.INTERNAL;
            int d = countries.indexOf(r.destination());
            if (d < 0) {
                d = countries.size();
                countries.add(r.destination());
                trips.add(r.destinationTrips());
            }
            destinationOf[j] = d;
        }
        return new Reachable(routes, travel, time, internal, destinationOf, trips.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Days to reach a route: by road, the great-circle distance x roadCircuity at kmPerDay; an airport beyond
     * domesticFlightKm by a domestic flight and a connection, one day (nobody drives 5,000 km to a plane).
     */
    public static double travelTime(double km, RouteData.Mode mode, Emigration e) {
        if (mode == RouteData.Mode.AIR && km > e.domesticFlightKm()) {
            return 1;
        }
        return km * e.roadCircuity() / e.kmPerDay();
    }

    /**
     * The day he reaches the route, counted from the day he sets off: the travel time rounded (he sets off, on average,
     * in the middle of a day), so a man near an airport or a crossing is there the same day.
     */
    public static int arrivalDays(double travelTime) {
        return (int) Math.round(travelTime);
    }

    /** Great-circle distance in km (haversine). */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** The days' part of a route's cost: dayCost x (travel days + expected days in its queue). */
    public static double daysCost(double dayCost, double travelTime, double waitDays) {
        return dayCost * (travelTime + waitDays);
    }

    /** The money a price is weighed against: his savings, at least 1 rouble. */
    public static double money(double savingsRub) {
        return Math.max(savingsRub, 1);
    }

    /** A route's cost without noise: price / money + the days' cost. Never below the days' cost. */
    public static double cost(double priceRub, double money, double daysCost) {
        return priceRub / money + daysCost;
    }

    /** A route's logit weight against the cheapest: exp(-(cost - lowest) / noise), 1 for the cheapest. */
    public static double logitWeight(double cost, double lowest, double noise) {
        return Math.exp(-(cost - lowest) / noise);
    }

    /**
     * Destination, then route: the nested logit (McFadden 1978; Train 2009, ch. 4) with the countries as nests. Within
     * a country the routes are close substitutes, with scale nest x noise: e_j = exp(-(cost_j - lowest) / (nest x noise)),
     * S_d = sum of e_j over d's usable routes. A country is chosen with P(d) proportional to T_d x S_d^nest, T_d the
     * Russians' trips there before the mobilization (a size variable, entering its log utility with coefficient 1:
     * Ben-Akiva and Lerman 1985, ch. 9), and a route within it with P(j | d) = e_j / S_d. So a country is not made
     * likelier by counting more crossings into it (nest &lt; 1), as a flat logit over routes would.
     *
     * @param cost       each route's cost (anything where {@code usable} is false)
     * @param nest       the dissimilarity parameter in (0, 1]; 1 is the flat logit with a size term
     * @param nestSums   scratch, one per destination (left holding T_d S_d^(nest - 1))
     * @param cumulative out: running sums of P(j) up to a constant factor (0 added for a route not usable)
     */
    public static void nestedLogitWeights(double[] cost, boolean[] usable, Reachable reach, double lowest, double noise,
                                          double nest, double[] nestSums, double[] cumulative) {
        java.util.Arrays.fill(nestSums, 0, reach.destinations(), 0);
        for (int j = 0; j < reach.count(); j++) {
            double e = usable[j] ? logitWeight(cost[j], lowest, nest * noise) : 0;
            cumulative[j] = e; // e_j, until the second pass
            nestSums[reach.destinationOf()[j]] += e;
        }
        for (int d = 0; d < reach.destinations(); d++) { // T_d S_d^(nest - 1), the weight of a route's e_j in d
            nestSums[d] = nestSums[d] > 0 ? reach.destinationTrips()[d] * Math.pow(nestSums[d], nest - 1) : 0;
        }
        double sum = 0;
        for (int j = 0; j < reach.count(); j++) {
            sum += cumulative[j] * nestSums[reach.destinationOf()[j]]; // T_d S_d^nest x e_j / S_d
            cumulative[j] = sum;
        }
    }

    /**
     * The route a uniform draw u in [0, 1) picks from cumulative weights (as {@link #nestedLogitWeights} leaves them):
     * the first j whose running sum exceeds u x the total.
     */
    public static int pick(double[] cumulative, int count, double u) {
        double at = u * cumulative[count - 1];
        int j = 0;
        while (cumulative[j] <= at) {
            j++;
        }
        return j;
    }

    /** Whether a route can be used today: open, and his passport is accepted there. */
    public static boolean usable(boolean openToday, boolean acceptsInternalPassport, boolean intlPassport) {
        return openToday && (intlPassport || acceptsInternalPassport);
    }
}
