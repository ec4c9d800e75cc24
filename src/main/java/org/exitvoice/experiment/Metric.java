package org.exitvoice.experiment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.exitvoice.model.RunResult;
import org.exitvoice.scenario.ScenarioException;

/**
 * One number taken from a finished run, written as in the experiment file ({@code final.emigrated},
 * {@code peak.wait_hours[upper-lars]}, {@code sum.crossed@2022-09-21..2022-09-28}, {@code firstDay.mobilized>=target},
 * {@code sum.arrests / sum.protesters}; the grammar is {@link MetricGrammar}'s) and named plainly in CSV headers and
 * file names ({@code final_crossed_Georgia}, {@code sum_arrests_per_sum_protesters}).
 *
 * @param expression the metric as written
 * @param name       its plain name
 * @param formula    how it is computed
 */
public record Metric(String expression, String name, Formula formula) implements java.io.Serializable {

    /** The closing summary of a run, as metrics: the default of {@code compare} and of an experiment without metrics. */
    public static final List<String> SUMMARY = List.of("final.emigrated", "sum.crossed", "final.mobilized",
            "firstDay.mobilized>=target", "peak.protesters", "sum.arrests", "sum.incidents", "sum.summons",
            "sum.misdrafted", "sum.caught", "peak.hiding");

    /**
     * Reads a metric over runs of {@code scope} (its regions, routes, destinations and dates). The exception's
     * location is left to the caller, which knows the file and line.
     */
    public static Metric parse(String text, MetricScope scope) throws ScenarioException {
        String t = text.strip();
        Formula f = MetricGrammar.parse(t, scope);
        return new Metric(t, f.plainName(), f);
    }

    /** Reads several metrics, as {@link #parse} does. */
    public static List<Metric> parseAll(List<String> texts, MetricScope scope) throws ScenarioException {
        List<Metric> out = new ArrayList<>();
        for (String t : texts) {
            out.add(parse(t, scope));
        }
        return out;
    }

    /** The metric of a finished run; NaN when it does not occur (a threshold never reached, a division by zero). */
    public double of(RunResult run) {
        return run.days().isEmpty() ? Double.NaN : formula.of(run);
    }

    /** A national column name, checked: the error names the known ones. */
    static String column(String name) throws ScenarioException {
        if (!Measure.NATIONAL.containsKey(name)) {
            throw new ScenarioException(null, "no national column '" + name + "'"
                    + ScenarioException.didYouMean(name, Measure.NATIONAL.keySet()) + "; columns: "
                    + String.join(", ", Measure.NATIONAL.keySet()));
        }
        return name;
    }

    /** A number as written plainly: 0.5, 300000, -1. */
    static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A name fit for a CSV header or a file name: letters, digits and underscores (0.5 is 0p5, -1 is m1). */
    static String plain(String s) {
        return s.replace('.', 'p').replace('-', 'm').replaceAll("[^A-Za-z0-9]+", "_");
    }
}
