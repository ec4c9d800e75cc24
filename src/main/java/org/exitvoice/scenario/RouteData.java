package org.exitvoice.scenario;

/**
 * One row of params/data/routes.csv: a land crossing or a flight connection out of the country.
 *
 * @param capacityPerDay   persons (or seats) a day the route passes, gross
 * @param usualPerDay      of those, the usual traffic (tourists, commuters, the usual load of a flight)
 * @param destinationTrips Russians' trips to the destination country in a quarter before the mobilization (the
 *                         same on every route to it): the size term of the destination choice
 */
public record RouteData(String id, String name, Mode mode, String region, double lat, double lon, String destination,
                        long capacityPerDay, long usualPerDay, Documents documents, double basePriceRub,
                        double destinationTrips) {

    /** A route with no usual traffic, and a destination as often travelled to as any other (for tests and tools). */
    public RouteData(String id, String name, Mode mode, String region, double lat, double lon, String destination,
                     long capacityPerDay, Documents documents, double basePriceRub) {
        this(id, name, mode, region, lat, lon, destination, capacityPerDay, 0, documents, basePriceRub, 1);
    }

    /** Places a day open to those fleeing: capacity less the usual traffic (seats beyond the usual load). */
    public long placesPerDay() {
        return Math.max(0, capacityPerDay - usualPerDay);
    }

    /** Land crossing or air route. */
    public enum Mode { LAND, AIR;
        public String csvName() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** The passport a man needs to use the route. */
    public enum Documents { INTERNAL, INTERNATIONAL;
        public String csvName() { return name().toLowerCase(java.util.Locale.ROOT); }
    }
}
