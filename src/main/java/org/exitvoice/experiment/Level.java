package org.exitvoice.experiment;

/**
 * One value a factor takes: its text, exactly as given to the scenario ({@code --set key=text}) and written into
 * runs.csv, and its number for summaries and charts (NaN for a date or {@code null}).
 */
public record Level(String text, double number) implements java.io.Serializable {

    /** A level from its text; numeric when the text reads as a number. */
    public static Level of(String text) {
        double n;
        try {
            n = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            n = Double.NaN;
        }
        return new Level(text, n);
    }

    /** Whether the level is a number (a date or {@code null} is not). */
    public boolean numeric() {
        return !Double.isNaN(number);
    }
}
