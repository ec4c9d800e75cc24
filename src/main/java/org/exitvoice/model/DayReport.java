package org.exitvoice.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything observed at the end of one simulated day: the national tally, persons crossed (men and the family
 * travelling with them, summed over routes), one entry per region (in table order) and per route.
 */
public record DayReport(int day, LocalDate date, Tally national, long crossed, List<RegionDay> regions, List<RouteDay> routes) {
    public DayReport {
        regions = List.copyOf(regions);
        routes = List.copyOf(routes);
    }
}
