package org.exitvoice.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.exitvoice.experiment.SweepProgress;
import org.exitvoice.output.FolderKind;
import org.exitvoice.output.RunFolder;
import org.exitvoice.scenario.Scenario;
import org.exitvoice.scenario.ScenarioException;
import org.exitvoice.scenario.ScenarioInput;
import org.exitvoice.scenario.ScenarioLoader;
import org.exitvoice.validation.Calibration;
import org.exitvoice.validation.CalibrationPlan;
import org.exitvoice.validation.Target;
import org.exitvoice.validation.Targets;
import org.exitvoice.validation.ConvergenceChart;
import org.exitvoice.validation.FitRecord;
import org.exitvoice.validation.Observation;
import org.exitvoice.validation.ObservationTable;
import org.exitvoice.validation.Replications;
import org.exitvoice.validation.Validation;
import org.exitvoice.validation.ValidationTable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code exitvoice calibrate FILE}: fits the free parameters a calibration file names, then validates the fit. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fit the free parameters named in a calibration file to observations of 2022 with CMA-ES,"
                + " several replications per evaluation (common random numbers), on all cores.",
                "Writes trace.csv, charts/convergence.png, fit.yaml and the validation at the fit into"
                + " outputs/<file>-calibrate/."})
public class CalibrateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Calibration file, e.g. params/calibration/sep2022.yaml.")
    Path planFile;

    /** Where calibrate writes by default: outputs/ and the calibration file's name with this suffix. */
    static final String OUT_SUFFIX = "-calibrate";

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: outputs/<file name>" + OUT_SUFFIX + "/ in the exitvoice folder).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", converter = ScenarioOptions.PositiveInteger.class,
            description = "Worker threads (default: the number of processors).")
    Integer threads;

    @Option(names = "--budget", paramLabel = "N", converter = ScenarioOptions.PositiveInteger.class,
            description = "Model evaluations; wins over the file's budget.")
    Integer budget;

    @Option(names = "--quiet", description = "No progress bar on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    /** Every target over the scenario's days at the given values, with the plan's replications and seeds. */
    private static ValidationTable validate(Replications runs, CalibrationPlan plan, List<String> sets,
                                            Calibration calibration, ScenarioInput input, List<Target> all)
            throws ScenarioException {
        double[][] values = runs.measure(seed -> ScenarioLoader.read(plan.scenario(), sets,
                        new ScenarioLoader.Overrides(seed, plan.scale(), null)), calibration.seed(),
                plan.replications(), input.regions(), input.routes(), all, () -> { });
        return ValidationTable.of(all, values);
    }

    /** {@code --out}, else {@code outputs/<calibration file name without .yaml>-calibrate/}. */
    Path outDir() {
        return out != null ? out
                : ScenarioOptions.outputsFolder(planFile.getFileName().toString().replaceFirst("\\.ya?ml$", "") + OUT_SUFFIX);
    }

    @Override
    public Integer call() throws ScenarioException {
        System.setProperty("java.awt.headless", "true");
        CommandLine cl = spec.commandLine();
        PrintStream stdout = ExitVoice.printStream(cl.getOut()), err = ExitVoice.printStream(cl.getErr());
        CalibrationPlan read = CalibrationPlan.read(planFile);
        CalibrationPlan plan = budget == null ? read : new CalibrationPlan(read.file(), read.scenario(), read.observed(),
                read.selection(), read.objective(), Math.max(2, budget), read.replications(), read.scale(), read.seed(),
                read.parameters());
        ScenarioLoader.Overrides flags = new ScenarioLoader.Overrides(plan.seed(), plan.scale(), null);
        ScenarioInput input = ScenarioLoader.load(plan.scenario(), List.of(), flags);
        ExitVoice.warn(input.warnings(), err);
        Scenario s = input.scenario();
        List<Observation> rows = ObservationTable.read(plan.observed());
        String observed = plan.observed().toString();
        List<Target> fitted = Targets.map(observed, rows, plan.selection(), input.routes(), input.regions(),
                s.start(), s.end());
        // every target is mapped now, before hours of fitting, and checked again at the fit
        List<Target> all = Targets.map(observed, rows, Targets.Selection.ALL_TARGETS, input.routes(),
                input.regions(), s.start(), s.end());
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Path outDir = outDir();
        RunFolder.requireReplaceable(outDir, FolderKind.CALIBRATE); // now, not after hours of fitting

        long t0 = System.nanoTime();
        try (Replications runs = new Replications(n)) {
            Calibration calibration = new Calibration(plan, s, List.of(), input.regions(), input.routes(), fitted, runs);
            if (!quiet) {
                err.printf(Locale.ROOT, "exitvoice calibrate: %s, %d parameters, %d targets (%s), budget %d, %d replications"
                                + " (seeds %d-%d), scale %d, %d days per evaluation, %d thread%s%n", planFile,
                        plan.parameters().size(), fitted.size(), plan.selection(), plan.budget(), plan.replications(),
                        calibration.seed(), calibration.seed() + plan.replications() - 1, s.scale(), calibration.days(),
                        n, n == 1 ? "" : "s");
            }
            Calibration.Fit fit;
            try (SweepProgress progress = SweepProgress.onStderr(err, quiet, "calibrate", "evaluations")) {
                progress.start(plan.budget(), 0);
                fit = calibration.fit(e -> {
                    progress.note(String.format(Locale.ROOT, "best %.4f", e.best()));
                    progress.step();
                });
            }

            // the start and the fit against every target over the scenario's days: in- and out-of-sample side by side
            List<String> sets = calibration.sets(fit.values());
            ValidationTable atStart = validate(runs, plan, calibration.sets(calibration.start()), calibration, input, all);
            ValidationTable table = validate(runs, plan, sets, calibration, input, all);
            Set<String> used = fitted.stream().map(Target::id).collect(Collectors.toSet());
            ValidationTable.Score inFit = table.ard(r -> used.contains(r.id()));
            ValidationTable.Score heldOut = table.ard(r -> !used.contains(r.id()));
            String fitYaml = FitRecord.fitYaml(plan, fit, fitted, atStart, table, calibration.days(),
                    calibration.seed(), LocalDate.now());
            Scenario atFit = ScenarioLoader.read(plan.scenario(), sets, flags);
            double wall = (System.nanoTime() - t0) / 1e9;
            try {
                Validation.write(outDir, FolderKind.CALIBRATE, table, plan.replications(), atFit,
                        ScenarioLoader.toYaml(Runs.portable(atFit, outDir)), plan.scenario(), sets, n, wall, dir -> {
                            FitRecord.writeTrace(dir.resolve("trace.csv"), plan, fit.trace());
                            Files.writeString(dir.resolve("fit.yaml"), fitYaml, StandardCharsets.UTF_8);
                            new ConvergenceChart(fit.trace(), plan.objective() == CalibrationPlan.Objective.ARD
                                    ? "ARD (averaged relative difference)" : "Weighted log error").write(dir.resolve("charts"), "convergence");
                        });
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + outDir + ": " + e.getMessage(), e);
            }

            stdout.printf(Locale.ROOT, "fit              %s %.4f over %d targets (%s), from %.4f at the start; %d evaluations, %.0f s%n",
                    plan.objective() == CalibrationPlan.Objective.ARD ? "ARD" : "log error", fit.score(), fitted.size(),
                    plan.selection(), fit.startScore(), fit.trace().size(), wall);
            calibration.describe(fit).forEach(stdout::println);
            stdout.printf(Locale.ROOT, "%nvalidation at the fit: every target, %d days, %d replications%n", s.days(),
                    plan.replications());
            table.lines().forEach(stdout::println);
            stdout.printf(Locale.ROOT, "ARD of fitted targets %s (%.3f at the start); of the others %s (%.3f at the start)%n",
                    inFit, atStart.ard(r -> used.contains(r.id())).value(), heldOut, atStart.ard(r -> !used.contains(r.id())).value());
            stdout.println("outputs                " + outDir + "/ (fit.yaml, trace.csv, charts/convergence.png, validation.csv)");
        }
        return 0;
    }
}
