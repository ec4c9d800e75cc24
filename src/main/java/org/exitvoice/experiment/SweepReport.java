package org.exitvoice.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVRecord;
import org.exitvoice.output.Manifest;
import org.exitvoice.output.Report;
import org.jfree.chart.JFreeChart;

/**
 * report.html of a sweep, like a run's: the design, the summary per point, the time series of each point as bands,
 * every chart of the folder inline (heat maps, Sobol, Morris, PRIM), links to the tables. Written from the folder's
 * files, so it is rewritten whenever they change (a resume, a PRIM analysis).
 */
public final class SweepReport {
    /** The report's file name. */
    public static final String FILE = "report.html";

    /** Points shown in the summary table; summary.csv has all. */
    static final int MAX_TABLE_POINTS = 60;

    /** Points drawn as bands in one time-series chart: more would be unreadable. */
    static final int MAX_BAND_POINTS = 8;

    private static final String PREFIX = "timeseries_";

    private SweepReport() {
    }

    /**
     * Draws charts/timeseries_COLUMN (each chosen national column over time: one band per point, 5–95 % of its
     * replications, and its mean) when the sweep records time series.
     */
    static void timeseriesCharts(Experiment x, Path out, List<Point> points) throws IOException, org.exitvoice.scenario.ScenarioException {
        Path file = out.resolve(RunsJournal.TIMESERIES);
        if (x.timeseries().isEmpty() || !Files.isRegularFile(file)) {
            return;
        }
        int shown = Math.min(points.size(), MAX_BAND_POINTS), reps = x.replications();
        // points spread evenly over the design, its first and last included
        int[] which = new int[shown];
        int[] slot = new int[points.size()];
        Arrays.fill(slot, -1);
        for (int i = 0; i < shown; i++) {
            which[i] = shown == 1 ? 0 : (int) Math.round(i * (points.size() - 1) / (double) (shown - 1));
            slot[which[i]] = i;
        }
        // series[column][point][replication][day], filled from the journal (NaN where a run has no row)
        int days = x.days();
        double[][][][] v = new double[x.timeseries().size()][shown][reps][days];
        for (double[][][] c : v) {
            for (double[][] p : c) {
                for (double[] r : p) {
                    Arrays.fill(r, Double.NaN);
                }
            }
        }
        List<LocalDate> dates = new ArrayList<>();
        LocalDate start = x.base().scenario().start();
        for (int d = 0; d < days; d++) {
            dates.add(start.plusDays(d));
        }
        for (CSVRecord r : RunsJournal.completeRecords(file, RunsJournal.seriesHeader(x))) {
            int run = Integer.parseInt(r.get(0)), day = Integer.parseInt(r.get(1));
            int point = run / reps;
            if (point >= points.size() || slot[point] < 0 || day < 0 || day >= days) {
                continue;
            }
            for (int c = 0; c < x.timeseries().size(); c++) {
                v[c][slot[point]][run % reps][day] = Double.parseDouble(r.get(3 + c));
            }
        }
        for (int c = 0; c < x.timeseries().size(); c++) {
            List<String> names = new ArrayList<>();
            List<double[][]> bands = new ArrayList<>();
            for (int p = 0; p < shown; p++) {
                names.add(pointName(x, points.get(which[p])));
                double[][] meanLoHi = new double[3][days];
                for (int d = 0; d < days; d++) {
                    double[] day = new double[reps];
                    int n = 0;
                    for (int i = 0; i < reps; i++) {
                        if (!Double.isNaN(v[c][p][i][d])) {
                            day[n++] = v[c][p][i][d];
                        }
                    }
                    SampleStats s = SampleStats.of(Arrays.copyOf(day, n));
                    meanLoHi[0][d] = s.mean();
                    meanLoHi[1][d] = s.q05();
                    meanLoHi[2][d] = s.q95();
                }
                bands.add(meanLoHi);
            }
            String col = x.timeseries().get(c);
            JFreeChart chart = ExperimentCharts.overTime(col + " by design point",
                    String.format(Locale.ROOT, "Mean and 5–95 %% band over %d replication%s%s", reps, reps == 1 ? "" : "s",
                            shown < points.size() ? String.format(Locale.ROOT, "; %d of %d points, spread over the design",
                                    shown, points.size()) : ""),
                    col, names, dates, bands);
            ExperimentCharts.write(chart, out.resolve("charts"), PREFIX + col);
        }
    }

    /** A point in words: {@code exitList.coverage=0.5 enforcement.intensity=1}. */
    static String pointName(Experiment x, Point p) {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < x.factors().size(); i++) {
            s.add(x.factors().get(i).key() + "=" + p.levels().get(i).text());
        }
        return String.join(" ", s);
    }

    /** Writes report.html into the sweep's folder {@code out}, from its files and {@code results}. */
    public static void write(Path out, Results results, SampleStats[][] stats) throws IOException {
        Experiment x = results.experiment();
        List<Point> points = results.points();
        StringBuilder h = new StringBuilder(256 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>exitvoice sweep: ").append(esc(x.name())).append("</title>\n")
                .append("<style>\n").append(Report.CSS).append("small.band { color: #666; }\n</style>\n</head>\n<body>\n<main>\n");
        h.append("<h1>Sweep: ").append(esc(x.name())).append("</h1>\n<p class=\"lede\">")
                .append(esc(x.design().describe())).append(", ").append(String.format(Locale.ROOT, "%,d", points.size()))
                .append(" points &times; ").append(x.replications()).append(" replication").append(x.replications() == 1 ? "" : "s")
                .append(" = ").append(String.format(Locale.ROOT, "%,d", (long) points.size() * x.replications()))
                .append(" runs; seeds by ").append(esc(x.seeding())).append(".</p>\n");

        h.append("<h2>The experiment</h2>\n<table>\n");
        row(h, "Scenario", "<code>" + esc(x.scenarioFile().toString()) + "</code>");
        row(h, "Design", esc(x.design().describe()));
        for (Factor f : x.factors()) {
            row(h, "Factor", "<code>" + esc(f.key()) + "</code> " + esc(f.isRange()
                    ? ExperimentCharts.compact(f.min()) + " to " + ExperimentCharts.compact(f.max())
                            + (f.steps() > 0 ? ", " + f.steps() + " steps" : "")
                    : f.levels().stream().map(Level::text).toList().toString()));
        }
        row(h, "Replications", Integer.toString(x.replications()));
        row(h, "Base seed", Long.toString(x.seed()));
        row(h, "Scale", x.scale() + " persons per agent");
        row(h, "Days", Integer.toString(x.days()));
        long total = (long) points.size() * x.replications();
        row(h, "Runs done", String.format(Locale.ROOT, "%,d of %,d without error", results.succeeded(), total));
        row(h, "exitvoice version", esc(Manifest.version(null)));
        h.append("</table>\n");

        summary(h, x, points, stats);
        charts(h, out.resolve("charts"));

        h.append("<h2>Data</h2>\n<ul class=\"files\">\n");
        Map<String, String> files = new LinkedHashMap<>();
        files.put(RunsJournal.RUNS, "one row per run: point, replication, seed, factor values, metrics, wall time, error");
        files.put(SummaryTables.SUMMARY, "per point and metric: n, mean, sd, 5/50/95 % quantiles over the replications");
        files.put(SummaryTables.SOBOL, "first-order and total Sobol indices with 90 % intervals, and the noise share");
        files.put(SummaryTables.MORRIS, "Morris mu*, mu and sigma per metric and factor");
        files.put(ScenarioDiscovery.TABLE, "the last PRIM analysis: the peeling trajectory and each box's limits");
        files.put(RunsJournal.TIMESERIES, "the national series of every run, one row per run and day");
        files.put(Sweep.EXPERIMENT, "the experiment as run: ./exitvoice sweep OUT/experiment.yaml reruns it");
        files.put(Sweep.MANIFEST, "the experiment's hash, design, sizes, version");
        for (Map.Entry<String, String> e : files.entrySet()) {
            if (Files.isRegularFile(out.resolve(e.getKey()))) {
                h.append("<li><a href=\"").append(e.getKey()).append("\">").append(e.getKey()).append("</a> &mdash; ")
                        .append(esc(e.getValue())).append("</li>\n");
            }
        }
        if (Files.isDirectory(out.resolve(Sweep.KEPT))) {
            try (DirectoryStream<Path> kept = Files.newDirectoryStream(out.resolve(Sweep.KEPT))) {
                List<String> names = new ArrayList<>();
                kept.forEach(p -> names.add(p.getFileName().toString()));
                names.sort(null);
                for (String n : names) {
                    h.append("<li><a href=\"").append(Sweep.KEPT).append('/').append(esc(n)).append("/report.html\">")
                            .append(esc(n)).append("</a> &mdash; a kept run's own report</li>\n");
                }
            }
        }
        h.append("</ul>\n<footer>Written by exitvoice ").append(esc(Manifest.version(null)))
                .append(". Counts are persons (agents &times; scale).</footer>\n</main>\n</body>\n</html>\n");
        DerivedFile.writeString(out.resolve(FILE), h.toString());
    }

    /** The summary: a row per point (the first {@link #MAX_TABLE_POINTS}), each metric's mean and 5–95 % range. */
    private static void summary(StringBuilder h, Experiment x, List<Point> points, SampleStats[][] stats) {
        h.append("<h2>Summary</h2>\n<p class=\"lede\">Each metric's mean over the replications of a point, and below it the"
                + " range from the 5 % to the 95 % replication");
        if (points.size() > MAX_TABLE_POINTS) {
            h.append(String.format(Locale.ROOT, "; the first %d of %,d points (summary.csv has all)", MAX_TABLE_POINTS,
                    points.size()));
        }
        h.append(".</p>\n<table>\n<tr><th>point</th>");
        x.factors().forEach(f -> h.append("<th><code>").append(esc(f.key())).append("</code></th>"));
        x.metrics().forEach(m -> h.append("<th><code>").append(esc(m.expression())).append("</code></th>"));
        h.append("</tr>\n");
        for (int p = 0; p < Math.min(points.size(), MAX_TABLE_POINTS); p++) {
            h.append("<tr><td class=\"num\">").append(p).append("</td>");
            for (Level l : points.get(p).levels()) {
                h.append("<td class=\"num\">").append(esc(l.text())).append("</td>");
            }
            for (SampleStats s : stats[p]) {
                h.append("<td class=\"num\">").append(s.n() == 0 ? "" : esc(ExperimentCharts.compact(s.mean())));
                if (s.n() > 1) {
                    h.append("<br><small class=\"band\">").append(esc(ExperimentCharts.compact(s.q05()) + "–"
                            + ExperimentCharts.compact(s.q95()))).append("</small>");
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /** Every chart of the folder inline, from its SVG, with links to the PNG and the SVG. */
    private static void charts(StringBuilder h, Path dir) throws IOException {
        Map<String, String> svgs = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.svg")) {
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    if (!name.startsWith(".")) { // a chart being written
                        svgs.put(name.substring(0, name.length() - 4), Files.readString(f, StandardCharsets.UTF_8));
                    }
                }
            }
        }
        if (svgs.isEmpty()) {
            return;
        }
        h.append("<h2>Charts</h2>\n");
        for (Map.Entry<String, String> e : svgs.entrySet()) {
            String svg = e.getValue();
            int at = svg.indexOf("<svg");
            h.append("<figure id=\"").append(esc(e.getKey())).append("\">\n").append(at < 0 ? "" : svg.substring(at).strip())
                    .append("\n<figcaption>").append(esc(e.getKey()))
                    .append(" &middot; <a href=\"charts/").append(esc(e.getKey())).append(".png\">PNG</a>")
                    .append(" &middot; <a href=\"charts/").append(esc(e.getKey())).append(".svg\">SVG</a></figcaption>\n</figure>\n");
        }
    }

    private static void row(StringBuilder h, String label, String valueHtml) {
        h.append("<tr><th>").append(esc(label)).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }

    private static String esc(String s) {
        return Report.esc(s);
    }
}
