package org.exitvoice.scenario;

import java.nio.file.Path;
import java.util.List;

/** A loaded and validated scenario with its region and route tables; {@code file} as the user typed it. */
public record ScenarioInput(Path file, Scenario scenario, List<RegionData> regions, List<RouteData> routes) {
    public ScenarioInput {
        regions = List.copyOf(regions);
        routes = List.copyOf(routes);
    }
}
