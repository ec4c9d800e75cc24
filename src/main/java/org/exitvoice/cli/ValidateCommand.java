package org.exitvoice.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.exitvoice.experiment.SweepProgress;
import org.exitvoice.output.FolderKind;
import org.exitvoice.output.RunFolder;
import org.exitvoice.scenario.ProjectHome;
import org.exitvoice.scenario.Scenario;
import org.exitvoice.scenario.ScenarioException;
import org.exitvoice.scenario.ScenarioInput;
import org.exitvoice.scenario.ScenarioLoader;
import org.exitvoice.validation.Target;
import org.exitvoice.validation.Targets;
import org.exitvoice.validation.Observation;
import org.exitvoice.validation.ObservationTable;
import org.exitvoice.validation.Replications;
import org.exitvoice.validation.Validation;
import org.exitvoice.validation.ValidationTable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code exitvoice validate}: the scenario against every target observation of 2022, over several replications. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Hold a scenario against what was observed in 2022: every target row of the observed-data file,"
                + " mapped to a model measure, over several replications (seeds seed, seed+1, ...).",
                "Prints and writes validation.csv, scores.csv (the ARD and the log accuracy, mean |ln(sim/observed)|, over all"
                        + " targets, the destination split, in and out of sample) and a chart."})
public class ValidateCommand implements Callable<Integer> {
    /** Where validate writes by default: beside the scenario's run folder, not over it. */
    static final String OUT_SUFFIX = "-validate";

    @Mixin
    ScenarioOptions options;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: outputs/<scenario name>" + OUT_SUFFIX + "/ in the exitvoice folder).")
    Path outOption;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "10", converter = ScenarioOptions.PositiveInteger.class,
            description = "Replications, run in parallel (default: ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--observed", paramLabel = "FILE",
            description = "Observed-data file (default: params/data/observed-2022.csv in the exitvoice folder).")
    Path observed;

    @Option(names = "--markdown", description = "Print the table as Markdown, as docs/validation.md shows it.")
    boolean markdown;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws ScenarioException {
        System.setProperty("java.awt.headless", "true"); // the chart is drawn off-screen
        CommandLine cl = spec.commandLine();
        PrintStream out = ExitVoice.printStream(cl.getOut()), err = ExitVoice.printStream(cl.getErr());
        // every input is read and every target mapped before anything runs: a bad row costs no simulation
        ScenarioInput input = options.load();
        ExitVoice.warn(input.warnings(), err);
        Scenario s = input.scenario();
        Path observedFile = observed != null ? observed : ProjectHome.resolve(ObservationTable.DEFAULT_FILE);
        List<Observation> rows = ObservationTable.read(observedFile);
        List<Target> comparisons = Targets.map(observedFile.toString(), rows, Targets.Selection.ALL_TARGETS,
                input.routes(), input.regions(), s.start(), s.end());
        Path outDir = outDir();
        RunFolder.requireReplaceable(outDir, FolderKind.VALIDATE);
        int threads = options.threads();
        if (!options.quiet()) {
            err.printf(Locale.ROOT, "exitvoice validate: %s, %d targets, %d replications (seeds %d-%d), scale %d, %d days, %d thread%s%n",
                    input.file(), comparisons.size(), replications, s.seed(), s.seed() + replications - 1, s.scale(),
                    s.days(), threads, threads == 1 ? "" : "s");
        }
        long t0 = System.nanoTime();
        double[][] values;
        try (Replications runs = new Replications(threads);
             SweepProgress progress = SweepProgress.onStderr(err, options.quiet(), "validate", "replications")) {
            progress.start(replications, 0);
            values = runs.measure(seed -> ScenarioLoader.read(options.scenarioFile(), options.sets(),
                            new ScenarioLoader.Overrides(seed, options.scale(), options.days())),
                    s.seed(), replications, input.regions(), input.routes(), comparisons, progress::step);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        ValidationTable table = ValidationTable.of(comparisons, values);
        try {
            Validation.write(outDir, FolderKind.VALIDATE, table, replications, s,
                    ScenarioLoader.toYaml(Runs.portable(s, outDir)), input.file(), options.sets(), threads, wall, null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + outDir + ": " + e.getMessage(), e);
        }
        if (markdown) {
            table.markdown().forEach(out::println);
        } else {
            table.lines().forEach(out::println);
            out.println("outputs                " + outDir + "/ (validation.csv, scores.csv, charts/validation.png)");
        }
        return 0;
    }

    /** {@code --out}, else {@code outputs/<scenario file name without .yaml>-validate/}. */
    Path outDir() {
        return outOption != null ? outOption : options.defaultOutDir(OUT_SUFFIX);
    }
}
