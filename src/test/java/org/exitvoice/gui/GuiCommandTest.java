package org.exitvoice.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.exitvoice.cli.ExitVoice;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** {@code exitvoice gui} without a display: one line that says how to get one, exit code 2. */
class GuiCommandTest {
    @Test
    void withoutADisplayGuiSaysHowToRunItUnderXvfb() {
        assumeFalse(GuiSession.displayAvailable(), "a display is available: the GUI would open");
        CommandLine cl = ExitVoice.commandLine();
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(out));
        int code = cl.execute("gui", "--snapshot", "never-written.png");
        assertEquals(2, code);
        assertEquals("exitvoice: gui needs a display; on a server run: xvfb-run -a ./exitvoice gui ...\n",
                err.toString().replace("\r\n", "\n"));
        assertEquals("", out.toString());
    }
}
