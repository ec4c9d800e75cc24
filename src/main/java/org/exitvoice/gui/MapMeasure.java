package org.exitvoice.gui;

import java.util.Locale;

import org.exitvoice.model.RegionDay;
import org.exitvoice.model.Tally;
import org.exitvoice.scenario.RegionData;

/** What the map's colours show: one number per region and day. */
public enum MapMeasure {
    EMIGRATED_SHARE("Emigrated", "% of men 18-59", 0.1) {
        @Override
        double value(DayView day, int r, RegionData data) {
            return percentOfMen(day.region(r), day.region(r).tally().emigrated());
        }
    },
    MOBILIZED_SHARE("Mobilized", "% of men 18-59", 0.1) {
        @Override
        double value(DayView day, int r, RegionData data) {
            return percentOfMen(day.region(r), day.region(r).tally().mobilized());
        }
    },
    HIDING_SHARE("Hiding", "% of men 18-59", 0.1) {
        @Override
        double value(DayView day, int r, RegionData data) {
            return percentOfMen(day.region(r), day.region(r).tally().hiding());
        }
    },
    PROTESTERS_PER_100K("Protesters today", "per 100k inhabitants", 1) {
        @Override
        double value(DayView day, int r, RegionData data) {
            Tally t = day.region(r).tally();
            // inhabitants (census), not modelled men: the usual way protest rates are compared between regions
            return data.population() == 0 ? 0 : t.protesters() * 1e5 / data.population();
        }
    },
    INCIDENTS("Violent incidents", "since the decree", 1) {
        @Override
        double value(DayView day, int r, RegionData data) {
            return day.incidentsSoFar()[r];
        }
    };

    private final String label;
    private final String unit;
    private final double smallestMax;

    MapMeasure(String label, String unit, double smallestMax) {
        this.label = label;
        this.unit = unit;
        this.smallestMax = smallestMax;
    }

    /** Region r's value on the given day (region order as in the region table). */
    abstract double value(DayView day, int r, RegionData data);

    /** e.g. "Emigrated". */
    public String label() {
        return label;
    }

    /** e.g. "% of men 18-59". */
    public String unit() {
        return unit;
    }

    /** The top of the colour scale never goes below this, so a quiet first day is not painted dark red. */
    double smallestMax() {
        return smallestMax;
    }

    /** A value as the legend and the inspectors print it. */
    String format(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (unit.startsWith("%")) {
            return v >= 10 ? String.format(Locale.ROOT, "%.0f%%", v)
                    : v >= 1 ? String.format(Locale.ROOT, "%.1f%%", v) : String.format(Locale.ROOT, "%.2f%%", v);
        }
        return v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    @Override
    public String toString() {
        return label + " (" + unit + ")";
    }

    private static double percentOfMen(RegionDay d, long persons) {
        return d.population() == 0 ? 0 : 100.0 * persons / d.population();
    }
}
