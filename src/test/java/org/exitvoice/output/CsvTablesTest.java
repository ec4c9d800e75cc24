package org.exitvoice.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class CsvTablesTest {

    @Test
    void decimalsAreFixedAndLocaleFree() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY); // decimal comma
            assertEquals("1.50", CsvTables.fixed(1.5, 2));
            assertEquals("12345.679", CsvTables.fixed(12345.6789, 3), "no grouping");
        } finally {
            Locale.setDefault(before);
        }
        assertEquals("", CsvTables.fixed(Double.NaN, 2), "capacity 0: empty cell");
        assertEquals("", CsvTables.fixed(Double.POSITIVE_INFINITY, 2));
        assertEquals("0.00", CsvTables.fixed(-0.001, 2), "no negative zero");
        assertEquals("-0.01", CsvTables.fixed(-0.01, 2));
        assertEquals("1.000", CsvTables.fixed(1, 3));
    }
}
