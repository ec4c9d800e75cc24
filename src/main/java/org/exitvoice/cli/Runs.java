package org.exitvoice.cli;

import org.exitvoice.model.DayReport;
import org.exitvoice.model.RunResult;
import org.exitvoice.model.Simulation;
import org.exitvoice.model.Tally;
import org.exitvoice.output.FolderKind;
import org.exitvoice.output.RunFolder;
import org.exitvoice.output.RunOutputs;
import org.exitvoice.output.RunWriter;
import org.exitvoice.output.Summary;
import org.exitvoice.scenario.DataFiles;
import org.exitvoice.scenario.Scenario;
import org.exitvoice.scenario.ScenarioException;
import org.exitvoice.scenario.ScenarioInput;
import org.exitvoice.scenario.ScenarioLoader;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/** One headless run from the command line: progress every 10 simulated days, the closing summary, the output folder. */
final class Runs {
    private Runs() {
    }

    static void run(ScenarioInput input, ScenarioOptions options, Path outDir, PrintStream out, PrintStream err)
            throws ScenarioException {
        // charts are drawn off-screen: never try to reach a display from a headless command
        System.setProperty("java.awt.headless", "true");
        Scenario s = input.scenario();
        RunFolder.requireReplaceable(outDir, FolderKind.RUN); // a folder the run may not replace costs no simulation
        int threads = options.threads();
        ExitVoice.warn(input.warnings(), err);
        if (!options.quiet()) {
            err.printf(Locale.ROOT, "exitvoice: %s, %d days from %s, seed %d, scale %d, %d thread%s%n",
                    input.file(), s.days(), s.start(), s.seed(), s.scale(), threads, threads == 1 ? "" : "s");
        }
        RunResult result = Simulation.run(s, input.regions(), input.routes(), threads, day -> {
            if (!options.quiet() && ((day.day() + 1) % 10 == 0 || day.day() + 1 == s.days())) {
                err.println(progressLine(day, s.days()));
            }
        });
        Summary summary = Summary.of(result, s.draft().target());
        try {
            RunWriter.write(outDir, new RunOutputs(input.file(), options.sets(), s, ScenarioLoader.toYaml(portable(s, outDir)),
                    input.routes(), result, threads, null, input.warnings()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + outDir + ": " + e.getMessage(), e);
        }
        summary.lines().forEach(out::println);
        out.println("outputs       " + outDir + "/ (open report.html)");
    }

    /**
     * The scenario as written into the output folder: its tables named relative to that folder, so that
     * {@code exitvoice run OUT/scenario.yaml} reruns it on any machine and the params hash does not depend on where
     * the project was cloned.
     */
    static Scenario portable(Scenario s, Path outDir) {
        Path base = outDir.toAbsolutePath().normalize();
        return s.withData(new DataFiles(relative(base, s.data().regions()), relative(base, s.data().routes())));
    }

    private static String relative(Path base, String file) {
        return base.relativize(Path.of(file).toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /**
     * e.g. {@code day 9 (2022-09-30), 10 of 60 done  emigrated 133,200 men  mobilized 125,100  hiding 173,800  protesters
     * 30,200}: days are numbered as in national.csv (day 0 is the start date), and the count done says how far the run is.
     */
    static String progressLine(DayReport day, int days) {
        Tally t = day.national();
        return String.format(Locale.ROOT, "day %d (%s), %d of %d done  emigrated %,d men  mobilized %,d  hiding %,d  protesters %,d",
                day.day(), day.date(), day.day() + 1, days, t.emigrated(), t.mobilized(), t.hiding(), t.protesters());
    }
}
