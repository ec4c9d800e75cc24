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

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The model against every target: one row each, and the averaged relative difference (ARD) over groups of them. */
public final class ValidationTable {

    /** The columns of validation.csv. */
    public static final List<String> COLUMNS = List.of("id", "metric", "place", "date_start", "date_end", "observed",
            "sim_mean", "sim_q05", "sim_q95", "rel_error", "inside");

    /** An ARD and how many targets it averages over. */
    public record Score(double ard, int n) {
        @Override
        public String toString() {
            return n == 0 ? "n/a (no targets)" : String.format(Locale.ROOT, "%.3f over %d target%s", ard, n, n == 1 ? "" : "s");
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
        double sum = 0;
        int n = 0;
        for (ValidationRow r : rows) {
            if (which.test(r)) {
                sum += r.absRelError();
                n++;
            }
        }
        return new Score(n == 0 ? Double.NaN : sum / n, n);
    }

    /** Mean log error over the chosen targets (see {@link ValidationRow#logError()}). */
    public Score logError(Predicate<ValidationRow> which) {
        double sum = 0;
        int n = 0;
        for (ValidationRow r : rows) {
            if (which.test(r)) {
                sum += r.logError();
                n++;
            }
        }
        return new Score(n == 0 ? Double.NaN : sum / n, n);
    }

    /** ARD over every row. */
    public Score all() {
        return ard(r -> true);
    }

    /** ARD over the split of emigrants by destination (crossing counts). */
    public Score destinations() {
        return ard(r -> r.comparison().destination());
    }

    /** ARD over targets ending by 25 Sep 2022 (what a fit may use). */
    public Score inSample() {
        return ard(r -> r.comparison().inSample());
    }

    /** ARD over targets ending after 25 Sep 2022 (held out of fits). */
    public Score outOfSample() {
        return ard(r -> !r.comparison().inSample());
    }

    /** Writes validation.csv. */
    public void writeCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            p.printRecord(COLUMNS);
            for (ValidationRow r : rows) {
                Observation o = r.comparison().observation();
                p.printRecord(o.id(), o.metric(), o.place(), o.start(), o.end(), number(o.value(), 2),
                        number(r.mean(), 2), number(r.q05(), 2), number(r.q95(), 2), number(r.relError(), 4), r.inside());
            }
        }
    }

    /** The table as console lines, then the ARD lines. */
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
        out.add("| | ARD | targets |");
        out.add("|---|---:|---:|");
        out.add(String.format(Locale.ROOT, "| all targets | **%.3f** | %d |", all().ard(), all().n()));
        out.add(String.format(Locale.ROOT, "| destination split (crossing counts) | %.3f | %d |", destinations().ard(), destinations().n()));
        out.add(String.format(Locale.ROOT, "| **in sample** (ending by %s) | **%.3f** | %d |", Target.IN_SAMPLE_END,
                inSample().ard(), inSample().n()));
        out.add(String.format(Locale.ROOT, "| **out of sample** (ending later) | **%.3f** | %d |", outOfSample().ard(),
                outOfSample().n()));
        out.add("| bands holding the observation | " + inside + " of " + rows.size() + " | |");
        return out;
    }

    /** The ARD lines: all targets, the destination split, in and out of sample, and how many bands hold the observation. */
    public List<String> summary() {
        long inside = rows.stream().filter(ValidationRow::inside).count();
        return List.of(
                "ARD all targets        " + all(),
                "ARD destination split  " + destinations(),
                "ARD in sample          " + inSample() + " (ending by " + Target.IN_SAMPLE_END + ")",
                "ARD out of sample      " + outOfSample(),
                "inside the 5-95 % band " + inside + " of " + rows.size());
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
