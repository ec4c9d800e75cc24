package org.exitvoice.spark;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVPrinter;
import org.exitvoice.experiment.Experiment;
import org.exitvoice.experiment.RunsJournal;
import org.exitvoice.experiment.Sweep;

/**
 * What one Spark task does: runs its batch as the local sweep runs each run ({@link Sweep#runOne}: a run that throws
 * becomes an error row), then writes the batch's rows as part files, timeseries first, each written and renamed.
 * Only infrastructure faults (a part that cannot be written, a lost executor) fail the task and reach Spark's retry;
 * an attempt that finds its runs part already written (an earlier attempt died after writing it) does nothing again.
 */
final class BatchTask {
    private BatchTask() {
    }

    /** Faults injected by tests; never set otherwise. */
    interface Faults {
        /** Before run {@code run} is simulated; what it throws becomes the run's error row. */
        default void beforeRun(int run) throws Exception {
        }

        /** After the runs simulated, before any part is written; what it throws fails the task. */
        default void beforeParts(Batch batch) {
        }

        /** After the batch's parts are written; what it throws fails the task. */
        default void afterParts(Batch batch) {
        }
    }

    /** Tests only: where faults come from (executors share the JVM with the test in local mode). */
    static volatile Faults faults;

    /** Runs {@code batch} unless its part is already there; returns the number of its runs. */
    static int run(SweepPlan plan, Batch batch, OutputFolder out) throws IOException {
        if (out.isFile(batch.runsPart())) {
            return batch.runs().length;
        }
        Workload w = Workload.of(plan);
        Experiment x = w.x;
        Faults f = faults;
        StringBuilder runs = new StringBuilder();
        StringBuilder series = new StringBuilder();
        try (CSVPrinter runsCsv = new CSVPrinter(runs, RunsJournal.format());
             CSVPrinter seriesCsv = new CSVPrinter(series, RunsJournal.format())) {
            runsCsv.printRecord(RunsJournal.header(x));
            seriesCsv.printRecord(RunsJournal.seriesHeader(x));
            int reps = x.replications();
            for (int run : batch.runs()) {
                Sweep.Simulator model = f == null ? w.model : s -> {
                    f.beforeRun(run);
                    return w.model.run(s);
                };
                RunsJournal.Row row = Sweep.runOne(x, model, run, w.points.get(run / reps), run % reps);
                if (!x.timeseries().isEmpty()) {
                    RunsJournal.printSeries(x, row, seriesCsv);
                }
                RunsJournal.printRun(row, runsCsv);
            }
        }
        if (f != null) {
            f.beforeParts(batch);
        }
        // the series first, replacing what an attempt that died before its runs part left: a runs part means its
        // batch is complete; a runs part already there (a concurrent attempt) wins over this one's
        if (!x.timeseries().isEmpty()) {
            out.write(batch.seriesPart(), o -> text(o, series), true);
        }
        out.write(batch.runsPart(), o -> text(o, runs), false);
        if (f != null) {
            f.afterParts(batch);
        }
        return batch.runs().length;
    }

    private static void text(java.io.OutputStream o, CharSequence text) throws IOException {
        Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
        w.append(text);
        w.flush();
    }
}
