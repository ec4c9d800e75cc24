package org.exitvoice.validation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.exitvoice.model.DayReport;
import org.exitvoice.model.RegionDay;
import org.exitvoice.model.RouteDay;
import org.exitvoice.model.RunResult;
import org.exitvoice.model.Tally;

/**
 * One target observation and the model measure it is held against: which quantity, where, and the usual traffic
 * added to make a gross count comparable.
 *
 * @param observation    the target row
 * @param measure        the model quantity
 * @param place          the regions or routes (or the nation) it is read at
 * @param baselinePerDay usual persons a day added to crossings (0 for other measures)
 * @param baseFares      base price (RUB) of each route of the place, for fares; empty otherwise
 */
public record Target(Observation observation, Measure measure, Place place, double baselinePerDay,
                         Map<String, Double> baseFares) {

    /** The last date of the in-sample observations: what a fit may use; later ones are held out. */
    public static final LocalDate IN_SAMPLE_END = LocalDate.of(2022, 9, 25);

    public Target {
        baseFares = Map.copyOf(baseFares);
    }

    /** The observation's id. */
    public String id() {
        return observation.id();
    }

    /** Whether the observation ends by {@link #IN_SAMPLE_END} (used in fits) rather than after it (held out). */
    public boolean inSample() {
        return !observation.end().isAfter(IN_SAMPLE_END);
    }

    /** Whether it belongs to the split of emigrants by destination (a crossing count into a country or crossing). */
    public boolean destination() {
        return measure == Measure.CROSSINGS;
    }

    /** The mapping in words, e.g. {@code CROSSINGS on routes upper-lars + 5,500/day usual (obs-004)}. */
    public String describe() {
        String usual = measure == Measure.CROSSINGS && !place.baselines().isEmpty()
                ? String.format(Locale.ROOT, " + %,.0f/day usual (%s)", baselinePerDay, String.join(", ", place.baselines()))
                : "";
        return measure.name().toLowerCase(Locale.ROOT) + " at " + place.describe() + usual;
    }

    /** The model's value for this observation in one run; days outside the run count as nothing happening. */
    public double simulate(RunResult run) {
        LocalDate from = observation.start(), to = observation.end();
        List<DayReport> days = run.days();
        if (measure == Measure.MOBILIZED) {
            for (DayReport d : days) {
                if (d.date().equals(to)) {
                    return tally(d).mobilized();
                }
            }
            return 0;
        }
        double sum = 0, peak = 0;
        for (DayReport d : days) {
            if (d.date().isBefore(from) || d.date().isAfter(to)) {
                continue;
            }
            switch (measure) {
                case CROSSINGS -> {
                    for (RouteDay r : routesOf(d)) {
                        sum += r.crossed();
                    }
                }
                case ARRESTS -> sum += tally(d).arrests();
                case INCIDENTS -> sum += tally(d).incidents();
                case PROTESTERS -> peak = Math.max(peak, tally(d).protesters());
                case PEAK_WAIT -> {
                    for (RouteDay r : routesOf(d)) {
                        if (Double.isFinite(r.waitHours())) { // a closed crossing has no wait
                            peak = Math.max(peak, r.waitHours());
                        }
                    }
                }
                case PEAK_FARE -> {
                    for (RouteDay r : routesOf(d)) {
                        peak = Math.max(peak, baseFares.get(r.route()) * r.priceIndex());
                    }
                }
                default -> throw new IllegalStateException(measure.name());
            }
        }
        return switch (measure) {
            case CROSSINGS -> observation.perDay()
                    ? sum / observation.days() + baselinePerDay
                    : sum + baselinePerDay * observation.days();
            case ARRESTS, INCIDENTS -> sum;
            default -> peak;
        };
    }

    /** The place's tally on one day: the nation's, or the sum over its regions. */
    private Tally tally(DayReport d) {
        if (place.scope() == Place.Scope.NATION) {
            return d.national();
        }
        Tally t = Tally.ZERO;
        for (RegionDay r : d.regions()) {
            if (place.ids().contains(r.region())) {
                t = t.plus(r.tally());
            }
        }
        return t;
    }

    private List<RouteDay> routesOf(DayReport d) {
        return d.routes().stream().filter(r -> place.ids().contains(r.route())).toList();
    }

    /** Usual persons a day at a place: the sum of its baseline rows, each a rate or a count spread over its dates. */
    static double baselinePerDay(List<String> baselineIds, Map<String, Observation> byId) {
        double perDay = 0;
        for (String id : baselineIds) {
            Observation b = byId.get(id);
            perDay += b.perDay() ? b.value() : b.value() / b.days();
        }
        return perDay;
    }

    /** Route id to base fare, for the fare measure. */
    static Map<String, Double> fares(List<String> routeIds, Map<String, Double> allFares) {
        Map<String, Double> m = new HashMap<>();
        for (String id : routeIds) {
            m.put(id, allFares.get(id));
        }
        return m;
    }
}
