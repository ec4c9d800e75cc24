package org.exitvoice.model.engine;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * Today's answers of a function of a small whole number, kept in a table until the day changes: a region's communities
 * share a few counts of men summoned, misdrafted and gone, so a bound worked out from them is worked out once per
 * count rather than once per community. One instance per region; not shared across threads.
 */
public final class DayTable {
    private final double[] values;
    private final IntToDoubleFunction function;

    /** A table for keys 0 to {@code keys - 1}. */
    public DayTable(int keys, IntToDoubleFunction function) {
        this.values = new double[keys];
        this.function = function;
        newDay();
    }

    /** Forget every answer (a new day, or the function's other inputs changed). */
    public void newDay() {
        Arrays.fill(values, Double.NaN);
    }

    /** The function's answer for {@code key}, from the table when it was asked today (a NaN answer is asked again). */
    public double get(int key) {
        double v = values[key];
        if (Double.isNaN(v)) {
            v = values[key] = function.applyAsDouble(key);
        }
        return v;
    }
}
