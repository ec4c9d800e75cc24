package org.exitvoice.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.exitvoice.experiment.Experiment;
import org.exitvoice.experiment.ExperimentFile;
import org.exitvoice.experiment.Results;
import org.exitvoice.experiment.RunsJournal;
import org.exitvoice.experiment.ScenarioDiscovery;
import org.exitvoice.experiment.Sweep;
import org.exitvoice.experiment.SweepReport;
import org.exitvoice.scenario.ScenarioException;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code exitvoice prim}: scenario discovery (PRIM) on a finished sweep's runs. */
@Command(name = "prim", mixinStandardHelpOptions = true,
        description = {"Scenario discovery on a finished sweep: PRIM (Friedman and Fisher 1999) peels the factor space"
                + " down to a box where the runs with a metric above (or below) a threshold are concentrated.",
                "Writes prim.csv (the peeling trajectory: coverage, density and each factor's limits per box) and"
                        + " charts/prim_METRIC.png|svg into the sweep's folder."})
public class PrimCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SWEEP", description = "A sweep's output folder (holding sweep.json and runs.csv).")
    Path dir;

    @Option(names = "--metric", required = true, paramLabel = "METRIC",
            description = "One of the sweep's metrics, as written in its experiment.yaml or as its runs.csv column.")
    String metric;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Threshold threshold;

    /** Exactly one of --above and --below. */
    static final class Threshold {
        @Option(names = "--above", paramLabel = "X", description = "Runs of interest: the metric > X.", required = true)
        Double above;

        @Option(names = "--below", paramLabel = "X", description = "Runs of interest: the metric < X.", required = true)
        Double below;
    }

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05", converter = Share.class,
            description = "Share of the box's runs each peel removes (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--min-mass", paramLabel = "M", defaultValue = "0.05", converter = Share.class,
            description = "Peeling stops before a box would hold fewer than this share of the runs (default: ${DEFAULT-VALUE}).")
    double minMass;

    @Option(names = "--paste", description = "Paste runs back onto the reported box while that raises its density.")
    boolean paste;

    @Option(names = "--box", paramLabel = "N", description = "Report box N of the trajectory (default: the densest box"
            + " with at least --min-coverage).")
    Integer box;

    @Option(names = "--min-coverage", paramLabel = "C", defaultValue = "0.5", converter = Share.class,
            description = "The reported box holds at least this share of the runs of interest (default: ${DEFAULT-VALUE}).")
    double minCoverage;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws ScenarioException, IOException {
        System.setProperty("java.awt.headless", "true");
        CommandLine cl = spec.commandLine();
        PrintStream out = ExitVoice.printStream(cl.getOut());
        if (!Files.isRegularFile(dir.resolve(Sweep.MANIFEST))) {
            throw new ScenarioException(dir.toString(), "not a sweep folder (no " + Sweep.MANIFEST + ")");
        }
        if (!Files.isRegularFile(dir.resolve(RunsJournal.RUNS))) {
            throw new ScenarioException(dir.toString(), "no " + RunsJournal.RUNS + ": the sweep has not run");
        }
        if (box != null && box < 0) {
            throw new ScenarioException("--box", "must be 0 or more, got " + box);
        }
        // the folder's experiment.yaml reruns the sweep as written: its points and metrics are the runs'
        Experiment x = ExperimentFile.read(dir.resolve(Sweep.EXPERIMENT), ExperimentFile.Overrides.NONE);
        int m = ScenarioDiscovery.metricIndex(x, metric);
        Results results = Results.read(dir.resolve(RunsJournal.RUNS), x, x.points());
        ScenarioDiscovery.Rule rule = threshold.above != null ? new ScenarioDiscovery.Rule(true, threshold.above)
                : new ScenarioDiscovery.Rule(false, threshold.below);
        ScenarioDiscovery.Finding f = ScenarioDiscovery.find(results, m, rule,
                new ScenarioDiscovery.Settings(alpha, minMass, paste, box == null ? -1 : box, minCoverage));
        ScenarioDiscovery.write(f, dir);
        SweepReport.write(dir, results, results.stats()); // the report shows the PRIM chart too
        out.printf(Locale.ROOT, "runs of interest %,d of %,d with %s %s%s%n", f.prim().cases(), f.runs(),
                f.metric().expression(), f.rule(), f.missing() > 0 ? String.format(Locale.ROOT, " (%,d runs gave no value,"
                        + " left out)", f.missing()) : "");
        if (!f.leftOut().isEmpty()) {
            out.println("left out        " + String.join(", ", f.leftOut()) + " (not numbers)");
        }
        ScenarioDiscovery.lines(f).forEach(out::println);
        out.println("outputs          " + dir + "/ (" + ScenarioDiscovery.TABLE + ", charts/" + ScenarioDiscovery.CHART_PREFIX
                + f.metric().name() + ".png)");
        return 0;
    }

    /** A share strictly between 0 and 1. */
    static final class Share implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v;
            try {
                v = Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("must be a number between 0 and 1, got '" + value + "'");
            }
            if (!(v > 0 && v < 1)) {
                throw new TypeConversionException("must be between 0 and 1 (both excluded), got " + value);
            }
            return v;
        }
    }
}
