package org.exitvoice.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.exitvoice.gui.GuiSession;
import org.exitvoice.scenario.Scenario;
import org.exitvoice.scenario.ScenarioException;
import org.exitvoice.scenario.ScenarioInput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code exitvoice gui}: the model in MASON's Console (map, live charts, levers), or an unattended snapshot of it. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"Open the model in MASON's Console: a map of the regions, live charts and levers that act mid-run.",
                "Needs a display; on a server: xvfb-run -a ./exitvoice gui ..."})
public class GuiCommand implements Callable<Integer> {
    /** What is printed, alone, when there is no display to open windows on. */
    static final String NO_DISPLAY = "exitvoice: gui needs a display; on a server run: xvfb-run -a ./exitvoice gui ...";

    @Mixin
    ScenarioOptions options;

    // accepted so that a run's command line works here unchanged (docs/gui.md), but not offered: the GUI writes no folder
    @Option(names = "--out", paramLabel = "DIR", hidden = true)
    Path ignoredOut;

    @Option(names = "--snapshot", paramLabel = "FILE.png",
            description = "Run the scenario's days (see --days) without a person, save a PNG of the screen, and exit.")
    Path snapshot;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws ScenarioException, InterruptedException, java.io.IOException {
        // never java.awt.headless here: the point is to reach the display
        if (!GuiSession.displayAvailable()) {
            spec.commandLine().getErr().println(NO_DISPLAY);
            spec.commandLine().getErr().flush();
            return spec.exitCodeOnInvalidInput();
        }
        ScenarioInput input = options.load();
        ExitVoice.warn(input.warnings(), ExitVoice.printStream(spec.commandLine().getErr()));
        GuiSession session = GuiSession.open(input, options.threads());
        if (snapshot == null) {
            session.awaitClose(); // closing the Console ends the program (MASON exits when its last Console closes)
            return 0;
        }
        Scenario s = input.scenario();
        // a run of a few hundred days at scale 1 takes long; the bound only catches a hung GUI
        double seconds = session.runToEnd(Math.max(600, s.days() * 60.0));
        session.screenshot(snapshot);
        spec.commandLine().getErr().printf(Locale.ROOT, "exitvoice: gui ran %d days (scale %d) in %.1f s; snapshot %s%n",
                s.days(), s.scale(), seconds, snapshot);
        spec.commandLine().getErr().flush();
        return 0;
    }
}
