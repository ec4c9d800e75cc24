package org.exitvoice.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code exitvoice bench}: its table and the closing line that scripts read, on a tiny population. */
class BenchCommandTest {

    private static String[] execute(int expectedExit, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = ExitVoice.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(expectedExit, cl.execute(args), err.toString());
        return new String[]{out.toString(), err.toString()};
    }

    @Test
    void printsTheThreeImplementationsAndTheClosingLine() {
        String out = execute(0, "bench", "--scale", "5000", "--days", "3", "--repeat", "2", "--quiet")[0];
        assertTrue(out.contains("exitvoice engine") && out.contains("object per agent") && out.contains("bare loop"), out);
        String[] lines = out.strip().split("\\R");
        String last = lines[lines.length - 1];
        assertTrue(last.matches("bench: person_days_per_s=\\d\\.\\de[+-]\\d+ speedup_vs_objects=\\d+\\.\\d "
                + "vs_bare=\\d+\\.\\d bytes_per_person=\\d+\\.\\d"), last);
    }

    @Test
    void offersNoOutOptionSinceItWritesNoFolder() {
        String help = execute(0, "bench", "--help")[0];
        assertFalse(help.contains("--out"), help);
        String refused = execute(2, "bench", "--out", "somewhere")[1];
        assertTrue(refused.startsWith("exitvoice: unknown option '--out'"), refused);
    }

    @Test
    void refusesFewerThanOneRepetitionInOneLine() {
        String err = execute(2, "bench", "--repeat", "0")[1];
        assertEquals("exitvoice: --repeat: must be at least 1, got 0", err.strip());
    }
}
