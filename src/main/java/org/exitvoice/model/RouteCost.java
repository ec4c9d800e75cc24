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

    /** The routes a region's men can reach within {@code maxTravelDays}, the days to each, and which take an internal passport. */
    public record Reachable(int[] routes, int[] travelDays, boolean[] acceptsInternalPassport) {
        /** How many routes. */
        public int count() {
            return routes.length;
        }
    }

    /** The routes within {@code emigration.maxTravelDays} of the region's capital, in route-table order. */
    public static Reachable reachableFrom(RegionData home, List<RouteData> all, Emigration e) {
        List<Integer> within = new ArrayList<>();
        List<Integer> days = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            RouteData r = all.get(k);
            int d = travelDays(distanceKm(home.lat(), home.lon(), r.lat(), r.lon()), r.mode(), e);
            if (d <= e.maxTravelDays()) {
                within.add(k);
                days.add(d);
            }
        }
        int n = within.size();
        int[] routes = new int[n], travel = new int[n];
        boolean[] internal = new boolean[n];
        for (int j = 0; j < n; j++) {
            routes[j] = within.get(j);
            travel[j] = days.get(j);
            internal[j] = all.get(routes[j]).documents() == RouteData.Documents.INTERNAL;
        }
        return new Reachable(routes, travel, internal);
    }

    /**
     * Days to reach a route: by road at kmPerDay, rounded up; an airport beyond domesticFlightKm is reached by a
     * domestic flight in one day (assumption: nobody drives 5,000 km to a plane).
     */
    public static int travelDays(double km, RouteData.Mode mode, Emigration e) {
        if (mode == RouteData.Mode.AIR && km > e.domesticFlightKm()) {
            return 1;
        }
        return Math.max(1, (int) Math.ceil(km / e.kmPerDay()));
    }

    /** Great-circle distance in km (haversine). */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** The days' part of a route's cost: dayCost x (travel days + expected days in its queue). */
    public static double daysCost(double dayCost, int travelDays, double waitDays) {
        return dayCost * (travelDays + waitDays);
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

    /** Whether a route can be used today: open, and his passport is accepted there. */
    public static boolean usable(boolean openToday, boolean acceptsInternalPassport, boolean intlPassport) {
        return openToday && (intlPassport || acceptsInternalPassport);
    }
}
