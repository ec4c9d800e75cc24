package org.exitvoice.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.exitvoice.experiment.Experiment;
import org.exitvoice.experiment.RunsJournal;
import org.exitvoice.scenario.ScenarioException;

/**
 * The rows a Spark sweep has so far: runs.csv (with timeseries.csv) when there is one, from an earlier merge or a
 * local {@code sweep}, and the part files of the batches that finished since. A run may have rows in several of them
 * (a run that failed and was run again; a batch written twice): its row is the first one without error, else the
 * last error, and its series rows come from the same place. Parts are read in name order: session, then first run.
 */
final class Parts {
    private Parts() {
    }

    /** One source of rows and the series that go with them. */
    record Source(String runs, String series) {
    }

    /** Which source gives each run its row, and whether that row is a success. */
    record Choice(int[] source, BitSet ok) {
        /** Runs with a row without error: done. */
        BitSet done() {
            return (BitSet) ok.clone();
        }
    }

    /** What the merge wrote. */
    record Merged(int rows, int errors, int missing) {
    }

    /** runs.csv first when it exists, then the runs parts in name order. */
    static List<Source> sources(OutputFolder out) throws IOException {
        List<Source> s = new ArrayList<>();
        if (out.isFile(RunsJournal.RUNS)) {
            s.add(new Source(RunsJournal.RUNS, RunsJournal.TIMESERIES));
        }
        List<String> parts = new ArrayList<>(out.list(Batch.PARTS).stream().filter(n -> Batch.seriesOf(n) != null).toList());
        parts.sort(null);
        for (String p : parts) {
            s.add(new Source(Batch.PARTS + "/" + p, Batch.PARTS + "/" + Batch.seriesOf(p)));
        }
        return s;
    }

    /** Reads the runs of every source (not the series) and picks each run's row. */
    static Choice choose(OutputFolder out, Experiment x, List<Source> sources) throws IOException, ScenarioException {
        int total = Math.toIntExact(x.design().size(x.factors()) * x.replications());
        int[] from = new int[total];
        Arrays.fill(from, -1);
        BitSet ok = new BitSet(total);
        List<String> header = RunsJournal.header(x);
        for (int i = 0; i < sources.size(); i++) {
            for (CSVRecord r : runs(out, sources.get(i).runs(), header)) {
                int run = runId(r, header.size(), total);
                if (run < 0 || ok.get(run)) {
                    continue;
                }
                from[run] = i;
                if (r.get(header.size() - 1).isEmpty()) {
                    ok.set(run);
                }
            }
        }
        return new Choice(from, ok);
    }

    /**
     * Writes {@code dir/runs.csv} (and timeseries.csv) with each run's chosen row, in source order: sorted by run for
     * a sweep done in one job, as the parts hold consecutive runs.
     */
    static Merged merge(OutputFolder out, Experiment x, List<Source> sources, Choice choice, Path dir)
            throws IOException, ScenarioException {
        List<String> header = RunsJournal.header(x);
        List<String> seriesHeader = RunsJournal.seriesHeader(x);
        int total = choice.source().length;
        int rows = 0;
        int errors = 0;
        Files.createDirectories(dir);
        try (Writer w = Files.newBufferedWriter(dir.resolve(RunsJournal.RUNS), StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, RunsJournal.format())) {
            p.printRecord(header);
            BitSet written = new BitSet(total);
            for (int i = 0; i < sources.size(); i++) {
                for (CSVRecord r : runs(out, sources.get(i).runs(), header)) {
                    int run = runId(r, header.size(), total);
                    if (run < 0 || choice.source()[run] != i || written.get(run)) {
                        continue;
                    }
                    boolean success = r.get(header.size() - 1).isEmpty();
                    if (success != choice.ok().get(run)) {
                        continue; // the other row of this run in the same source
                    }
                    written.set(run);
                    p.printRecord(r.toList());
                    rows++;
                    errors += success ? 0 : 1;
                }
            }
        }
        if (!x.timeseries().isEmpty()) {
            try (Writer w = Files.newBufferedWriter(dir.resolve(RunsJournal.TIMESERIES), StandardCharsets.UTF_8);
                 CSVPrinter p = new CSVPrinter(w, RunsJournal.format())) {
                p.printRecord(seriesHeader);
                for (int i = 0; i < sources.size(); i++) {
                    String name = sources.get(i).series();
                    if (!out.isFile(name)) {
                        continue;
                    }
                    copySeries(out, name, seriesHeader, choice, i, p);
                }
            }
        }
        return new Merged(rows, errors, total - rows);
    }

    /** The series rows of the runs whose (successful) row comes from source {@code i}, streamed. */
    private static void copySeries(OutputFolder out, String name, List<String> header, Choice choice, int i, CSVPrinter p)
            throws IOException, ScenarioException {
        int total = choice.source().length;
        try (Reader in = new BufferedReader(new InputStreamReader(out.open(name), StandardCharsets.UTF_8));
             CSVParser csv = RunsJournal.format().parse(in)) {
            boolean first = true;
            for (CSVRecord r : csv) {
                if (first) {
                    checkHeader(out, name, r, header);
                    first = false;
                    continue;
                }
                // a half-written last line (a local sweep's crash) belongs to a run without a row: dropped here
                int run = runId(r, header.size(), total);
                if (run >= 0 && choice.source()[run] == i && choice.ok().get(run)) {
                    p.printRecord(r.toList());
                }
            }
        } catch (UncheckedIOException e) {
            throw new ScenarioException(out.shown() + "/" + name, "unreadable: " + e.getMessage());
        }
    }

    /** The records of a runs file up to its last complete line, its header checked. */
    private static List<CSVRecord> runs(OutputFolder out, String name, List<String> header)
            throws IOException, ScenarioException {
        String text = new String(out.read(name), StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        text = end < 0 ? "" : text.substring(0, end + 1);
        try (Reader in = new StringReader(text); CSVParser p = RunsJournal.format().parse(in)) {
            List<CSVRecord> records = p.getRecords();
            if (records.isEmpty()) {
                return List.of();
            }
            checkHeader(out, name, records.get(0), header);
            return records.subList(1, records.size());
        } catch (UncheckedIOException e) {
            throw new ScenarioException(out.shown() + "/" + name, "unreadable: " + e.getMessage());
        }
    }

    private static void checkHeader(OutputFolder out, String name, CSVRecord r, List<String> header) throws ScenarioException {
        if (!r.toList().equals(header)) {
            throw new ScenarioException(out.shown() + "/" + name, "its columns are not this experiment's: " + header);
        }
    }

    /** The run id of a complete row, or -1. */
    private static int runId(CSVRecord r, int columns, int total) {
        if (r.size() != columns) {
            return -1;
        }
        try {
            int run = Integer.parseInt(r.get(0));
            return run >= 0 && run < total ? run : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
