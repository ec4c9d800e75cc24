package org.exitvoice.scenario;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Why a date as written in a scenario, experiment, calibration or data file ({@code 2022-09-21}) names no day. */
public final class Dates {
    private static final Pattern SHAPE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private Dates() {
    }

    /**
     * For text written like a date that names no day, what is wrong: {@code there is no 30 February 2022}, {@code there
     * is no month 13}; null for a real date and for text not written like a date at all (the caller's "expected a
     * date like 2022-09-21" fits those better).
     */
    public static String nonexistent(String text) {
        Matcher m = SHAPE.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1)), month = Integer.parseInt(m.group(2)), day = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12) {
            return "there is no month " + month;
        }
        if (day < 1) {
            return "there is no day 0";
        }
        Month name = Month.of(month);
        if (day <= name.length(Year.isLeap(year))) {
            return null; // a real date
        }
        String leap = month == 2 && day == 29 ? " (" + year + " is not a leap year)" : "";
        return "there is no " + day + " " + name.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year + leap;
    }

    /** Whether {@code text} is a date as the files write it. */
    static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
