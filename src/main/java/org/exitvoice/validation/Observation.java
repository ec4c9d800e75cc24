package org.exitvoice.validation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One row of the observed-data file: what was observed, where and over which dates, its value, and how it is used
 * against the model.
 *
 * @param id       stable id ({@code obs-001}); never reused or renumbered
 * @param metric   what was counted ({@code entries_from_russia}, {@code protest_detentions}, ...)
 * @param place    where, as the source names it ({@code Georgia}, {@code Upper Lars (RU-GE)}, {@code Moscow})
 * @param start    first date the value covers
 * @param end      last date the value covers (inclusive)
 * @param raw      the value as written ({@code 78742}, {@code 5000-6000}, {@code sold out})
 * @param value    the number, or the midpoint of a range; NaN when the value is not a number
 * @param low      lower end of a range (= value for a single number)
 * @param high     upper end of a range (= value for a single number)
 * @param unit     unit as written ({@code persons}, {@code persons/day}, {@code hours})
 * @param kind     {@code count}, {@code rate}, {@code duration}, {@code price} or {@code event}
 * @param use      target, baseline or context
 * @param note     why the row is used so (required for context rows)
 * @param line     line in the file, for error messages
 */
public record Observation(String id, String metric, String place, LocalDate start, LocalDate end, String raw,
                          double value, double low, double high, String unit, String kind, Use use, String note,
                          long line) {

    /** How a row is used: compared with the model, used to compare like with like, or kept for context only. */
    public enum Use {
        TARGET, BASELINE, CONTEXT;

        /** The word used in the file. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether the value is a number or a range. */
    public boolean numeric() {
        return !Double.isNaN(value);
    }

    /** Whether the value is an interval ({@code 5000-6000}) rather than one number. */
    public boolean range() {
        return low != high;
    }

    /** Days the value covers, both ends included. */
    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** Whether the value is a per-day rate (persons a day) rather than a total over the dates. */
    public boolean perDay() {
        return "rate".equals(kind) || unit.endsWith("/day");
    }

    /**
     * Parses a value: a number ({@code 78742}, {@code 20.8}) or a range ({@code 5000-6000}); anything else
     * ({@code >250000}, {@code 22000->70000}, {@code sold out}) gives null.
     *
     * @return {low, high}, equal for a single number
     */
    public static double[] parse(String raw) {
        String s = raw.strip();
        String number = "\\d+(?:\\.\\d+)?";
        if (s.matches(number)) {
            double v = Double.parseDouble(s);
            return new double[] {v, v};
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(" + number + ")\\s*-\\s*(" + number + ")").matcher(s);
        if (m.matches()) {
            double a = Double.parseDouble(m.group(1)), b = Double.parseDouble(m.group(2));
            return a <= b ? new double[] {a, b} : null;
        }
        return null;
    }
}
