package org.exitvoice.validation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.exitvoice.scenario.RegionData;
import org.exitvoice.scenario.RouteData;
import org.exitvoice.scenario.ScenarioException;

/**
 * Maps target observations to model measures. A target the model cannot be held against is an error naming it, never
 * a silent skip: either map it (a metric in {@link Measure#of}, a place in {@link Places}) or make it context.
 */
public final class Targets {
    private Targets() {
    }

    /** Which targets to compare: every target, those ending by 25 Sep 2022 (in sample), or the ids given. */
    public record Selection(Kind kind, List<String> ids) {
        /** The three ways of choosing. */
        public enum Kind { ALL_TARGETS, IN_SAMPLE, IDS }

        /** Every target row. */
        public static final Selection ALL_TARGETS = new Selection(Kind.ALL_TARGETS, List.of());
        /** Targets ending by {@link Target#IN_SAMPLE_END}. */
        public static final Selection IN_SAMPLE = new Selection(Kind.IN_SAMPLE, List.of());

        public Selection {
            ids = List.copyOf(ids);
        }

        /** The ids given, in order. */
        public static Selection of(List<String> ids) {
            return new Selection(Kind.IDS, ids);
        }

        /** As written in a calibration file: {@code all-targets}, {@code in-sample} or the ids. */
        @Override
        public String toString() {
            return switch (kind) {
                case ALL_TARGETS -> "all-targets";
                case IN_SAMPLE -> "in-sample";
                case IDS -> String.join(", ", ids);
            };
        }
    }

    /**
     * Maps the selected targets, in file order (ids in the order given).
     *
     * @param file     the observed-data file, for messages
     * @param all      every row of the file (baselines are looked up among them)
     * @param runStart the run's first date
     * @param runEnd   the run's last date: a target ending later is an error (run more days)
     */
    public static List<Target> map(String file, List<Observation> all, Selection selection, List<RouteData> routes,
                                       List<RegionData> regions, LocalDate runStart, LocalDate runEnd)
            throws ScenarioException {
        Map<String, Observation> byId = new LinkedHashMap<>();
        for (Observation o : all) {
            byId.put(o.id(), o);
        }
        List<Observation> chosen = new ArrayList<>();
        if (selection.kind() == Selection.Kind.IDS) {
            for (String id : selection.ids()) {
                Observation o = byId.get(id);
                if (o == null) {
                    throw new ScenarioException(file, "no observation " + id + ScenarioException.didYouMean(id, byId.keySet()));
                }
                if (o.use() != Observation.Use.TARGET) {
                    throw new ScenarioException(file + ":" + o.line(), id + ": is a " + o.use().word()
                            + " row, not a target (" + o.note() + ")");
                }
                chosen.add(o);
            }
        } else {
            for (Observation o : all) {
                boolean held = selection.kind() == Selection.Kind.IN_SAMPLE && o.end().isAfter(Target.IN_SAMPLE_END);
                if (o.use() == Observation.Use.TARGET && !held) {
                    chosen.add(o);
                }
            }
        }
        Places places = new Places(routes, regions);
        Set<String> routeIds = routes.stream().map(RouteData::id).collect(Collectors.toSet());
        Set<String> regionCodes = regions.stream().map(RegionData::code).collect(Collectors.toSet());
        Map<String, Double> fares = new HashMap<>();
        for (RouteData r : routes) {
            fares.put(r.id(), r.basePriceRub());
        }
        List<Target> out = new ArrayList<>();
        for (Observation o : chosen) {
            out.add(one(file, o, byId, places, routeIds, regionCodes, fares, runStart, runEnd));
        }
        return out;
    }

    private static Target one(String file, Observation o, Map<String, Observation> byId, Places places,
                                  Set<String> routeIds, Set<String> regionCodes, Map<String, Double> fares,
                                  LocalDate runStart, LocalDate runEnd) throws ScenarioException {
        String at = file + ":" + o.line();
        String cannot = " (map it in org.exitvoice.validation, or make the row context with a note saying why)";
        Measure m = Measure.of(o);
        if (m == null) {
            throw new ScenarioException(at, o.id() + ": target with no model measure for metric '" + o.metric()
                    + "' in " + o.unit() + cannot);
        }
        Place p = places.resolve(o.place());
        if (p == null) {
            throw new ScenarioException(at, o.id() + ": target at '" + o.place() + "', a place the model does not know" + cannot);
        }
        if (m.onRoutes() != (p.scope() == Place.Scope.ROUTES)) {
            throw new ScenarioException(at, o.id() + ": " + m.name().toLowerCase(java.util.Locale.ROOT) + " is read "
                    + (m.onRoutes() ? "at routes" : "in regions or the nation") + ", but '" + o.place() + "' is "
                    + p.describe() + cannot);
        }
        for (String id : p.ids()) {
            if (!(p.scope() == Place.Scope.ROUTES ? routeIds : regionCodes).contains(id)) {
                throw new ScenarioException(at, o.id() + ": '" + o.place() + "' names " + id + ", which is not in the "
                        + (p.scope() == Place.Scope.ROUTES ? "route" : "region") + " table");
            }
        }
        double baseline = 0;
        if (m == Measure.CROSSINGS) {
            if (p.baselines() == null) {
                throw new ScenarioException(at, o.id() + ": a border count at '" + o.place() + "' is gross, and no "
                        + "baseline row gives the usual traffic there (name one in Places, or make the row context)");
            }
            for (String id : p.baselines()) {
                Observation b = byId.get(id);
                if (b == null || b.use() != Observation.Use.BASELINE) {
                    throw new ScenarioException(at, o.id() + ": its usual traffic is " + id + ", which is "
                            + (b == null ? "not in the file" : "a " + b.use().word() + " row, not a baseline"));
                }
            }
            baseline = Target.baselinePerDay(p.baselines(), byId);
        }
        if (o.end().isAfter(runEnd)) {
            throw new ScenarioException(at, o.id() + ": ends " + o.end() + ", after the run's last day " + runEnd
                    + " (run at least " + (ChronoUnit.DAYS.between(runStart, o.end()) + 1) + " days)");
        }
        if (o.end().isBefore(runStart)) {
            throw new ScenarioException(at, o.id() + ": ends " + o.end() + ", before the run starts on " + runStart);
        }
        Map<String, Double> baseFares = m == Measure.PEAK_FARE ? Target.fares(p.ids(), fares) : Map.of();
        return new Target(o, m, p, baseline, baseFares);
    }

    /** Days a run needs so that every comparison's dates are simulated. */
    public static int daysNeeded(List<Target> comparisons, LocalDate runStart) {
        long days = 1;
        for (Target c : comparisons) {
            days = Math.max(days, ChronoUnit.DAYS.between(runStart, c.observation().end()) + 1);
        }
        return (int) days;
    }
}
