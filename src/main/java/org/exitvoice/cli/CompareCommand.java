package org.exitvoice.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

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

/** {@code exitvoice compare A.yaml B.yaml [C.yaml ...]}: scenarios with the same seeds, each against A, paired differences with 90 % intervals. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare scenarios run with the same seeds, each with the first (A): each metric's paired difference"
                + " B - A with a 90 %% interval, overlay charts with bands, and a report.html. With one scenario and"
                + " --set-b, B is A with a lever moved.")
public class CompareCommand implements Callable<Integer> {
    /** Replications when none are asked for. */
    static final int DEFAULT_REPLICATIONS = 20;

    @Parameters(index = "0", paramLabel = "A", description = "The reference scenario, e.g. params/sep2022.yaml.")
    Path fileA;

    @Parameters(index = "1..*", paramLabel = "B", arity = "0..*",
            description = "The scenarios compared with it, each against A, e.g. params/border-closed.yaml"
                    + " (none: A itself with the --set-b overrides).")
    List<Path> filesB = new ArrayList<>();

    @Option(names = "--set-b", paramLabel = "KEY=VALUE",
            description = "Override one scenario value in the compared scenarios only, not in A (repeatable):"
                    + " compare A with a lever moved, e.g. --set-b exitList.coverage=1.")
    List<String> setsB = new ArrayList<>();

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
            description = "Persons per agent for all (default: each scenario's own).")
    Integer scale;

    @Option(names = "--days", paramLabel = "N", converter = ScenarioOptions.PositiveInteger.class,
            description = "Simulated days for all (default: each scenario's own).")
    Integer days;

    @Option(names = "--threads", paramLabel = "N", converter = ScenarioOptions.PositiveInteger.class,
            description = "Runs at a time (default: the number of processors).")
    Integer threads;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one scenario value in all of them (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        System.setProperty("java.awt.headless", "true");
        // every scenario and the metrics are checked before anything runs or is written
        ScenarioLoader.Overrides flags = new ScenarioLoader.Overrides(null, scale, days);
        if (filesB.isEmpty() && setsB.isEmpty()) {
            throw new ScenarioException("compare", "give a scenario to compare with A (compare A.yaml B.yaml), or move a"
                    + " lever in A with --set-b KEY=VALUE");
        }
        List<Path> compared = filesB.isEmpty() ? List.of(fileA) : filesB;
        List<String> setsOfB = new ArrayList<>(sets);
        setsOfB.addAll(setsB);
        ScenarioInput a = ScenarioLoader.load(fileA, sets, flags);
        List<ScenarioInput> bs = new ArrayList<>();
        for (Path f : compared) {
            bs.add(loadB(f, setsOfB, flags));
        }
        List<Comparison.Side> sides = sides(a, bs, setsOfB);
        List<RegionData> regions = new ArrayList<>();
        List<RouteData> routes = new ArrayList<>();
        for (Comparison.Side side : sides) {
            regions.addAll(side.input().regions());
            routes.addAll(side.input().routes());
            if (side != sides.get(0)) {
                Comparison.requireSameStart(sides.get(0), side);
            }
        }
        // the places of every scenario's tables; the dates of A's runs (all start on the same day)
        MetricScope scope = MetricScope.of(regions, routes, a.scenario().start(), a.scenario().days());
        List<Metric> ms = new ArrayList<>();
        for (String text : metrics == null ? Metric.SUMMARY : metrics) {
            try {
                ms.add(Metric.parse(text, scope));
            } catch (ScenarioException e) {
                throw new ScenarioException("--metrics", e.detail());
            }
        }
        int reps = replications != null ? replications : DEFAULT_REPLICATIONS;
        long base = seed != null ? seed : a.scenario().seed();
        Path dir = out != null ? out : ScenarioOptions.outputsFolder("compare-" + sides.stream().map(s -> folderName(s))
                .reduce((x, y) -> x + (x.contains("-vs-") ? "-and-" : "-vs-") + y).orElseThrow());
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();

        CommandLine cl = spec.commandLine();
        PrintStream stdout = ExitVoice.printStream(cl.getOut());
        PrintStream err = ExitVoice.printStream(cl.getErr());
        if (!quiet) {
            err.printf(Locale.ROOT, "exitvoice compare: %s vs %s, %d replications each (same seeds), %d thread%s -> %s/%n",
                    sides.get(0).label(), sides.subList(1, sides.size()).stream().map(Comparison.Side::label)
                            .collect(Collectors.joining(", ")), reps, n, n == 1 ? "" : "s", dir);
        }
        // a warning even with --quiet: it says the numbers below are not what they seem
        for (Comparison.Side b : sides.subList(1, sides.size())) {
            String why = Comparison.unpaired(sides.get(0), b);
            if (why != null) {
                err.println("exitvoice compare: warning: " + why);
            }
        }
        ExitVoice.warn(a.warnings(), err);
        bs.forEach(b -> ExitVoice.warn(b.warnings(), err));
        SweepProgress progress = SweepProgress.onStderr(err, quiet, "compare", "runs");
        Comparison.Outcome o = new Comparison(sides, reps, base, ms, sets, flags).run(dir, n, progress);

        for (Comparison.Side b : sides.subList(1, sides.size())) {
            if (sides.size() > 2) {
                stdout.printf(Locale.ROOT, "%n%s against %s%n", b.label(), sides.get(0).label());
            }
            // columns as wide as the longest label, so a B named by its overrides stays over its numbers
            int w = Math.max(14, Math.max(sides.get(0).label().length(), b.label().length()));
            String row = "%-30s %" + w + "s %" + w + "s %14s  %s%n";
            stdout.printf(Locale.ROOT, row, "metric (B - A)", sides.get(0).label(), b.label(), "difference", "90% interval");
            for (Comparison.Difference d : o.differences()) {
                if (!d.b().equals(b.label())) {
                    continue;
                }
                String interval = Double.isFinite(d.lo())
                        ? String.format(Locale.ROOT, "[%s, %s]%s", signed(d.lo()), signed(d.hi()), d.lo() > 0 || d.hi() < 0 ? " *" : "")
                        : "";
                stdout.printf(Locale.ROOT, row, d.metric().expression(), plain(d.meanA()), plain(d.meanB()),
                        signed(d.mean()), interval);
            }
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

    /** B's scenario, its --set-b errors named as such (the loader knows them as --set). */
    private ScenarioInput loadB(Path file, List<String> sets, ScenarioLoader.Overrides flags) throws ScenarioException {
        try {
            return ScenarioLoader.load(file, sets, flags);
        } catch (ScenarioException e) {
            String at = e.location();
            if (at != null && at.startsWith("--set ")) {
                for (String set : setsB) {
                    String key = set.contains("=") ? set.substring(0, set.indexOf('=')).strip() : set;
                    if (at.equals("--set " + key) || at.equals("--set " + set)) {
                        throw new ScenarioException("--set-b " + at.substring("--set ".length()), e.detail());
                    }
                }
            }
            throw e;
        }
    }

    /**
     * The scenarios with their labels: file names, a B made from A by --set-b named by its overrides
     * ({@code sep2022 + exitList.coverage=1}), and letters added where two labels would be the same.
     */
    private List<Comparison.Side> sides(ScenarioInput a, List<ScenarioInput> bs, List<String> setsOfB) {
        List<String> labels = new ArrayList<>();
        labels.add(name(fileA));
        for (ScenarioInput b : bs) {
            labels.add(name(b.file()) + (setsB.isEmpty() ? "" : " + " + String.join(" ", setsB)));
        }
        List<Comparison.Side> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (java.util.Collections.frequency(labels, label) > 1) {
                label += " (" + (i == 0 ? "A" : labels.size() == 2 ? "B" : "B" + i) + ")";
            }
            out.add(i == 0 ? new Comparison.Side(label, a, sets) : new Comparison.Side(label, bs.get(i - 1), setsOfB));
        }
        return out;
    }

    /** A scenario's part of the default folder name: its file name, and its --set-b overrides for a B made from A. */
    private String folderName(Comparison.Side side) {
        String name = name(side.input().file());
        if (side.sets().size() > sets.size()) { // a compared scenario, with --set-b overrides
            name += "-" + String.join("-", setsB);
        }
        return name.replaceAll("[^A-Za-z0-9._-]+", "-");
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
