package org.exitvoice.scenario;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/** Every range and consistency check on a scenario, in one place (the loader, the CLI and the GUI levers all use it). */
public final class ScenarioValidator {
    private ScenarioValidator() {
    }

    /**
     * Checks a bound scenario; the first problem is thrown. An event dated after the run's last day is let be here (it
     * never happens): whether it is a mistake depends on which file dated it, which only the loader knows.
     *
     * @param routes the route table, or null to skip checking the routes events name
     * @param locate where a dotted key's value came from: {@code x.yaml:12}, {@code x.yaml},
     *               {@code --set draft.target} or {@code --seed} (the last two already name the key)
     */
    public static void validate(Scenario s, List<RouteData> routes, Function<String, String> locate)
            throws ScenarioException {
        validate(s, routes, null, locate, null, null);
    }

    /** The first and last simulated day of a run, shown as {@code 2022-09-21..2022-11-19}. */
    record Span(LocalDate first, LocalDate last) {
        static Span of(LocalDate start, int days) {
            try {
                return new Span(start, start.plusDays(days - 1L));
            } catch (java.time.DateTimeException e) { // a start near the end of time: no event can be later anyway
                return new Span(start, LocalDate.MAX);
            }
        }

        @Override
        public String toString() {
            return first + ".." + last;
        }
    }

    /**
     * As {@link #validate(Scenario, List, Function)}, for the loader, which knows for event k the run that the layer
     * that dated it describes ({@code ownRun}: its file with what that file extends; null when unknown). An event after
     * the last day of that run too is an error (a mistyped date); one that only a later layer ({@code --days},
     * {@code --set days}, a file extending it) cut off goes to {@code warnings}, so that a shipped scenario stays
     * usable for a quick {@code --days 5}. {@code regionCodes} (null: not checked) are the codes a local protest call may
     * name.
     */
    static void validate(Scenario s, List<RouteData> routes, Collection<String> regionCodes,
                         Function<String, String> locate, IntFunction<Span> ownRun, Consumer<String> warnings)
            throws ScenarioException {
        for (ParameterTable.Row row : ParameterTable.rows()) {
            Object value = row.valueIn(s);
            if (value == null) {
                if (!row.nullable() && !row.key().equals("events")) {
                    throw new ScenarioException(locate.apply(row.key()), "missing key '" + row.key() + "'");
                }
            } else if (row.numeric()) {
                String problem = rangeProblem(row, ((Number) value).doubleValue());
                if (problem != null) {
                    throw ScenarioException.at(locate.apply(row.key()), row.key(), problem);
                }
            }
        }
        checkShares(s.population(), locate);
        checkDates(s, locate);
        checkEvents(s, routes, regionCodes, locate, ownRun, warnings);
    }

    /** Checks a scenario built in code, where no key has a file or flag to point at. */
    public static void validate(Scenario s, List<RouteData> routes) throws ScenarioException {
        validate(s, routes, key -> "scenario");
    }

    /** The range check for one numeric key, e.g. a GUI slider: {@code draft.misclassification: must be in [0, 1], got 1.5}. */
    public static void checkLever(String keyPath, double value) throws ScenarioException {
        ParameterTable.Row row = ParameterTable.row(keyPath).orElse(null);
        if (row == null) {
            List<String> keys = ParameterTable.rows().stream().map(ParameterTable.Row::key).toList();
            throw new ScenarioException(keyPath, "unknown key" + ScenarioException.didYouMean(keyPath, keys));
        }
        if (!row.numeric()) {
            throw new ScenarioException(keyPath, "not a number (" + row.typeName() + ")");
        }
        String problem = rangeProblem(row, value);
        if (problem != null) {
            throw new ScenarioException(keyPath, problem);
        }
    }

    /** Why {@code value} is not allowed for a numeric key, or null. */
    private static String rangeProblem(ParameterTable.Row row, double value) {
        String got = ", got " + ParameterTable.number(value);
        if (!Double.isFinite(value)) {
            return "must be a finite number" + got;
        }
        if (row.integral() && value != Math.rint(value)) {
            return "must be a whole number" + got;
        }
        if (row.param() == null) {
            return null;
        }
        double min = row.param().min();
        double max = row.param().max();
        if (value >= min && value <= max) {
            return null;
        }
        String range = row.range();
        if (range.startsWith("[")) {
            return "must be in " + range + got;
        }
        return "must be " + range + got;
    }

    /** Former conscripts, former contract soldiers and the exempt are disjoint shares of the same men. */
    private static void checkShares(Population p, Function<String, String> locate) throws ScenarioException {
        double sum = p.formerConscriptShare() + p.formerContractShare() + p.exemptShare();
        if (sum > 1 + 1e-9) {
            // point at a share the user set (the last of the three that has its own origin), else exemptShare
            String key = "population.exemptShare";
            for (String k : List.of("population.formerConscriptShare", "population.formerContractShare", "population.exemptShare")) {
                if (!locate.apply(k).equals(locate.apply("population"))) {
                    key = k;
                }
            }
            throw ScenarioException.at(locate.apply(key), key,
                    "formerConscriptShare + formerContractShare + exemptShare must be <= 1, got "
                            + ParameterTable.number(Math.round(sum * 1e6) / 1e6)); // no float noise in the message
        }
    }

    private static void checkDates(Scenario s, Function<String, String> locate) throws ScenarioException {
        LocalDate from = s.exitList().from();
        if (from != null && from.isBefore(s.start())) {
            throw ScenarioException.at(locate.apply("exitList.from"), "exitList.from",
                    from + " is before start " + s.start());
        }
    }

    /**
     * An event after the run's last day: an error naming the run its own file describes when that run ends before it
     * too, else a warning naming what cut it off ({@code days from --days}).
     */
    private static void lateEvent(Scenario s, Span run, int i, LocalDate date, Function<String, String> locate,
                                  Span own, Consumer<String> warnings) throws ScenarioException {
        String key = "events[" + i + "].date";
        if (own == null || date.isAfter(own.last())) {
            throw ScenarioException.at(locate.apply(key), key, date + " is after the run's last day: the run covers "
                    + (own == null ? run : own));
        }
        // what cut the event off: the days when they changed, else a start moved earlier
        long ownDays = ChronoUnit.DAYS.between(own.first(), own.last()) + 1;
        String cause = ownDays != s.days() ? "days" : "start";
        String at = locate.apply(key);
        String message = (at.startsWith("--") ? "" : key + ": ") + date + " is outside this run, which covers " + run
                + " (" + cause + " from " + locate.apply(cause) + "); the event does not happen";
        warnings.accept(ScenarioException.oneLine(at) + ": warning: " + ScenarioException.oneLine(message));
    }

    private static void checkEvents(Scenario s, List<RouteData> routes, Collection<String> regionCodes,
                                    Function<String, String> locate, IntFunction<Span> ownRun,
                                    Consumer<String> warnings) throws ScenarioException {
        Span run = Span.of(s.start(), s.days());
        List<String> routeIds = new ArrayList<>();
        if (routes != null) {
            routes.forEach(r -> routeIds.add(r.id()));
        }
        for (int i = 0; i < s.events().size(); i++) {
            Event e = s.events().get(i);
            String item = "events[" + i + "]";
            if (e == null) {
                throw new ScenarioException(locate.apply(item), item + ": empty event");
            }
            for (String part : List.of("date", "type")) {
                if ((part.equals("date") ? e.date() : e.type()) == null) {
                    throw new ScenarioException(locate.apply(item + "." + part), "missing key '" + item + "." + part + "'");
                }
            }
            // one before the start would never happen, though its author meant it to be in force: always an error
            if (e.date().isBefore(run.first())) {
                throw ScenarioException.at(locate.apply(item + ".date"), item + ".date",
                        e.date() + " is before the run's first day: the run covers " + run);
            }
            if (e.date().isAfter(run.last()) && ownRun != null) {
                lateEvent(s, run, i, e.date(), locate, ownRun.apply(i), warnings);
            }
            String type = e.type().yamlName();
            if (e.type().needsRoute()) {
                if (e.route() == null || e.route().isBlank()) {
                    throw ScenarioException.at(locate.apply(item + ".route"), item, type + " needs a route");
                }
                if (routes != null && !routeIds.contains(e.route())) {
                    throw ScenarioException.at(locate.apply(item + ".route"), item + ".route",
                            "unknown route '" + e.route() + "'" + ScenarioException.didYouMean(e.route(), routeIds));
                }
            } else if (e.route() != null) {
                throw ScenarioException.at(locate.apply(item + ".route"), item + ".route", type + " takes no route");
            }
            if (e.region() != null) {
                if (!e.type().mayNameRegion()) {
                    throw ScenarioException.at(locate.apply(item + ".region"), item + ".region", type + " takes no region");
                }
                if (regionCodes != null && !regionCodes.contains(e.region())) {
                    throw ScenarioException.at(locate.apply(item + ".region"), item + ".region",
                            "unknown region '" + e.region() + "'" + ScenarioException.didYouMean(e.region(), regionCodes));
                }
            }
            if (e.type().needsValue()) {
                String range = e.type().value().range();
                if (e.value() == null) {
                    throw ScenarioException.at(locate.apply(item), item, type + " needs a value in " + range);
                }
                if (!e.type().value().allows(e.value())) {
                    throw ScenarioException.at(locate.apply(item + ".value"), item + ".value",
                            "must be in " + range + ", got " + e.value());
                }
            } else if (e.value() != null) {
                throw ScenarioException.at(locate.apply(item + ".value"), item + ".value", type + " takes no value");
            }
        }
    }
}
