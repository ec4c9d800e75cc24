package org.exitvoice.experiment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario key an experiment varies: either a list of values, or a range {@code {min, max}} (with {@code steps}
 * for a factorial design). Whole-number keys (e.g. {@code draft.maxAge}) take rounded values.
 *
 * @param key      the scenario key path, as given to {@code --set}
 * @param levels   the listed values, or null for a range
 * @param min      lower end of a range
 * @param max      upper end of a range
 * @param steps    values of a range in a factorial design (0 when not given)
 * @param integral whether the key holds a whole number
 */
public record Factor(String key, List<Level> levels, double min, double max, int steps, boolean integral)
        implements java.io.Serializable {

    // 12 significant digits: 0.1 x 3 is written 0.3, not 0.30000000000000004, and every value reads back exactly
    private static final MathContext DIGITS = new MathContext(12);

    public Factor {
        levels = levels == null ? null : List.copyOf(levels);
    }

    /** A factor taking the listed values. */
    public static Factor list(String key, List<Level> levels) {
        return new Factor(key, levels, Double.NaN, Double.NaN, 0, false);
    }

    /** A factor over {@code [min, max]}, with {@code steps} values in a factorial design (0: none given). */
    public static Factor range(String key, double min, double max, int steps, boolean integral) {
        return new Factor(key, null, min, max, steps, integral);
    }

    /** Whether the factor is a range rather than a list. */
    public boolean isRange() {
        return levels == null;
    }

    /** The values of a factorial design: the list, or {@code steps} evenly spaced values from min to max. */
    public List<Level> grid() {
        if (levels != null) {
            return levels;
        }
        List<Level> out = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            // the ends exactly, not min + (steps - 1) x width with its rounding
            double v = i == steps - 1 ? max : min + (max - min) * i / (steps - 1);
            Level l = number(v);
            if (out.isEmpty() || !out.get(out.size() - 1).equals(l)) { // rounding a whole-number range may repeat values
                out.add(l);
            }
        }
        return out;
    }

    /** The value at {@code u} in [0, 1) of the factor's range or list (for sampled designs). */
    public Level at(double u) {
        if (levels != null) {
            return levels.get(Math.min(levels.size() - 1, (int) Math.floor(u * levels.size())));
        }
        if (integral) {
            // each whole number gets an equal share of [0, 1): min .. max inclusive
            long span = (long) max - (long) min + 1;
            return number((long) min + Math.min(span - 1, (long) Math.floor(u * span)));
        }
        return number(min + u * (max - min));
    }

    /** {@code key=text}, as {@code --set} takes it. */
    public String set(Level level) {
        return key + "=" + level.text();
    }

    private Level number(double v) {
        String text = integral ? Long.toString(Math.round(v))
                : new BigDecimal(v).round(DIGITS).stripTrailingZeros().toPlainString();
        return Level.of(text);
    }
}
