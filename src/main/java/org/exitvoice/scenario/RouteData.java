package org.exitvoice.scenario;

/** One row of params/data/routes.csv: a land crossing or a flight connection out of the country. */
public record RouteData(String id, String name, Mode mode, String region, double lat, double lon, String destination,
                        long capacityPerDay, Documents documents, double basePriceRub) {

    /** Land crossing or air route. */
    public enum Mode { LAND, AIR;
        public String csvName() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** The passport a man needs to use the route. */
    public enum Documents { INTERNAL, INTERNATIONAL;
        public String csvName() { return name().toLowerCase(java.util.Locale.ROOT); }
    }
}
