package org.exitvoice.gui;

import java.awt.Color;

/**
 * The map's sequential colour ramp: pale yellow for none through orange to dark red for the most, so a darker tile
 * always means more (ColorBrewer's YlOrRd, 9 classes, interpolated; legible in greyscale and for the common
 * colour-vision deficiencies). The top of the scale is a "nice" round number.
 */
public final class ColourScale {
    private static final Color[] STOPS = {
            new Color(0xFFFFCC), new Color(0xFFEDA0), new Color(0xFED976), new Color(0xFEB24C), new Color(0xFD8D3C),
            new Color(0xFC4E2A), new Color(0xE31A1C), new Color(0xBD0026), new Color(0x800026)};

    /** Tiles with nothing to show yet (before the first day). */
    public static final Color NO_DATA = new Color(0xD9D9D9);

    private final double max;

    /** A scale from 0 to {@code max} (values above max take the darkest colour). */
    public ColourScale(double max) {
        this.max = max > 0 && Double.isFinite(max) ? max : 1;
    }

    /** The top of the scale. */
    public double max() {
        return max;
    }

    /** The colour of a value: NaN has {@link #NO_DATA}; values are clamped into [0, max]. */
    public Color colour(double value) {
        if (Double.isNaN(value)) {
            return NO_DATA;
        }
        double t = Math.max(0, Math.min(1, value / max)) * (STOPS.length - 1);
        int k = Math.min((int) t, STOPS.length - 2);
        double f = t - k;
        Color a = STOPS[k];
        Color b = STOPS[k + 1];
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f), mix(a.getBlue(), b.getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    /** Relative luminance (sRGB, Rec. 709 weights), for the monotonicity test and for legible labels. */
    public static double luminance(Color c) {
        return (0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue()));
    }

    private static double linear(int channel) {
        double s = channel / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    /** Black or white, whichever reads better on the given fill. */
    public static Color ink(Color fill) {
        return luminance(fill) > 0.3 ? new Color(0x222222) : Color.WHITE;
    }

    /**
     * The smallest of 1, 2, 2.5, 5 x 10^k that is at least {@code value} (and at least {@code floor}), so that
     * legend ticks are round numbers.
     */
    public static double niceCeiling(double value, double floor) {
        double v = Math.max(value, floor);
        if (!(v > 0) || !Double.isFinite(v)) {
            return floor > 0 ? floor : 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            // a little slack: 2.5000000000001 (float noise) stays 2.5 rather than jumping to 5
            if (step * power >= v * (1 - 1e-9)) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
