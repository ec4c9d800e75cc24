package org.exitvoice.validation;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The model against every target: one row each, and the averaged relative difference (ARD) and log accuracy over groups of them. */
public final class ValidationTable {

    /** The columns of validation.csv. */
    public static final List<String> COLUMNS = List.of("id", "metric", "place", "date_start", "date_end", "observed",
            "sim_mean", "sim_q05", "sim_q95", "rel_error", "log_ratio", "inside");

    /** The columns of scores.csv: each group's ARD and log accuracy. */
    public static final List<String> SCORE_COLUMNS = List.of("group", "targets", "ard", "log_accuracy");

    /** A score (an ARD or a log accuracy) and how many targets it averages over. */
    public record Score(double value, int n) {
        @Override
        public String toString() {
            return n == 0 ? "n/a (no targets)" : String.format(Locale.ROOT, "%.3f over %d target%s", value, n, n == 1 ? "" : "s");
        }
    }

    private final List<ValidationRow> rows;

    private ValidationTable(List<ValidationRow> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Summarises values[comparison][replication]. */
    public static ValidationTable of(List<Target> comparisons, double[][] values) {
        List<ValidationRow> rows = new ArrayList<>();
        for (int c = 0; c < comparisons.size(); c++) {
            rows.add(ValidationRow.of(comparisons.get(c), values[c]));
        }
        return new ValidationTable(rows);
    }

    public List<ValidationRow> rows() {
        return rows;
    }

    /** ARD = mean over the chosen targets of |sim_mean − observed| / observed (the measure Flee's validations report). */
    public Score ard(Predicate<ValidationRow> which) {
        return mean(which, ValidationRow::absRelError);
    }

    /**
     * Log accuracy = mean over the chosen targets of |ln(sim_mean / observed)|, both floored at one of the observation's
     * unit ({@link ValidationRow#logRatio()}). Unlike ARD, which costs at most 1 for predicting nothing and without bound
     * for an excess, it costs a factor too low as much as the same factor too high, so a model that predicts nothing
     * cannot score well; e^score is the typical factor by which the model is off.
     */
    public Score logAccuracy(Predicate<ValidationRow> which) {
        return mean(which, r -> Math.abs(r.logRatio()));
    }

    /** ARD over a group of targets. */
    public Score ard(TargetGroup group) {
        return ard(group::holds);
    }

    /** Log accuracy over a group of targets. */
    public Score logAccuracy(TargetGroup group) {
        return logAccuracy(group::holds);
    }

    private Score mean(Predicate<ValidationRow> which, ToDoubleFunction<ValidationRow> term) {
        double sum = 0;
        int n = 0;
        for (ValidationRow r : rows) {
            if (which.test(r)) {
                sum += term.applyAsDouble(r);
                n++;
            }
        }
        return new Score(n == 0 ? Double.NaN : sum / n, n);
    }

    /** ARD over every row. */
    public Score all() {
        return ard(TargetGroup.ALL);
    }

    /** ARD over the split of emigrants by destination (crossing counts). */
    public Score destinations() {
        return ard(TargetGroup.DESTINATIONS);
    }

    /** ARD over targets ending by 25 Sep 2022 (what a fit may use). */
    public Score inSample() {
        return ard(TargetGroup.IN_SAMPLE);
    }

    /** ARD over targets ending after 25 Sep 2022 (held out of fits). */
    public Score outOfSample() {
        return ard(TargetGroup.OUT_OF_SAMPLE);
    }

    /** Writes validation.csv. */
    public void writeCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            p.printRecord(COLUMNS);
            for (ValidationRow r : rows) {
                Observation o = r.comparison().observation();
                p.printRecord(o.id(), o.metric(), o.place(), o.start(), o.end(), number(o.value(), 2),
                        number(r.mean(), 2), number(r.q05(), 2), number(r.q95(), 2), number(r.relError(), 4), number(r.logRatio(), 4), r.inside());
            }
        }
    }

    /** Writes scores.csv: per group of targets, how many, their ARD and their log accuracy. */
    public void writeScores(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            p.printRecord(SCORE_COLUMNS);
            for (TargetGroup g : TargetGroup.values()) {
                p.printRecord(g.id(), ard(g).n(), number(ard(g).value(), 4), number(logAccuracy(g).value(), 4));
            }
        }
    }

    /** The table as console lines, then the score lines. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%-7s %-25s %-26s %-11s %11s %11s  %-23s %7s %s", "id", "metric", "place",
                "dates", "observed", "sim mean", "sim 5-95 %", "rel err", "in"));
        for (ValidationRow r : rows) {
            Observation o = r.comparison().observation();
            String dates = o.start().equals(o.end()) ? o.end().toString().substring(5)
                    : o.start().toString().substring(5) + ".." + o.end().toString().substring(8);
            out.add(String.format(Locale.ROOT, "%-7s %-25s %-26s %-11s %11s %11s  %-23s %+7.2f %s", o.id(),
                    cut(o.metric(), 25), cut(o.place(), 26), dates, o.range() ? o.raw() : grouped(o.value()),
                    grouped(r.mean()), "[" + grouped(r.q05()) + ", " + grouped(r.q95()) + "]", r.relError(),
                    r.inside() ? "yes" : "no"));
        }
        out.add("");
        out.addAll(summary());
        return out;
    }

    /**
     * The table and the ARD table as Markdown, as docs/validation.md shows them ({@code exitvoice validate --markdown}),
     * so that the page can be refreshed whenever the model changes.
     */
    public List<String> markdown() {
        List<String> out = new ArrayList<>();
        out.add("| id | observation | place | dates | observed | model mean | model 5–95 % | rel. error | in band |");
        out.add("|---|---|---|---|---:|---:|---:|---:|:-:|");
        for (ValidationRow r : rows) {
            Observation o = r.comparison().observation();
            String dates = o.start().equals(o.end()) ? o.end().toString().substring(5)
                    : o.start().toString().substring(5) + " – " + o.end().toString().substring(5);
            out.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s–%s | %+.2f | %s |", o.id(), o.metric(),
                    o.place(), dates, o.range() ? o.raw() : grouped(o.value()), grouped(r.mean()), grouped(r.q05()),
                    grouped(r.q95()), r.relError(), r.inside() ? "yes" : "no"));
        }
        long inside = rows.stream().filter(ValidationRow::inside).count();
        out.add("");
        out.add("| | ARD | log accuracy | targets |");
        out.add("|---|---:|---:|---:|");
        for (TargetGroup g : TargetGroup.values()) {
            boolean bold = g != TargetGroup.DESTINATIONS; // the three the issue sets goals for
            String label = g.label().replaceFirst("^(all targets|in sample|out of sample)", "**$1**");
            out.add(String.format(Locale.ROOT, bold ? "| %s | **%.3f** | **%.3f** | %d |" : "| %s | %.3f | %.3f | %d |",
                    label, ard(g).value(), logAccuracy(g).value(), ard(g).n()));
        }
        out.add("| bands holding the observation | " + inside + " of " + rows.size() + " | | |");
        return out;
    }

    /**
     * The score lines: ARD and log accuracy over all targets, the destination split, in and out of sample, and how many
     * bands hold the observation.
     */
    public List<String> summary() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%-36s %6s  %-21s %s", "score over", "ARD", "log accuracy", "targets"));
        for (TargetGroup g : TargetGroup.values()) {
            Score log = logAccuracy(g);
            out.add(String.format(Locale.ROOT, "%-36s %6.3f  %-21s %d", g.label(), ard(g).value(), log.n() == 0 ? "n/a"
                    : String.format(Locale.ROOT, "%.3f (factor %.1f)", log.value(), Math.exp(log.value())), ard(g).n()));
        }
        out.add("log accuracy = mean |ln(sim/observed)|, both floored at 1 (person, hour, rouble, office); e^score ="
                + " the typical factor off");
        long inside = rows.stream().filter(ValidationRow::inside).count();
        out.add("inside the 5-95 % band " + inside + " of " + rows.size());
        return out;
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static String grouped(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return Math.abs(v) >= 100 || v == Math.rint(v)
                ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Plain decimal with at most {@code digits} decimals, no trailing zeros (stable, locale-free CSV). */
    static String number(double v, int digits) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return BigDecimal.valueOf(v).setScale(digits, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
