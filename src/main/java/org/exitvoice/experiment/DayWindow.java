package org.exitvoice.experiment;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exitvoice.model.DayReport;
import org.exitvoice.scenario.ScenarioException;

/**
 * The days a metric reads, both ends included: by date ({@code 2022-09-21..2022-09-28}) or by days from the scenario's
 * day 0, its start date ({@code day3..day9}, {@code day3..} to the last day, {@code ..day9} from day 0, {@code day3}
 * alone). Days are matched when the run is read, so a window by date follows a start date that a factor moves.
 *
 * @param text the window as written after {@code @}
 * @param from the first day, or null for the run's first
 * @param to   the last day, or null for the run's last
 */
public record DayWindow(String text, Bound from, Bound to) implements java.io.Serializable {

    /** One end of a window: a date, or a number of days after day 0. */
    public record Bound(LocalDate date, int day) implements java.io.Serializable {
        /** Day {@code d} of a run starting on {@code start}. */
        long dayOf(LocalDate start) {
            return date == null ? day : ChronoUnit.DAYS.between(start, date);
        }

        boolean beforeOrOn(DayReport d) {
            return date == null ? day <= d.day() : !date.isAfter(d.date());
        }

        boolean onOrAfter(DayReport d) {
            return date == null ? day >= d.day() : !date.isBefore(d.date());
        }
    }

    private static final String FORMS = "write @DATE..DATE, @dayN..dayM, @dayN.. (to the last day), @..dayM or @dayN"
            + " (dates as 2022-09-21, day 0 the start date)";
    private static final Pattern BOUND = Pattern.compile("day(\\d{1,5})|(\\d{4}-\\d{2}-\\d{2})");

    /** Reads a window as written after {@code @}; the exception's location is left to the caller. */
    public static DayWindow parse(String text) throws ScenarioException {
        String t = text.strip();
        int dots = t.indexOf("..");
        Bound from, to;
        if (dots < 0) {
            from = bound(t, t, false);
            to = from;
        } else {
            from = bound(t.substring(0, dots), t, true);
            to = bound(t.substring(dots + 2), t, true);
            if (from == null && to == null) {
                throw new ScenarioException(null, "the window '" + t + "' names no day; " + FORMS);
            }
        }
        if (from != null && to != null && from.date() != null == (to.date() != null)) {
            boolean reversed = from.date() != null ? from.date().isAfter(to.date()) : from.day() > to.day();
            if (reversed) {
                throw new ScenarioException(null, "the window '" + t + "' ends before it begins");
            }
        }
        return new DayWindow(t, from, to);
    }

    private static Bound bound(String s, String window, boolean mayBeOpen) throws ScenarioException {
        if (s.isEmpty() && mayBeOpen) {
            return null;
        }
        Matcher m = BOUND.matcher(s);
        if (!m.matches()) {
            throw new ScenarioException(null, "not a window '" + window + "'; " + FORMS
                    + (s.contains("-") && !s.matches("[\\d-]+") ? "; put spaces around - after a window" : ""));
        }
        if (m.group(1) != null) {
            return new Bound(null, Integer.parseInt(m.group(1)));
        }
        try {
            return new Bound(LocalDate.parse(m.group(2)), 0);
        } catch (DateTimeParseException e) {
            throw new ScenarioException(null, "the day " + m.group(2) + " does not exist");
        }
    }

    /** Whether the window holds the day of {@code d}. */
    public boolean holds(DayReport d) {
        return (from == null || from.beforeOrOn(d)) && (to == null || to.onOrAfter(d));
    }

    /** Refuses a window without a day of a run from {@code start} over {@code days} days (its caller knows the run). */
    public void check(LocalDate start, int days) throws ScenarioException {
        long first = from == null ? 0 : from.dayOf(start);
        long last = to == null ? days - 1L : to.dayOf(start);
        if (last < 0 || first > days - 1L) {
            try {
                throw new ScenarioException(null, "the window '" + text + "' has no day of the run (" + start + " to "
                        + start.plusDays(days - 1L) + ", day0 to day" + (days - 1) + ")");
            } catch (DateTimeException e) {
                throw new ScenarioException(null, "the window '" + text + "' has no day of the run");
            }
        }
    }

    /** The window in a plain name: {@code day3_to_day9}, {@code from_day3}, {@code to_2022_09_28}, {@code day3}. */
    public String plainName() {
        String a = from == null ? null : name(from), b = to == null ? null : name(to);
        if (a == null) {
            return "to_" + b;
        }
        if (b == null) {
            return "from_" + a;
        }
        return a.equals(b) ? a : a + "_to_" + b;
    }

    private static String name(Bound b) {
        return b.date() == null ? "day" + b.day() : b.date().toString().replace('-', '_');
    }
}
