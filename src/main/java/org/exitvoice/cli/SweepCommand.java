package org.exitvoice.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.exitvoice.experiment.Design;
import org.exitvoice.experiment.Experiment;
import org.exitvoice.experiment.ExperimentFile;
import org.exitvoice.experiment.Sweep;
import org.exitvoice.experiment.SweepProgress;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code exitvoice sweep}: a parameter experiment (factorial, LHS or Sobol design) on all cores, summarised. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a parameter experiment: a design of points x replications, many runs in parallel; "
                + "writes runs.csv as runs finish, then summary.csv, sobol.csv and charts.")
public class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "Experiment YAML file, e.g. params/experiments/misclassification.yaml.")
    Path experiment;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: outputs/<experiment name>/ in the exitvoice folder).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", converter = ScenarioOptions.PositiveInteger.class,
            description = "Runs at a time, each on one thread (default: the number of processors).")
    Integer threads;

    @Option(names = "--resume", description = "Complete the sweep already in the output folder (same experiment only),"
            + " or extend it with more --replications or, in a factorial design, new levels of its factors.")
    boolean resume;

    @Option(names = "--keep-runs", split = ",", paramLabel = "ID",
            description = "Keep these runs' output folders (as 'exitvoice run' writes them) in runs/point-P-replication-R/, e.g. 0,17.")
    java.util.List<Integer> keepRuns = new java.util.ArrayList<>();

    @Option(names = "--replications", paramLabel = "N", converter = ScenarioOptions.PositiveInteger.class,
            description = "Replications per point; wins over the file.")
    Integer replications;

    @Option(names = "--scale", paramLabel = "N", converter = ScenarioOptions.PositiveInteger.class,
            description = "Persons per agent; wins over the file.")
    Integer scale;

    @Option(names = "--days", paramLabel = "N", converter = ScenarioOptions.PositiveInteger.class,
            description = "Simulated days; wins over the file.")
    Integer days;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception { // ScenarioException: bad input, exit 2
        // charts are drawn off-screen: never try to reach a display from a headless command
        System.setProperty("java.awt.headless", "true");
        // everything is checked before anything is written: a bad file leaves no folder behind
        Experiment x = ExperimentFile.read(experiment, new ExperimentFile.Overrides(replications, scale, days));
        Path dir = out != null ? out : ScenarioOptions.outputsFolder(x.name());
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        CommandLine cl = spec.commandLine();
        PrintStream stdout = ExitVoice.printStream(cl.getOut());
        PrintStream err = ExitVoice.printStream(cl.getErr());
        long points = x.design().size(x.factors());
        if (!quiet) {
            err.printf(Locale.ROOT, "exitvoice sweep: %s, %s, %,d points x %d replication%s = %,d runs, scale %d, %d days,"
                            + " %d thread%s -> %s/%n", experiment, x.design().describe(), points, x.replications(),
                    x.replications() == 1 ? "" : "s", points * x.replications(), x.scale(), x.days(), n, n == 1 ? "" : "s", dir);
        }
        ExitVoice.warn(x.base().warnings(), err);
        // the bar redraws itself with carriage returns: only where a person watches stderr
        boolean bar = !quiet && SweepProgress.stderrIsTerminal();
        SweepProgress progress = SweepProgress.onStderr(err, quiet, "sweep", "runs");
        Sweep sweep = new Sweep(x, dir, n).keeping(keepRuns);
        // Ctrl-C: the JVM runs its shutdown hooks, then halts; the hook leaves runs.csv on a whole row and says so
        Thread onInterrupt = new Thread(() -> interrupted(sweep.stop(), dir, err, bar), "sweep-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        Sweep.Outcome o;
        try {
            o = sweep.run(resume, progress);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: it has said what is kept
            }
        }
        stdout.printf(Locale.ROOT, "%-11s%,d (%,d points x %d replications): %,d run now, %,d done before, %,d failed%n",
                "runs", o.total(), points, x.replications(), o.ran(), o.alreadyDone(), o.failed());
        stdout.printf(Locale.ROOT, "%-11s%s on %d thread%s, %.1f runs/min%n", "wall time", duration(o.seconds()), n,
                n == 1 ? "" : "s", o.runsPerMinute());
        stdout.printf("%-11s%s/ (report.html, runs.csv, summary.csv%s, charts/)%n", "outputs", dir,
                x.design() instanceof Design.Saltelli ? ", sobol.csv"
                        : x.design() instanceof Design.Morris ? ", morris.csv" : "");
        stdout.flush();
        if (o.failed() > 0) {
            err.printf(Locale.ROOT, "exitvoice sweep: %,d of %,d runs failed (see the error column of %s); --resume runs them again%n",
                    o.failed(), o.ran(), dir.resolve("runs.csv"));
            err.flush();
            return 1;
        }
        return 0;
    }

    /**
     * The one line an interrupted sweep leaves on stderr: what runs.csv keeps and the command that continues it
     * (with the overrides given, which are part of the experiment).
     */
    private void interrupted(Sweep.Stopped s, Path dir, PrintStream err, boolean bar) {
        if (s == null) {
            return; // it had finished
        }
        StringBuilder resume = new StringBuilder("./exitvoice sweep ").append(experiment).append(" --out ").append(dir);
        if (replications != null) {
            resume.append(" --replications ").append(replications);
        }
        if (scale != null) {
            resume.append(" --scale ").append(scale);
        }
        if (days != null) {
            resume.append(" --days ").append(days);
        }
        resume.append(" --resume");
        String kept = s.kept() < 0 ? "before its runs began; continue with " + resume
                : s.summariesPending()
                ? String.format(Locale.ROOT, "all %,d runs kept in %s, summaries not written; write them with %s",
                        s.total(), dir.resolve("runs.csv"), resume)
                : String.format(Locale.ROOT, "%,d of %,d runs kept in %s%s; continue with %s", s.kept(), s.total(),
                        dir.resolve("runs.csv"), s.failed() > 0 ? String.format(Locale.ROOT, " (and %,d failed, to run"
                                + " again)", s.failed()) : "", resume);
        // after a progress bar's carriage returns, a line of its own
        err.print((bar ? "\n" : "") + "exitvoice sweep: interrupted: " + kept + System.lineSeparator());
        err.flush();
    }

    private static String duration(double seconds) {
        return seconds < 60 ? String.format(Locale.ROOT, "%.1f s", seconds)
                : String.format(Locale.ROOT, "%.1f min", seconds / 60);
    }
}
