package org.exitvoice.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The map's title counts days as national.csv does: day 0 is the start date (no display needed). */
class MapLegendTest {
    @Test
    void theTenthDayOfARunIsDay9AsInNationalCsv() {
        assertEquals("Fri 30 Sep 2022  \u00b7  day 9  \u00b7  10 of 10 days", MapLegend.dayTitle(LocalDate.of(2022, 9, 30), 9, 10));
        assertEquals("Wed 21 Sep 2022  \u00b7  day 0  \u00b7  1 of 60 days", MapLegend.dayTitle(LocalDate.of(2022, 9, 21), 0, 60));
    }
}
