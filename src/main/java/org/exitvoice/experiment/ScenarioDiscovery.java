package org.exitvoice.experiment;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.exitvoice.scenario.ScenarioException;

/**
 * Scenario discovery on a finished sweep: which ranges of the factors lead to the runs of interest (a metric above or
 * below a threshold), found by {@link Prim} over the sweep's runs and written as prim.csv and a chart.
 */
public final class ScenarioDiscovery {

    /** File names inside the sweep's folder. */
    public static final String TABLE = "prim.csv", CHART_PREFIX = "prim_";

    /** Which runs are of interest: those whose metric lies above (or below) the threshold. */
    public record Rule(boolean above, double threshold) {
        boolean holds(double v) {
            return above ? v > threshold : v < threshold;
        }

        @Override
        public String toString() {
            return (above ? "> " : "< ") + Metric.number(threshold);
        }
    }

    /** How PRIM peels and which box it reports; {@code box} -1 chooses by {@code minCoverage}. */
    public record Settings(double alpha, double minMass, boolean paste, int box, double minCoverage) {
    }

    /**
     * What was found: the trajectory (and the pasted box last, when pasting), which box is reported, the factors
     * PRIM could use and those it left out (not numbers), and how many runs gave no value of the metric.
     */
    public record Finding(Metric metric, Rule rule, Prim prim, List<Prim.Box> boxes, int chosen, boolean pasted,
                          List<Factor> factors, List<String> leftOut, int runs, int missing) {
        /** The reported box. */
        public Prim.Box box() {
            return boxes.get(chosen);
        }

        /** The reported box's limits in words: {@code exitList.coverage 0.25..1, enforcement.intensity 0..0.5}. */
        public String limits() {
            List<String> out = new ArrayList<>();
            Prim.Box b = box();
            for (int j = 0; j < factors.size(); j++) {
                if (prim.restricts(b, j)) {
                    out.add(factors.get(j).key() + " " + ExperimentCharts.compact(b.lo()[j]) + ".."
                            + ExperimentCharts.compact(b.hi()[j]));
                }
            }
            return out.isEmpty() ? "no factor limited (every run)" : String.join(", ", out);
        }
    }

    private ScenarioDiscovery() {
    }

    /** Finds the metric among the experiment's, by its expression as written or by its column name in runs.csv. */
    public static int metricIndex(Experiment x, String metric) throws ScenarioException {
        List<Metric> ms = x.metrics();
        for (int j = 0; j < ms.size(); j++) {
            if (ms.get(j).expression().equals(metric.strip()) || ms.get(j).name().equals(metric.strip())) {
                return j;
            }
        }
        throw new ScenarioException("--metric", "'" + metric + "' is not a metric of this sweep; its metrics: "
                + String.join(", ", ms.stream().map(Metric::expression).toList()));
    }

    /**
     * Runs PRIM over the sweep's successful runs: one row per run, its point's numeric factor values, of interest when
     * its metric satisfies {@code rule}.
     *
     * @throws ScenarioException when no factor is a number, no run gave the metric, or no run (or every run) is of
     *                           interest
     */
    public static Finding find(Results results, int metric, Rule rule, Settings s) throws ScenarioException {
        Experiment x = results.experiment();
        List<Factor> used = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (int i = 0; i < x.factors().size(); i++) {
            int col = i;
            if (results.points().stream().allMatch(p -> p.levels().get(col).numeric())) {
                used.add(x.factors().get(i));
                columns.add(i);
            } else {
                leftOut.add(x.factors().get(i).key());
            }
        }
        if (used.isEmpty()) {
            throw new ScenarioException(null, "no factor of this sweep is a number (" + String.join(", ", leftOut)
                    + "): PRIM's boxes need numbers");
        }
        List<double[]> rows = new ArrayList<>();
        List<Boolean> interest = new ArrayList<>();
        int missing = 0;
        for (Point p : results.points()) {
            for (double v : results.at(p.index(), metric)) {
                if (Double.isNaN(v)) {
                    missing++;
                    continue;
                }
                double[] row = new double[columns.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = p.levels().get(columns.get(c)).number();
                }
                rows.add(row);
                interest.add(rule.holds(v));
            }
        }
        Metric m = x.metrics().get(metric);
        long cases = interest.stream().filter(b -> b).count();
        if (rows.isEmpty()) {
            throw new ScenarioException("--metric", "no run of this sweep gave a value of " + m.expression());
        }
        if (cases == 0 || cases == rows.size()) {
            throw new ScenarioException(rule.above() ? "--above" : "--below", (cases == 0 ? "no" : "every")
                    + " run of " + rows.size() + " has " + m.expression() + " " + rule + "; choose a threshold between"
                    + " its values");
        }
        boolean[] y = new boolean[interest.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = interest.get(i);
        }
        Prim prim = new Prim(rows.toArray(double[][]::new), y);
        List<Prim.Box> boxes = new ArrayList<>(prim.peel(s.alpha(), s.minMass()));
        int chosen;
        if (s.box() >= 0) {
            if (s.box() >= boxes.size()) {
                throw new ScenarioException("--box", s.box() + " is past the last box, " + (boxes.size() - 1));
            }
            chosen = s.box();
        } else {
            chosen = Prim.choose(boxes, s.minCoverage());
        }
        if (s.paste()) {
            boxes.add(prim.paste(boxes.get(chosen), s.alpha()));
            chosen = boxes.size() - 1;
        }
        return new Finding(m, rule, prim, boxes, chosen, s.paste(), used, leftOut, rows.size(), missing);
    }

    /** The columns of prim.csv before the factors' limits. */
    public static final List<String> COLUMNS = List.of("metric", "rule", "box", "step", "n", "cases", "mass", "coverage",
            "density", "restricted", "chosen");

    /** Writes prim.csv (the trajectory, one box a row, each factor's limits) and the chart into the sweep's folder. */
    public static void write(Finding f, Path dir) throws IOException {
        DerivedFile.write(dir.resolve(TABLE), w -> {
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
                List<String> header = new ArrayList<>(COLUMNS);
                for (Factor factor : f.factors()) {
                    header.add(factor.key() + "_min");
                    header.add(factor.key() + "_max");
                }
                p.printRecord(header);
                for (int i = 0; i < f.boxes().size(); i++) {
                    Prim.Box b = f.boxes().get(i);
                    List<Object> row = new ArrayList<>(List.of(f.metric().expression(), f.rule().toString(), i,
                            f.pasted() && i == f.boxes().size() - 1 ? "paste" : "peel", b.n(), b.cases(), number(b.mass()),
                            number(b.coverage()), number(b.density()), f.prim().restricted(b), i == f.chosen()));
                    for (int j = 0; j < f.factors().size(); j++) {
                        row.add(Metric.number(b.lo()[j]));
                        row.add(Metric.number(b.hi()[j]));
                    }
                    p.printRecord(row);
                }
            }
        });
        Files.createDirectories(dir.resolve("charts"));
        ExperimentCharts.write(PrimChart.tradeOff(f), dir.resolve("charts"), CHART_PREFIX + f.metric().name());
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** The trajectory as console lines, then the reported box: each limit, and what dropping it would give. */
    public static List<String> lines(Finding f) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%4s %-5s %6s %6s %8s %8s %8s  %s", "box", "step", "n", "cases", "mass",
                "coverage", "density", "limited factors"));
        for (int i = 0; i < f.boxes().size(); i++) {
            Prim.Box b = f.boxes().get(i);
            out.add(String.format(Locale.ROOT, "%4d %-5s %6d %6d %8.3f %8.3f %8.3f  %d%s", i,
                    f.pasted() && i == f.boxes().size() - 1 ? "paste" : "peel", b.n(), b.cases(), b.mass(), b.coverage(),
                    b.density(), f.prim().restricted(b), i == f.chosen() ? "   <- reported" : ""));
        }
        Prim.Box b = f.box();
        out.add(String.format(Locale.ROOT, "box %d: coverage %.3f, density %.3f, %,d runs; its limits, and the box without"
                + " each:", f.chosen(), b.coverage(), b.density(), b.n()));
        for (int j = 0; j < f.factors().size(); j++) {
            if (f.prim().restricts(b, j)) {
                Prim.Box wider = f.prim().without(b, j);
                out.add(String.format(Locale.ROOT, "  %-28s %10s .. %-10s without it: coverage %.3f, density %.3f",
                        f.factors().get(j).key(), ExperimentCharts.compact(b.lo()[j]), ExperimentCharts.compact(b.hi()[j]),
                        wider.coverage(), wider.density()));
            }
        }
        return out;
    }
}
