package org.exitvoice.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import org.exitvoice.model.DayReport;
import org.exitvoice.model.RegionDay;
import org.exitvoice.model.RouteDay;
import org.exitvoice.model.RunResult;
import org.exitvoice.model.Tally;
import org.exitvoice.output.CsvTables;

/**
 * One series of a run reduced to one number: a column of national.csv, or of one region, route or destination
 * country, over the whole run or a window of days ({@code final.emigrated[RU-DA]}, {@code peak.wait_hours[upper-lars]},
 * {@code sum.crossed@2022-09-21..2022-09-28}, {@code firstDay.mobilized>=target}).
 *
 * @param reduction how the days become one number
 * @param column    the column read
 * @param place     a region code, route id or country; null for the nation
 * @param where     what {@code place} is
 * @param threshold the value {@code firstDay} waits for; NaN means the run's mobilization target
 * @param window    the days read; null for the whole run
 */
public record Measure(Reduction reduction, String column, String place, Where where, double threshold, DayWindow window)
        implements java.io.Serializable {

    /** How a measure reduces its days to one number. */
    public enum Reduction {
        /** The value on the last day. */
        FINAL,
        /** The largest daily value. */
        PEAK,
        /** The sum over the days (a flow's total). */
        SUM,
        /** The mean over the days. */
        MEAN,
        /** The first day (0 = the start date) the value reaches the threshold; absent if it never does. */
        FIRST_DAY;

        /** As written in a metric: {@code final}, {@code firstDay}. */
        public String written() {
            return this == FIRST_DAY ? "firstDay" : name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a bracket names. */
    public enum Where {
        /** No bracket: the national series. */
        NATION,
        /** A region code. */
        REGION,
        /** A route id. */
        ROUTE,
        /** A destination country: the sum over its routes. */
        DESTINATION;

        /** The columns this kind of place has. */
        public List<String> columns() {
            return List.copyOf(switch (this) {
                case NATION -> NATIONAL.keySet();
                case REGION -> REGION_COLUMNS.keySet();
                case ROUTE -> ROUTE_COLUMNS.keySet();
                case DESTINATION -> DESTINATION_COLUMNS;
            });
        }
    }

    /** The columns of national.csv, each read from a day's report. */
    static final Map<String, ToDoubleFunction<DayReport>> NATIONAL = national();
    /** The columns of regions.csv a region metric may name. */
    static final Map<String, ToDoubleFunction<RegionDay>> REGION_COLUMNS = regionColumns();
    /** The columns of routes.csv a route metric may name. */
    static final Map<String, ToDoubleFunction<RouteDay>> ROUTE_COLUMNS = routeColumns();
    /** The route columns that add up over a country's routes. */
    static final List<String> DESTINATION_COLUMNS = List.of("capacity", "queue", "crossed", "turned_back");

    /** The measure of a finished run; NaN when it does not occur (a threshold never reached, no day in the window). */
    public double of(RunResult run) {
        List<DayReport> days = run.days();
        // final.crossed[Country] has always meant the persons crossed to it over the run (the same as sum.)
        Reduction r = reduction == Reduction.FINAL && where == Where.DESTINATION && column.equals("crossed")
                ? Reduction.SUM : reduction;
        double goal = Double.isNaN(threshold) ? run.target() : threshold;
        double last = Double.NaN, peak = Double.NaN, sum = 0;
        int n = 0;
        for (DayReport d : days) {
            if (window != null && !window.holds(d)) {
                continue;
            }
            double v = value(d);
            if (r == Reduction.FIRST_DAY && v >= goal) {
                return d.day();
            }
            last = v;
            if (Double.isFinite(v)) { // a route's wait when it has no capacity: not a day of the series
                peak = n == 0 ? v : Math.max(peak, v);
                sum += v;
                n++;
            }
        }
        return switch (r) {
            case FINAL -> last;
            case PEAK -> peak;
            case SUM -> n == 0 ? Double.NaN : sum;
            case MEAN -> n == 0 ? Double.NaN : sum / n;
            case FIRST_DAY -> Double.NaN;
        };
    }

    private double value(DayReport d) {
        return switch (where) {
            case NATION -> NATIONAL.get(column).applyAsDouble(d);
            case REGION -> {
                for (RegionDay r : d.regions()) {
                    if (r.region().equals(place)) {
                        yield REGION_COLUMNS.get(column).applyAsDouble(r);
                    }
                }
                yield Double.NaN;
            }
            case ROUTE -> {
                for (RouteDay r : d.routes()) {
                    if (r.route().equals(place)) {
                        yield ROUTE_COLUMNS.get(column).applyAsDouble(r);
                    }
                }
                yield Double.NaN;
            }
            case DESTINATION -> {
                double total = 0;
                for (RouteDay r : d.routes()) {
                    if (r.destination().equals(place)) {
                        total += ROUTE_COLUMNS.get(column).applyAsDouble(r);
                    }
                }
                yield total;
            }
        };
    }

    /** The measure as a plain name: {@code final_emigrated_RU_DA}, {@code sum_crossed_from_day3}. */
    public String plainName() {
        StringBuilder b = new StringBuilder(reduction.written()).append('_').append(column);
        if (place != null) {
            b.append('_').append(place.replaceAll("[^A-Za-z0-9]+", "_"));
        }
        if (reduction == Reduction.FIRST_DAY) {
            b.append("_ge_").append(Double.isNaN(threshold) ? "target" : Metric.plain(Metric.number(threshold)));
        }
        if (window != null) {
            b.append('_').append(window.plainName());
        }
        return b.toString();
    }

    private static Map<String, ToDoubleFunction<DayReport>> national() {
        // the value columns of national.csv, in its order: the tally's counts and the persons crossed
        Map<String, ToDoubleFunction<DayReport>> c = new LinkedHashMap<>();
        for (String name : CsvTables.NATIONAL.subList(2, CsvTables.NATIONAL.size())) {
            ToLongFunction<Tally> count = CsvTables.TALLY_COLUMNS.get(name);
            c.put(name, count == null ? DayReport::crossed : d -> count.applyAsLong(d.national()));
        }
        return Collections.unmodifiableMap(c);
    }

    private static Map<String, ToDoubleFunction<RegionDay>> regionColumns() {
        Map<String, ToDoubleFunction<RegionDay>> c = new LinkedHashMap<>();
        c.put("population", RegionDay::population);
        CsvTables.TALLY_COLUMNS.forEach((name, f) -> c.put(name, r -> f.applyAsLong(r.tally())));
        return Collections.unmodifiableMap(c);
    }

    private static Map<String, ToDoubleFunction<RouteDay>> routeColumns() {
        Map<String, ToDoubleFunction<RouteDay>> c = new LinkedHashMap<>();
        c.put("capacity", RouteDay::capacity);
        c.put("queue", RouteDay::queue);
        c.put("wait_hours", RouteDay::waitHours);
        c.put("crossed", RouteDay::crossed);
        c.put("turned_back", RouteDay::turnedBack);
        c.put("price_index", RouteDay::priceIndex);
        require(CsvTables.ROUTES.subList(5, CsvTables.ROUTES.size()), c.keySet());
        return Collections.unmodifiableMap(c);
    }

    private static void require(List<String> file, java.util.Set<String> here) {
        if (!file.equals(new ArrayList<>(here))) {
            throw new IllegalStateException("output columns changed: " + file);
        }
    }
}
