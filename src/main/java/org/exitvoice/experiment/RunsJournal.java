package org.exitvoice.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.exitvoice.model.DayReport;
import org.exitvoice.scenario.ScenarioException;

/**
 * runs.csv (and timeseries.csv when asked for), written as an append-only journal: each run's rows are written and
 * flushed as it finishes, so a crash keeps every finished run. {@link #open} with {@code resume} keeps the finished
 * runs of an earlier attempt, dropping error rows and a partial last line, and tells which runs are done.
 */
public final class RunsJournal implements AutoCloseable {

    /** The journal of runs. */
    public static final String RUNS = "runs.csv";
    /** The optional per-day national series of every run. */
    public static final String TIMESERIES = "timeseries.csv";

    // "\n" rather than the RFC's "\r\n", as in the run tables: the same bytes on every OS
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    /** One finished (or failed) run, as it becomes a row. */
    public record Row(int run, Point point, int replication, long seed, double[] metrics, double wallSeconds,
                      String error, List<DayReport> days) {
    }

    private final Experiment x;
    private final CSVPrinter runs;
    private final CSVPrinter series;
    private final BitSet done;
    private long kept, failed; // rows in runs.csv: without error (kept by a resume), with one (run again)
    private boolean stopped;

    private RunsJournal(Experiment x, CSVPrinter runs, CSVPrinter series, BitSet done) {
        this.x = x;
        this.runs = runs;
        this.series = series;
        this.done = done;
        this.kept = done.cardinality();
    }

    /** What runs.csv holds: the runs a resume keeps (finished without error), and the failed ones it runs again. */
    public record Count(long kept, long failed) {
    }

    /** The columns of runs.csv: {@code run,point,replication,seed}, the factors, the metrics, {@code wall_s,error}. */
    public static List<String> header(Experiment x) {
        List<String> h = new ArrayList<>(List.of("run", "point", "replication", "seed"));
        x.factors().forEach(f -> h.add(f.key()));
        x.metrics().forEach(m -> h.add(m.name()));
        h.add("wall_s");
        h.add("error");
        return h;
    }

    /** The columns of timeseries.csv. */
    public static List<String> seriesHeader(Experiment x) {
        List<String> h = new ArrayList<>(List.of("run", "day", "date"));
        h.addAll(x.timeseries());
        return h;
    }

    /**
     * Opens the journal in {@code dir}: a fresh one, or with {@code resume} the existing one, compacted to its finished
     * runs (rewritten under a temp name and renamed, so a crash here loses nothing).
     */
    public static RunsJournal open(Path dir, Experiment x, boolean resume) throws IOException, ScenarioException {
        int total = Math.toIntExact(x.design().size(x.factors()) * x.replications());
        Path runsFile = dir.resolve(RUNS);
        Path seriesFile = dir.resolve(TIMESERIES);
        BitSet done = new BitSet(total);
        List<String> header = header(x);
        if (resume && Files.exists(runsFile)) {
            List<List<String>> kept = new ArrayList<>();
            List<Point> points = x.points();
            Map<List<String>, Point> byValues = x.design() instanceof Design.Factorial ? byValues(points) : null;
            for (CSVRecord r : completeRecords(runsFile, header)) {
                // the run's number from what never changes: its point and replication, which a sweep extended by
                // more replications numbers anew (run = point x replications + replication); in a factorial design
                // its point from its factors' values, which new levels renumber. Doing so again after a crash gives
                // the same numbers
                int run = byValues != null ? runOf(r, x, byValues) : runOf(r, x, total);
                if (run >= 0 && r.size() == header.size() && r.get(header.size() - 1).isEmpty() && !done.get(run)) {
                    done.set(run);
                    List<String> row = new ArrayList<>(r.toList());
                    row.set(0, Integer.toString(run));
                    row.set(1, Integer.toString(run / x.replications()));
                    kept.add(row);
                }
            }
            rewrite(runsFile, header, kept);
            if (!x.timeseries().isEmpty()) {
                List<List<String>> rows = new ArrayList<>();
                if (Files.exists(seriesFile)) {
                    List<String> sh = seriesHeader(x);
                    for (CSVRecord r : completeRecords(seriesFile, sh)) {
                        int run = runId(r.get(0), total);
                        if (run >= 0 && r.size() == sh.size() && done.get(run)) {
                            rows.add(r.toList());
                        }
                    }
                }
                rewrite(seriesFile, seriesHeader(x), rows);
            }
        } else {
            rewrite(runsFile, header, List.of());
            if (!x.timeseries().isEmpty()) {
                rewrite(seriesFile, seriesHeader(x), List.of());
            }
        }
        CSVPrinter runs = append(runsFile);
        CSVPrinter series = x.timeseries().isEmpty() ? null : append(seriesFile);
        return new RunsJournal(x, runs, series, done);
    }

    /** The runs already finished without error (from an earlier attempt). */
    public BitSet done() {
        return (BitSet) done.clone();
    }

    /**
     * Writes and flushes one run: its series first, then its row, so a row in runs.csv means the run is complete.
     * After {@link #stop} nothing is written.
     */
    public synchronized void record(Row r) throws IOException {
        if (stopped) {
            return;
        }
        if (series != null && r.days() != null) {
            printSeries(x, r, series);
            series.flush();
        }
        printRun(r, runs);
        runs.flush();
        if (r.error() == null) {
            kept++;
        } else {
            failed++;
        }
    }

    /**
     * Writes no more rows (the process is going down, e.g. on Ctrl-C): waits for a row being written to be complete,
     * so runs.csv and timeseries.csv end on whole lines; returns what runs.csv then holds.
     */
    public synchronized Count stop() {
        stopped = true;
        return count();
    }

    /** What runs.csv holds now. */
    public synchronized Count count() {
        return new Count(kept, failed);
    }

    /** How runs.csv and timeseries.csv are written (and parts of them elsewhere, e.g. by a Spark sweep). */
    public static CSVFormat format() {
        return FORMAT;
    }

    /** Prints the rows of timeseries.csv of run {@code r} (none for a failed run). */
    public static void printSeries(Experiment x, Row r, CSVPrinter series) throws IOException {
        if (r.days() == null) {
            return;
        }
        for (DayReport d : r.days()) {
            List<Object> cells = new ArrayList<>(List.of(r.run(), d.day(), d.date()));
            for (String c : x.timeseries()) {
                cells.add((long) Measure.NATIONAL.get(c).applyAsDouble(d)); // counts: written whole
            }
            series.printRecord(cells);
        }
    }

    /** Prints the row of runs.csv of run {@code r}. */
    public static void printRun(Row r, CSVPrinter runs) throws IOException {
        List<Object> cells = new ArrayList<>(List.of(r.run(), r.point().index(), r.replication(), r.seed()));
        r.point().levels().forEach(l -> cells.add(l.text()));
        for (double m : r.metrics()) {
            cells.add(cell(m));
        }
        cells.add(String.format(Locale.ROOT, "%.3f", r.wallSeconds()));
        cells.add(r.error() == null ? "" : r.error());
        runs.printRecord(cells);
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            runs.close();
        } finally {
            if (series != null) {
                series.close();
            }
        }
    }

    /** A metric's cell: empty when it did not occur, whole numbers without a decimal point. */
    public static String cell(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).toPlainString();
    }

    /** The records of a journal up to its last complete line (a crash may leave half a row after it). */
    static List<CSVRecord> completeRecords(Path file, List<String> header) throws IOException, ScenarioException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        text = end < 0 ? "" : text.substring(0, end + 1);
        try (Reader in = new StringReader(text); CSVParser p = FORMAT.parse(in)) {
            List<CSVRecord> records = p.getRecords();
            if (records.isEmpty()) {
                return List.of();
            }
            if (!records.get(0).toList().equals(header)) {
                throw new ScenarioException(file.toString(), "its columns are not this experiment's: " + header);
            }
            return records.subList(1, records.size());
        } catch (java.io.UncheckedIOException e) {
            throw new ScenarioException(file.toString(), "unreadable: " + e.getMessage());
        }
    }

    /** A row's run number, from its point and replication columns; -1 when they name no run of {@code x}. */
    private static int runOf(CSVRecord r, Experiment x, int total) {
        if (r.size() < 3) {
            return -1;
        }
        try {
            int point = Integer.parseInt(r.get(1)), replication = Integer.parseInt(r.get(2));
            if (point < 0 || replication < 0 || replication >= x.replications()) {
                return -1;
            }
            long run = (long) point * x.replications() + replication;
            return run < total ? (int) run : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The factorial design's points by their factors' values (level texts, as runs.csv writes them). */
    private static Map<List<String>, Point> byValues(List<Point> points) {
        Map<List<String>, Point> out = new HashMap<>();
        for (Point p : points) {
            out.put(p.levels().stream().map(Level::text).toList(), p);
        }
        return out;
    }

    /**
     * A factorial row's run number, from its factors' values and its replication; -1 when they name no run of
     * {@code x}, or when its seed is not the one {@code x} gives that run (it is then no run of this design: run again).
     */
    private static int runOf(CSVRecord r, Experiment x, Map<List<String>, Point> byValues) {
        int k = x.factors().size();
        if (r.size() < 4 + k) {
            return -1;
        }
        Point p = byValues.get(r.toList().subList(4, 4 + k));
        try {
            int replication = Integer.parseInt(r.get(2));
            if (p == null || replication < 0 || replication >= x.replications()
                    || Long.parseLong(r.get(3)) != x.seedOf(p, replication)) {
                return -1;
            }
            return Math.toIntExact((long) p.index() * x.replications() + replication);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int runId(String s, int total) {
        try {
            int run = Integer.parseInt(s);
            return run >= 0 && run < total ? run : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void rewrite(Path file, List<String> header, List<List<String>> rows) throws IOException {
        DerivedFile.write(file, w -> {
            try (CSVPrinter p = new CSVPrinter(w, FORMAT)) {
                p.printRecord(header);
                for (List<String> r : rows) {
                    p.printRecord(r);
                }
            }
        });
    }

    private static CSVPrinter append(Path file) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return new CSVPrinter(w, FORMAT);
    }
}
