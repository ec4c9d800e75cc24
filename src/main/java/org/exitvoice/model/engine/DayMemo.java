package org.exitvoice.model.engine;

import java.util.function.DoubleFunction;

/**
 * Today's answers of a function of one number, kept until the day changes: a region's communities share a few
 * legitimacies (those the draft has touched differ by a whole number of summons or misdrafts), so Epstein's reach is
 * worked out once per value rather than once per community. Open addressing over a fixed table; when it is full, the
 * answer is simply not kept. One instance per region; not shared across threads.
 */
public final class DayMemo<V> {
    private static final int SIZE = 1 << 10;

    private final double[] keys = new double[SIZE];
    private final int[] stamps = new int[SIZE];
    private final Object[] values = new Object[SIZE];
    private final DoubleFunction<V> function;
    private int today = 1;

    public DayMemo(DoubleFunction<V> function) {
        this.function = function;
    }

    /** Forget every answer (a new day, or the function's other inputs changed). */
    public void newDay() {
        today++;
    }

    /** The function's answer for {@code key}, from the table when it was asked today. */
    @SuppressWarnings("unchecked")
    public V get(double key) {
        int h = Long.hashCode(Double.doubleToLongBits(key) * 0x9E3779B97F4A7C15L) & (SIZE - 1);
        for (int probe = 0; probe < 8; probe++) {
            int slot = (h + probe) & (SIZE - 1);
            if (stamps[slot] != today) {
                V v = function.apply(key);
                stamps[slot] = today;
                keys[slot] = key;
                values[slot] = v;
                return v;
            }
            if (keys[slot] == key) {
                return (V) values[slot];
            }
        }
        return function.apply(key);
    }
}
