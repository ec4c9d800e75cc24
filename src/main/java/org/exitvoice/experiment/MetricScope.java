package org.exitvoice.experiment;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.exitvoice.scenario.RegionData;
import org.exitvoice.scenario.RouteData;
import org.exitvoice.scenario.ScenarioInput;

/**
 * What a metric may name in the runs it reads: the region codes, route ids and destination countries of the tables,
 * and the run's dates (to refuse a window that holds no day of it).
 *
 * @param regions      region codes, e.g. {@code RU-DA}
 * @param routes       route ids, e.g. {@code upper-lars}
 * @param destinations countries routes lead to, e.g. {@code Georgia}
 * @param start        day 0 of the runs
 * @param days         days in a run
 */
public record MetricScope(Set<String> regions, Set<String> routes, Set<String> destinations, LocalDate start, int days) {

    public MetricScope {
        // sorted: the names an error lists read the same every time
        regions = Collections.unmodifiableSortedSet(new TreeSet<>(regions));
        routes = Collections.unmodifiableSortedSet(new TreeSet<>(routes));
        destinations = Collections.unmodifiableSortedSet(new TreeSet<>(destinations));
    }

    /** The places and dates of runs of {@code input} (its scenario at the scale and days it was loaded with). */
    public static MetricScope of(ScenarioInput input) {
        return of(input.regions(), input.routes(), input.scenario().start(), input.scenario().days());
    }

    /** The places of these tables, for runs from {@code start} over {@code days} days. */
    public static MetricScope of(List<RegionData> regions, List<RouteData> routes, LocalDate start, int days) {
        Set<String> r = new TreeSet<>(), ids = new TreeSet<>(), to = new TreeSet<>();
        regions.forEach(x -> r.add(x.code()));
        routes.forEach(x -> {
            ids.add(x.id());
            to.add(x.destination());
        });
        return new MetricScope(r, ids, to, start, days);
    }

    /** Every name a bracket may hold, sorted, for "did you mean". */
    Set<String> places() {
        Set<String> all = new TreeSet<>(regions);
        all.addAll(routes);
        all.addAll(destinations);
        return all;
    }
}
