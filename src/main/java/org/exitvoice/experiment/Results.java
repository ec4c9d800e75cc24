package org.exitvoice.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.exitvoice.scenario.ScenarioException;

/**
 * The metric values of a sweep, read back from runs.csv once the runs are done (the runs themselves never keep
 * them): one number per run and metric, NaN where the run failed or the metric did not occur.
 */
public final class Results {
    private final Experiment x;
    private final List<Point> points;
    private final double[] values; // [run * metrics + metric]
    private final BitSet ok;

    private Results(Experiment x, List<Point> points, double[] values, BitSet ok) {
        this.x = x;
        this.points = points;
        this.values = values;
        this.ok = ok;
    }

    /** Reads {@code runs.csv}; the first successful row of each run counts. */
    public static Results read(Path runsCsv, Experiment x, List<Point> points) throws IOException, ScenarioException {
        int runs = points.size() * x.replications();
        int m = x.metrics().size();
        double[] values = new double[runs * m];
        Arrays.fill(values, Double.NaN);
        BitSet ok = new BitSet(runs);
        List<String> header = RunsJournal.header(x);
        int firstMetric = 4 + x.factors().size();
        for (CSVRecord r : RunsJournal.completeRecords(runsCsv, header)) {
            if (r.size() != header.size() || !r.get(header.size() - 1).isEmpty()) {
                continue;
            }
            int run;
            try {
                run = Integer.parseInt(r.get(0));
            } catch (NumberFormatException e) {
                continue; // a row mangled by hand: not a run
            }
            if (run < 0 || run >= runs || ok.get(run)) {
                continue;
            }
            ok.set(run);
            for (int j = 0; j < m; j++) {
                String c = r.get(firstMetric + j);
                values[run * m + j] = number(c);
            }
        }
        return new Results(x, points, values, ok);
    }

    private static double number(String cell) {
        try {
            return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The experiment these results belong to. */
    public Experiment experiment() {
        return x;
    }

    /** The design's points. */
    public List<Point> points() {
        return points;
    }

    /** Runs that finished without error. */
    public int succeeded() {
        return ok.cardinality();
    }

    /** Metric {@code metric} of every replication at {@code point} (NaN for a failed run or a metric that did not occur). */
    public double[] at(int point, int metric) {
        int r = x.replications();
        int m = x.metrics().size();
        double[] out = new double[r];
        for (int i = 0; i < r; i++) {
            out[i] = values[(point * r + i) * m + metric];
        }
        return out;
    }

    /** The share of metric {@code metric}'s variance between replications at the same point ({@link NoiseShare}). */
    public double noiseShare(int metric) {
        double[][] byPoint = new double[points.size()][];
        for (int p = 0; p < byPoint.length; p++) {
            byPoint[p] = at(p, metric);
        }
        return NoiseShare.of(byPoint);
    }

    /** The statistics of every metric at every point: {@code [point][metric]}. */
    public SampleStats[][] stats() {
        SampleStats[][] s = new SampleStats[points.size()][x.metrics().size()];
        for (int p = 0; p < points.size(); p++) {
            for (int j = 0; j < x.metrics().size(); j++) {
                s[p][j] = SampleStats.of(at(p, j));
            }
        }
        return s;
    }
}
