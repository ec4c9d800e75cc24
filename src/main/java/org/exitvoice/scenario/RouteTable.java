package org.exitvoice.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the route table ({@code params/data/routes.csv}) into {@link RouteData}, checking each route against the known regions. */
public final class RouteTable {

    /** The header, exactly: a missing or an extra column is an error. */
    static final List<String> COLUMNS = List.of("id", "name", "mode", "region", "lat", "lon", "destination",
            "capacity_per_day", "usual_per_day", "documents", "base_price_rub", "destination_trips", "source");

    // scenario files name routes by id (closeRoute, mobilizationPoint), so ids stay short and typeable
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private RouteTable() {
    }

    /**
     * Reads and checks every row.
     *
     * @param file        the table, as the user or scenario named it (errors show it this way)
     * @param regionCodes the codes of the region table; every route must lie in one of them
     * @return the routes in file order
     * @throws ScenarioException {@code FILE:LINE: route 'id': message} for the first bad value, header or duplicate id
     */
    public static List<RouteData> read(Path file, Set<String> regionCodes) throws ScenarioException {
        List<RouteData> routes = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        Map<String, Double> tripsTo = new HashMap<>();
        for (RegionTable.Row row : RegionTable.Rows.read(file, COLUMNS)) {
            String id = row.text("id");
            if (!KEBAB.matcher(id).matches()) {
                throw row.error("route '" + id + "': id must be kebab-case (a-z, 0-9 and '-')");
            }
            if (firstLine.containsKey(id)) {
                throw row.error("route '" + id + "': duplicate id (first on line " + firstLine.get(id) + ")");
            }
            firstLine.put(id, row.line());
            row.subject("route '" + id + "'");
            String region = row.text("region");
            if (!regionCodes.contains(region)) {
                throw row.error("route '" + id + "': unknown region '" + region + "'"
                        + ScenarioException.didYouMean(region, regionCodes));
            }
            long capacity = row.wholeNumber("capacity_per_day", 0);
            long usual = row.wholeNumber("usual_per_day", 0);
            if (usual > capacity) {
                throw row.error("route '" + id + "': column 'usual_per_day': the usual traffic (" + usual
                        + ") cannot exceed capacity_per_day (" + capacity + ")");
            }
            String destination = row.text("destination");
            double trips = row.number("destination_trips", 1, Double.MAX_VALUE);
            if (tripsTo.containsKey(destination) && tripsTo.get(destination) != trips) {
                throw row.error("route '" + id + "': column 'destination_trips': " + destination + " has "
                        + String.format(java.util.Locale.ROOT, "%.0f", tripsTo.get(destination)) + " on an earlier row; every route to a country gives the same figure");
            }
            tripsTo.put(destination, trips);
            routes.add(new RouteData(id, row.text("name"), mode(row), region,
                    row.number("lat", -90, 90), row.number("lon", -180, 180), destination,
                    capacity, usual, documents(row), row.number("base_price_rub", 0, Double.MAX_VALUE), trips));
            row.text("source"); // every row must say where its numbers come from
        }
        return Collections.unmodifiableList(routes);
    }

    private static RouteData.Mode mode(RegionTable.Row row) throws ScenarioException {
        for (RouteData.Mode m : RouteData.Mode.values()) {
            if (m.csvName().equals(row.raw("mode"))) {
                return m;
            }
        }
        throw badChoice(row, "mode", RouteData.Mode.values());
    }

    private static RouteData.Documents documents(RegionTable.Row row) throws ScenarioException {
        for (RouteData.Documents d : RouteData.Documents.values()) {
            if (d.csvName().equals(row.raw("documents"))) {
                return d;
            }
        }
        throw badChoice(row, "documents", RouteData.Documents.values());
    }

    private static ScenarioException badChoice(RegionTable.Row row, String column, Enum<?>[] choices) {
        List<String> names = new ArrayList<>();
        for (Enum<?> c : choices) {
            names.add("'" + c.name().toLowerCase(Locale.ROOT) + "'");
        }
        return row.error("route '" + row.raw("id") + "': column '" + column + "': must be "
                + String.join(" or ", names) + ", got '" + row.raw(column) + "'");
    }
}
