package org.exitvoice.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Spark task's share of a sweep: some runs, in ascending order, and the part files its rows go to. A part is
 * named by the job's session and the batch's first run, so every attempt of a task writes the same names and a
 * retried task finds the work of an attempt that finished its part.
 *
 * @param session the job that made the batch (UTC time it started, and a random tag)
 * @param runs    run ids, ascending
 */
record Batch(String session, int[] runs) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The folder of part files inside the output folder. */
    static final String PARTS = "parts";

    private static final Pattern RUNS_PART = Pattern.compile("runs-(.+)-(\\d{10})\\.csv");

    /** {@code parts/runs-SESSION-FIRSTRUN.csv}: the batch's rows of runs.csv, with the header. */
    String runsPart() {
        return PARTS + "/" + name("runs");
    }

    /** {@code parts/timeseries-SESSION-FIRSTRUN.csv}: its rows of timeseries.csv, written before the runs part. */
    String seriesPart() {
        return PARTS + "/" + name("timeseries");
    }

    private String name(String table) {
        return String.format(Locale.ROOT, "%s-%s-%010d.csv", table, session, runs[0]);
    }

    /** The series part that goes with the runs part {@code runsPart} (a name in {@link #PARTS}), or null if it is not one. */
    static String seriesOf(String runsPart) {
        Matcher m = RUNS_PART.matcher(runsPart);
        return m.matches() ? "timeseries-" + m.group(1) + "-" + m.group(2) + ".csv" : null;
    }

    /** {@code todo} cut into batches of {@code size} consecutive runs. */
    static List<Batch> cut(String session, int[] todo, int size) {
        List<Batch> out = new ArrayList<>();
        for (int from = 0; from < todo.length; from += size) {
            out.add(new Batch(session, java.util.Arrays.copyOfRange(todo, from, Math.min(todo.length, from + size))));
        }
        return out;
    }
}
