package org.exitvoice.experiment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exitvoice.model.DayReport;
import org.exitvoice.model.RouteDay;
import org.exitvoice.model.RunResult;
import org.exitvoice.output.CsvTables;
import org.exitvoice.scenario.ScenarioException;

/**
 * One number taken from a finished run, written as in the experiment file ({@code final.emigrated},
 * {@code peak.protesters}, {@code sum.arrests}, {@code final.crossed[Georgia]}, {@code firstDay.mobilized>=target})
 * and named plainly in CSV headers and file names ({@code final_crossed_Georgia}, {@code firstDay_mobilized_ge_target}).
 *
 * @param expression the metric as written
 * @param name       its plain name
 * @param kind       what is taken from the national series
 * @param column     a column of national.csv
 * @param country    the destination of {@code crossed[Country]}, else null
 * @param threshold  the value {@code firstDay} waits for; NaN means the run's mobilization target
 */
public record Metric(String expression, String name, Kind kind, String column, String country, double threshold)
        implements java.io.Serializable {

    /** How a metric reduces the national series to one number. */
    public enum Kind {
        /** The value on the last day. */
        FINAL,
        /** The largest daily value. */
        PEAK,
        /** The sum over all days (a flow's total). */
        SUM,
        /** Persons crossed to one destination over the whole run. */
        CROSSED_TO,
        /** The first day (0 = the start date) the value reaches the threshold; absent if it never does. */
        FIRST_DAY
    }

    /** The closing summary of a run, as metrics: the default of {@code compare} and of an experiment without metrics. */
    public static final List<String> SUMMARY = List.of("final.emigrated", "sum.crossed", "final.mobilized",
            "firstDay.mobilized>=target", "peak.protesters", "sum.arrests", "sum.incidents", "sum.summons",
            "sum.misdrafted", "sum.caught", "peak.hiding");

    /** The columns of national.csv a metric may name, each read from a day's report. */
    static final Map<String, ToLongFunction<DayReport>> COLUMNS = columns();

    private static final Pattern SIMPLE = Pattern.compile("(final|peak|sum)\\.([a-z_]+)");
    private static final Pattern CROSSED = Pattern.compile("(final|sum)\\.crossed\\[([^\\]]+)]");
    private static final Pattern FIRST_DAY = Pattern.compile("firstDay\\.([a-z_]+)\\s*>=\\s*(\\S+)");

    /**
     * Reads a metric; {@code destinations} are the countries routes lead to (for {@code crossed[Country]}).
     * The exception's location is left to the caller, which knows the file and line.
     */
    public static Metric parse(String text, Collection<String> destinations) throws ScenarioException {
        String t = text.strip();
        Matcher m = CROSSED.matcher(t);
        if (m.matches()) {
            String country = m.group(2).strip();
            if (!destinations.contains(country)) {
                throw new ScenarioException(null, "no route leads to '" + country + "'"
                        + ScenarioException.didYouMean(country, destinations) + "; destinations: " + String.join(", ", destinations));
            }
            return new Metric(t, m.group(1) + "_crossed_" + plain(country), Kind.CROSSED_TO, "crossed", country, Double.NaN);
        }
        m = SIMPLE.matcher(t);
        if (m.matches()) {
            String column = column(m.group(2));
            Kind kind = Kind.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT));
            return new Metric(t, m.group(1) + "_" + column, kind, column, null, Double.NaN);
        }
        m = FIRST_DAY.matcher(t);
        if (m.matches()) {
            String column = column(m.group(1));
            String value = m.group(2);
            double threshold;
            String shown;
            if (value.equals("target")) {
                threshold = Double.NaN;
                shown = "target";
            } else {
                try {
                    threshold = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw new ScenarioException(null, "expected a number or 'target' after >=, got '" + value + "'");
                }
                if (!Double.isFinite(threshold)) {
                    throw new ScenarioException(null, "expected a finite number after >=, got '" + value + "'");
                }
                shown = plain(BigDecimal.valueOf(threshold).stripTrailingZeros().toPlainString());
            }
            return new Metric(t, "firstDay_" + column + "_ge_" + shown, Kind.FIRST_DAY, column, null, threshold);
        }
        throw new ScenarioException(null, "not a metric '" + t + "'; write final.COL, peak.COL, sum.COL,"
                + " final.crossed[Country] or firstDay.COL>=VALUE (VALUE a number or target)");
    }

    /** Reads several metrics, as {@link #parse} does. */
    public static List<Metric> parseAll(List<String> texts, Collection<String> destinations) throws ScenarioException {
        List<Metric> out = new ArrayList<>();
        for (String t : texts) {
            out.add(parse(t, destinations));
        }
        return out;
    }

    /** The metric of a finished run; NaN when it does not occur (a threshold never reached). */
    public double of(RunResult run) {
        List<DayReport> days = run.days();
        if (days.isEmpty()) {
            return Double.NaN;
        }
        if (kind == Kind.CROSSED_TO) {
            long total = 0;
            for (DayReport d : days) {
                for (RouteDay r : d.routes()) {
                    if (r.destination().equals(country)) {
                        total += r.crossed();
                    }
                }
            }
            return total;
        }
        ToLongFunction<DayReport> value = COLUMNS.get(column);
        switch (kind) {
            case FINAL -> {
                return value.applyAsLong(days.get(days.size() - 1));
            }
            case PEAK -> {
                long peak = Long.MIN_VALUE;
                for (DayReport d : days) {
                    peak = Math.max(peak, value.applyAsLong(d));
                }
                return peak;
            }
            case SUM -> {
                long sum = 0;
                for (DayReport d : days) {
                    sum += value.applyAsLong(d);
                }
                return sum;
            }
            default -> {
                double goal = Double.isNaN(threshold) ? run.target() : threshold;
                for (DayReport d : days) {
                    if (value.applyAsLong(d) >= goal) {
                        return d.day();
                    }
                }
                return Double.NaN;
            }
        }
    }

    /** A national column name, checked: the error names the known ones. */
    static String column(String name) throws ScenarioException {
        if (!COLUMNS.containsKey(name)) {
            throw new ScenarioException(null, "no national column '" + name + "'"
                    + ScenarioException.didYouMean(name, COLUMNS.keySet()) + "; columns: " + String.join(", ", COLUMNS.keySet()));
        }
        return name;
    }

    /** A name fit for a CSV header or a file name: letters, digits and underscores. */
    static String plain(String s) {
        return s.replace('.', 'p').replace('-', 'm').replaceAll("[^A-Za-z0-9]+", "_");
    }

    private static Map<String, ToLongFunction<DayReport>> columns() {
        Map<String, ToLongFunction<DayReport>> c = new LinkedHashMap<>();
        c.put("at_home", d -> d.national().atHome());
        c.put("hiding", d -> d.national().hiding());
        c.put("en_route", d -> d.national().enRoute());
        c.put("emigrated", d -> d.national().emigrated());
        c.put("mobilized", d -> d.national().mobilized());
        c.put("detained", d -> d.national().detained());
        c.put("summons", d -> d.national().summons());
        c.put("reported", d -> d.national().reported());
        c.put("misdrafted", d -> d.national().misdrafted());
        c.put("caught", d -> d.national().caught());
        c.put("protesters", d -> d.national().protesters());
        c.put("arrests", d -> d.national().arrests());
        c.put("incidents", d -> d.national().incidents());
        c.put("departures", d -> d.national().departures());
        c.put("crossed", DayReport::crossed);
        c.put("turned_back", d -> d.national().turnedBack());
        // every value column of national.csv must be readable here (a test in output guards the file's columns)
        List<String> expected = CsvTables.NATIONAL.subList(2, CsvTables.NATIONAL.size());
        if (!expected.equals(new ArrayList<>(c.keySet()))) {
            throw new IllegalStateException("national columns changed: " + expected);
        }
        return java.util.Collections.unmodifiableMap(c);
    }
}
