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
    void everyLongCommandsLinesNameItsTaskItsUnitAndTheLatestNote() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SweepProgress p = SweepProgress.lines(new PrintStream(bytes, true, StandardCharsets.UTF_8), "calibrate",
                "evaluations")) {
            p.start(2, 0);
            p.note("best 0.5000");
            p.step();
            p.note("best 0.2500");
            p.step();
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("calibrate: 50% (1/2 evaluations), ") && lines[0].endsWith(" left, best 0.5000"), lines[0]);
        assertTrue(lines[1].startsWith("calibrate: 100% (2/2 evaluations), ") && lines[1].endsWith(", best 0.2500"), lines[1]);
    }

    @Test
    void onlyATerminalDeviceGetsTheBar() {
        assertTrue(SweepProgress.isTerminalDevice("/dev/pts/3"));
        assertTrue(SweepProgress.isTerminalDevice("/dev/tty1"));
        assertFalse(SweepProgress.isTerminalDevice("/tmp/validate.log"), "2> a file");
        assertFalse(SweepProgress.isTerminalDevice("pipe:[48213]"), "2>&1 | tee");
        assertFalse(SweepProgress.isTerminalDevice("/dev/null"));
    }

    @Test
    void quietPrintsNothing() {
        try (SweepProgress p = SweepProgress.none()) {
            p.start(10, 0);
            p.step();
        }
    }
}
