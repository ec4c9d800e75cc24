package org.exitvoice.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A date written like one that names no day says which day is missing, not "expected a date". */
class DatesTest {
    @Test
    void aDayPastTheEndOfItsMonthIsNamed() {
        assertEquals("there is no 30 February 2022", Dates.nonexistent("2022-02-30"));
        assertEquals("there is no 31 September 2022", Dates.nonexistent("2022-09-31"));
        assertEquals("there is no 29 February 2023 (2023 is not a leap year)", Dates.nonexistent("2023-02-29"));
        assertEquals("there is no month 13", Dates.nonexistent("2022-13-01"));
        assertEquals("there is no day 0", Dates.nonexistent("2022-09-00"));
    }

    @Test
    void realDatesAndTextThatIsNoDateAtAllAreNotItsBusiness() {
        assertNull(Dates.nonexistent("2024-02-29"), "a leap day");
        assertNull(Dates.nonexistent("2022-09-21"));
        assertNull(Dates.nonexistent("21 Sep 2022"), "not written like a date: the caller's own message");
        assertNull(Dates.nonexistent("2022-9-21"));
    }
}
