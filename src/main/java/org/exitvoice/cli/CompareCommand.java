package org.exitvoice.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.exitvoice.experiment.Comparison;
import org.exitvoice.experiment.Metric;
import org.exitvoice.experiment.MetricScope;
import org.exitvoice.experiment.SweepProgress;
import org.exitvoice.scenario.RegionData;
import org.exitvoice.scenario.RouteData;
import org.exitvoice.scenario.ScenarioException;
import org.exitvoice.scenario.ScenarioInput;
import org.exitvoice.scenario.ScenarioLoader;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code exitvoice compare A.yaml B.yaml}: both scenarios with the same seeds, paired differences with 90 % intervals. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two scenarios run with the same seeds: each metric's paired difference B - A with a 90 %%"
                + " interval, overlay charts with bands, and a report.html.")
public class CompareCommand implements Callable<Integer> {
    /** Replications when none are asked for. */
    static final int DEFAULT_REPLICATIONS = 20;

    @Parameters(index = "0", paramLabel = "A", description = "The reference scenario, e.g. params/sep2022.yaml.")
    Path fileA;

    @Parameters(index = "1", paramLabel = "B", description = "The scenario compared with it, e.g. params/border-closed.yaml.")
    Path fileB;

    @Option(names = "--replications", paramLabel = "N", converter = ScenarioOptions.PositiveInteger.class,
            description = "Runs of each scenario (default: " + DEFAULT_REPLICATIONS + ").")
    Integer replications;

    @Option(names = "--metrics", paramLabel = "METRIC", split = ",",
            description = "Metrics to compare, comma-separated, e.g. final.emigrated,peak.protesters (default: the closing summary's).")
    List<String> metrics;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: outputs/compare-A-vs-B/ in the exitvoice folder).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", converter = ScenarioOptions.WholeNumber.class,
            description = "Base seed of the shared seeds (default: A's seed).")
    Long seed;

    @Option(names = "--scale", paramLabel = "N", converter = ScenarioOptions.PositiveInteger.class,
            description = "Persons per agent for both (default: each scenario's own).")
    Integer scale;

    @Option(names = "--days", paramLabel = "N", converter = ScenarioOptions.PositiveInteger.class,
            description = "Simulated days for both (default: each scenario's own).")
    Integer days;

    @Option(names = "--threads", paramLabel = "N", converter = ScenarioOptions.PositiveInteger.class,
            description = "Runs at a time (default: the number of processors).")
    Integer threads;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one scenario value in both (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        System.setProperty("java.awt.headless", "true");
        // both scenarios and the metrics are checked before anything runs or is written
        ScenarioLoader.Overrides flags = new ScenarioLoader.Overrides(null, scale, days);
        ScenarioInput a = ScenarioLoader.load(fileA, sets, flags);
        ScenarioInput b = ScenarioLoader.load(fileB, sets, flags);
        // the places of both scenarios' tables; the dates of A's runs (both must start on the same day)
        List<RegionData> regions = new ArrayList<>(a.regions());
        regions.addAll(b.regions());
        List<RouteData> routes = new ArrayList<>(a.routes());
        routes.addAll(b.routes());
        MetricScope scope = MetricScope.of(regions, routes, a.scenario().start(), a.scenario().days());
        List<Metric> ms = new ArrayList<>();
        for (String text : metrics == null ? Metric.SUMMARY : metrics) {
            try {
                ms.add(Metric.parse(text, scope));
            } catch (ScenarioException e) {
                throw new ScenarioException("--metrics", e.detail());
            }
        }
        String nameA = name(fileA), nameB = name(fileB);
        boolean same = nameA.equals(nameB);
        Comparison.Side sa = new Comparison.Side(same ? nameA + " (A)" : nameA, a);
        Comparison.Side sb = new Comparison.Side(same ? nameB + " (B)" : nameB, b);
        Comparison.requireSameStart(sa, sb);
        int reps = replications != null ? replications : DEFAULT_REPLICATIONS;
        long base = seed != null ? seed : a.scenario().seed();
        Path dir = out != null ? out : ScenarioOptions.outputsFolder("compare-" + nameA + "-vs-" + nameB);
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();

        CommandLine cl = spec.commandLine();
        PrintStream stdout = ExitVoice.printStream(cl.getOut());
        PrintStream err = ExitVoice.printStream(cl.getErr());
        if (!quiet) {
            err.printf(Locale.ROOT, "exitvoice compare: %s vs %s, %d replications each (same seeds), %d thread%s -> %s/%n",
                    fileA, fileB, reps, n, n == 1 ? "" : "s", dir);
        }
        ExitVoice.warn(a.warnings(), err);
        ExitVoice.warn(b.warnings(), err);
        SweepProgress progress = SweepProgress.onStderr(err, quiet, "compare", "runs");
        Comparison.Outcome o = new Comparison(sa, sb, reps, base, ms, sets, flags).run(dir, n, progress);

        stdout.printf(Locale.ROOT, "%-30s %14s %14s %14s  %s%n", "metric (B - A)", sa.label(), sb.label(), "difference",
                "90% interval");
        for (Comparison.Difference d : o.differences()) {
            String interval = Double.isFinite(d.lo())
                    ? String.format(Locale.ROOT, "[%s, %s]%s", signed(d.lo()), signed(d.hi()), d.lo() > 0 || d.hi() < 0 ? " *" : "")
                    : "";
            stdout.printf(Locale.ROOT, "%-30s %14s %14s %14s  %s%n", d.metric().expression(), plain(d.meanA()),
                    plain(d.meanB()), signed(d.mean()), interval);
        }
        stdout.printf(Locale.ROOT, "* the interval excludes 0%noutputs  %s/ (open report.html)%n", dir);
        stdout.flush();
        if (o.failed() > 0) {
            err.printf(Locale.ROOT, "exitvoice compare: %d runs failed (see the error column of %s)%n", o.failed(),
                    dir.resolve("runs.csv"));
            err.flush();
            return 1;
        }
        return 0;
    }

    private static String name(Path file) {
        return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    private static String plain(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String signed(double v) {
        String s = plain(v);
        return v > 0 ? "+" + s : s;
    }
}
