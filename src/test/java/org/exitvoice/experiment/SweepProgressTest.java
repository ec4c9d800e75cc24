package org.exitvoice.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Without a terminal, progress is a plain line every few percent: no carriage returns in logs. */
class SweepProgressTest {

    @Test
    void plainLinesEveryFivePercentWithoutCarriageReturns() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SweepProgress p = SweepProgress.lines(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            p.start(400, 100); // resumed: a quarter done before
            for (int i = 0; i < 300; i++) {
                p.step();
            }
        }
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("\r"), log);
        String[] lines = log.split("\n");
        assertEquals(15, lines.length, "30, 35, ..., 100 %: " + log);
        assertTrue(lines[lines.length - 1].startsWith("sweep: 100% (400/400 runs)"), lines[lines.length - 1]);
    }

    @Test
    void quietPrintsNothing() {
        try (SweepProgress p = SweepProgress.none()) {
            p.start(10, 0);
            p.step();
        }
    }
}
