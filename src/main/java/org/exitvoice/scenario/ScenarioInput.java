package org.exitvoice.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded and validated scenario with its region and route tables; {@code file} as the user typed it.
 *
 * @param warnings one line each, {@code FILE:LINE: warning: ...}: what the run will not do as the file says (e.g. an
 *                 event after the last day of a run shortened by {@code --days}); for stderr and the report
 */
public record ScenarioInput(Path file, Scenario scenario, List<RegionData> regions, List<RouteData> routes,
                            List<String> warnings) {
    public ScenarioInput {
        regions = List.copyOf(regions);
        routes = List.copyOf(routes);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Without warnings. */
    public ScenarioInput(Path file, Scenario scenario, List<RegionData> regions, List<RouteData> routes) {
        this(file, scenario, regions, routes, List.of());
    }
}
