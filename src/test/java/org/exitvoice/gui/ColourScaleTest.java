package org.exitvoice.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;

import org.junit.jupiter.api.Test;

/** The map's colour scale: a darker tile always means more (no display needed). */
class ColourScaleTest {
    @Test
    void aLargerValueIsNeverLighter() {
        ColourScale scale = new ColourScale(2.5);
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= 250; i++) {
            double l = ColourScale.luminance(scale.colour(2.5 * i / 250));
            assertTrue(l < previous, "luminance rises at " + 2.5 * i / 250);
            previous = l;
        }
    }

    @Test
    void valuesOutsideTheScaleTakeItsEndsAndMissingValuesAreGrey() {
        ColourScale scale = new ColourScale(10);
        assertEquals(scale.colour(10), scale.colour(1e9));
        assertEquals(scale.colour(0), scale.colour(-3));
        assertEquals(ColourScale.NO_DATA, scale.colour(Double.NaN));
        assertEquals(new Color(0xFFFFCC), scale.colour(0));
        assertEquals(new Color(0x800026), scale.colour(10));
    }

    @Test
    void theTopOfTheScaleIsARoundNumber() {
        assertEquals(0.5, ColourScale.niceCeiling(0.3, 0.1), 1e-12);
        assertEquals(2.5, ColourScale.niceCeiling(2.5 * (1 + 1e-12), 0.1), 1e-12); // float noise is not a step up
        assertEquals(2.5, ColourScale.niceCeiling(2.3, 0.1), 1e-12);
        assertEquals(10, ColourScale.niceCeiling(7, 0.1), 1e-12);
        assertEquals(1, ColourScale.niceCeiling(0, 1), 1e-12);
        assertEquals(200, ColourScale.niceCeiling(200, 1), 1e-12);
    }

    @Test
    void labelsAreLegibleOnEveryFill() {
        ColourScale scale = new ColourScale(1);
        assertEquals(new Color(0x222222), ColourScale.ink(scale.colour(0)));
        assertEquals(Color.WHITE, ColourScale.ink(scale.colour(1)));
    }
}
