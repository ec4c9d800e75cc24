package org.exitvoice.experiment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.jfree.chart.ChartUtilities;
import org.exitvoice.output.ChartStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.graphics2d.svg.SVGGraphics2D;
import org.jfree.graphics2d.svg.ViewBox;
import org.jfree.ui.RectangleEdge;
import org.jfree.ui.RectangleInsets;
import org.jfree.ui.TextAnchor;

import org.exitvoice.output.Charts;

/**
 * The charts of an experiment, PNG and SVG, in the look of a run's charts: for one factor each metric against it
 * with a 90 % band over replications; for two, a heatmap of each metric's mean; for Sobol designs, S1 and ST bars
 * with their intervals; for {@code compare}, national series of both scenarios with bands.
 */
public final class ExperimentCharts {

    private static final Color MISSING = new Color(0xEEEEEE);
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    /** Value labels are written into heatmap cells up to this many cells. */
    private static final int MAX_LABELLED_CELLS = 100;
    /** Bins per factor when a sampled (LHS) design is drawn as a heatmap. */
    private static final int MAX_BINS = 10;

    private final Results results;
    private final SampleStats[][] stats;

    /** Charts of {@code results}, with {@code stats} per point and metric. */
    public ExperimentCharts(Results results, SampleStats[][] stats) {
        this.results = results;
        this.stats = stats;
    }

    // ---------------------------------------------------------------- one factor

    /** For each metric, {@code charts/METRIC.png|svg}: mean against the factor, band from the 5 % to the 95 % replication. */
    public void oneFactor(Path dir) throws IOException {
        Experiment x = results.experiment();
        Factor f = x.factors().get(0);
        List<Point> points = new ArrayList<>(results.points());
        boolean numeric = points.stream().allMatch(p -> p.levels().get(0).numeric());
        if (numeric) {
            points.sort(Comparator.comparingDouble(p -> p.levels().get(0).number()));
        }
        for (int j = 0; j < x.metrics().size(); j++) {
            Metric m = x.metrics().get(j);
            YIntervalSeries s = new YIntervalSeries("Mean of " + x.replications() + " replications");
            for (int i = 0; i < points.size(); i++) {
                Point p = points.get(i);
                SampleStats st = stats[p.index()][j];
                if (st.n() > 0) {
                    s.add(numeric ? p.levels().get(0).number() : i, st.mean(), st.q05(), st.q95());
                }
            }
            ValueAxis xAxis = numeric ? numberAxis(f.key(), false)
                    : new SymbolAxis(f.key(), points.stream().map(p -> p.levels().get(0).text()).toArray(String[]::new));
            XYPlot plot = new XYPlot(new YIntervalSeriesCollection(), xAxis, numberAxis(m.name(), true), band(1));
            ((YIntervalSeriesCollection) plot.getDataset()).addSeries(s);
            JFreeChart c = chart(m.expression() + " against " + f.key(), "Line: mean over n = " + x.replications()
                    + " replications at each value; band: 5 % to 95 % of replications (" + x.design().describe() + "; "
                    + x.seeding() + ")", plot, false);
            write(c, dir, m.name());
        }
    }

    // ---------------------------------------------------------------- two factors

    /** For each metric, {@code charts/METRIC.png|svg}: a heatmap of its mean over the two factors. */
    public void heatmaps(Path dir) throws IOException {
        Experiment x = results.experiment();
        Grid gx = grid(0);
        Grid gy = grid(1);
        for (int j = 0; j < x.metrics().size(); j++) {
            Metric m = x.metrics().get(j);
            double[][] sum = new double[gx.labels.length][gy.labels.length];
            double[][] sdSum = new double[gx.labels.length][gy.labels.length];
            int[][] count = new int[gx.labels.length][gy.labels.length];
            int fewest = Integer.MAX_VALUE;
            for (Point p : results.points()) {
                SampleStats st = stats[p.index()][j];
                if (st.n() > 0) {
                    int a = gx.cell(p.levels().get(0));
                    int b = gy.cell(p.levels().get(1));
                    sum[a][b] += st.mean();
                    sdSum[a][b] += Double.isFinite(st.sd()) ? st.sd() : 0;
                    count[a][b]++;
                    fewest = Math.min(fewest, st.n());
                }
            }
            int cells = gx.labels.length * gy.labels.length;
            double[][] xyz = new double[3][cells];
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (int a = 0, c = 0; a < gx.labels.length; a++) {
                for (int b = 0; b < gy.labels.length; b++, c++) {
                    double v = count[a][b] == 0 ? Double.NaN : sum[a][b] / count[a][b];
                    xyz[0][c] = a;
                    xyz[1][c] = b;
                    xyz[2][c] = v;
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            boolean empty = !(lo <= hi);
            if (empty) {
                lo = 0;
                hi = 1;
            }
            DefaultXYZDataset data = new DefaultXYZDataset();
            data.addSeries(m.name(), xyz);
            XYBlockRenderer r = new XYBlockRenderer();
            Viridis scale = new Viridis(lo, hi);
            r.setPaintScale(scale);
            SymbolAxis ax = new SymbolAxis(x.factors().get(0).key() + gx.note, gx.labels);
            SymbolAxis ay = new SymbolAxis(x.factors().get(1).key() + gy.note, gy.labels);
            ax.setGridBandsVisible(false);
            ay.setGridBandsVisible(false);
            XYPlot plot = new XYPlot(data, ax, ay, r);
            boolean spread = x.replications() > 1;
            if (cells <= MAX_LABELLED_CELLS) {
                for (int c = 0; c < cells; c++) {
                    if (Double.isFinite(xyz[2][c])) {
                        int a = (int) xyz[0][c], b = (int) xyz[1][c];
                        // the spread beside the mean: a difference between cells smaller than it may be luck
                        label(plot, compact(xyz[2][c]), a, spread ? b + 0.12 : b, 12, scale.dark(xyz[2][c]));
                        if (spread) {
                            label(plot, "± " + compact(sdSum[a][b] / count[a][b]), a, b - 0.16, 10, scale.dark(xyz[2][c]));
                        }
                    }
                }
            }
            boolean gaps = Arrays.stream(xyz[2]).anyMatch(v -> !Double.isFinite(v));
            if (empty) {
                XYTextAnnotation none = new XYTextAnnotation("No run gave a value (" + m.expression() + " never occurred)",
                        (gx.labels.length - 1) / 2.0, (gy.labels.length - 1) / 2.0);
                none.setFont(new Font(ChartStyle.FONT, Font.PLAIN, 16));
                none.setPaint(ChartStyle.INK);
                plot.addAnnotation(none);
            }
            String n = fewest == Integer.MAX_VALUE || fewest == x.replications() ? "n = " + x.replications()
                    : "n = " + fewest + " to " + x.replications();
            JFreeChart c = chart(m.expression(), (spread ? "Mean ± sd" : "Value") + " over " + n + " replication"
                    + (x.replications() == 1 ? "" : "s") + " at each combination (" + x.design().describe() + "; "
                    + x.seeding() + ")" + (gaps ? "; grey: no run gave a value" : ""), plot, false);
            c.getXYPlot().setDomainGridlinesVisible(false);
            c.getXYPlot().setRangeGridlinesVisible(false);
            NumberAxis legendAxis = numberAxis(m.name(), true);
            legendAxis.setRange(lo, lo == hi ? lo + 1 : hi);
            PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
            legend.setPosition(RectangleEdge.RIGHT);
            legend.setMargin(new RectangleInsets(4, 10, 4, 4));
            legend.setStripWidth(14);
            legend.setBackgroundPaint(Color.WHITE);
            ChartStyle.styleAxis(legendAxis);
            c.addSubtitle(legend);
            write(c, dir, m.name());
        }
    }

    private static void label(XYPlot plot, String text, double x, double y, int size, boolean onDark) {
        XYTextAnnotation t = new XYTextAnnotation(text, x, y);
        t.setFont(new Font(ChartStyle.FONT, Font.PLAIN, size));
        t.setPaint(onDark ? Color.WHITE : ChartStyle.INK);
        t.setTextAnchor(TextAnchor.CENTER);
        plot.addAnnotation(t);
    }

    /** A factor's cells: its levels in a factorial design, equal bins of its range in a sampled one. */
    private Grid grid(int factor) {
        Experiment x = results.experiment();
        Factor f = x.factors().get(factor);
        if (x.design() instanceof Design.Factorial || !f.isRange()) {
            List<Level> levels = x.design() instanceof Design.Factorial ? f.grid() : f.levels();
            return new Grid(levels.stream().map(Level::text).toArray(String[]::new), levels, 0, 0, "");
        }
        int bins = Math.max(2, Math.min(MAX_BINS, (int) Math.sqrt(results.points().size() / 2.0)));
        String[] labels = new String[bins];
        for (int i = 0; i < bins; i++) {
            labels[i] = compact(f.min() + (f.max() - f.min()) * (i + 0.5) / bins);
        }
        return new Grid(labels, null, f.min(), f.max(), " (bin centres)");
    }

    private record Grid(String[] labels, List<Level> levels, double min, double max, String note) {
        int cell(Level l) {
            if (levels != null) {
                return levels.indexOf(l);
            }
            int b = (int) Math.floor((l.number() - min) / (max - min) * labels.length);
            return Math.max(0, Math.min(labels.length - 1, b));
        }
    }

    /** Viridis (matplotlib's perceptually uniform map), interpolated between a few of its stops. */
    private static final class Viridis implements PaintScale {
        private static final Color[] STOPS = {new Color(0x440154), new Color(0x414487), new Color(0x2A788E),
                new Color(0x22A884), new Color(0x7AD151), new Color(0xFDE725)};
        private final double lo, hi;

        Viridis(double lo, double hi) {
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        public double getLowerBound() {
            return lo;
        }

        @Override
        public double getUpperBound() {
            return lo == hi ? lo + 1 : hi;
        }

        @Override
        public Paint getPaint(double v) {
            if (!Double.isFinite(v)) {
                return MISSING;
            }
            double t = hi > lo ? Math.max(0, Math.min(1, (v - lo) / (hi - lo))) : 0.5;
            double at = t * (STOPS.length - 1);
            int i = Math.min(STOPS.length - 2, (int) Math.floor(at));
            double w = at - i;
            Color a = STOPS[i], b = STOPS[i + 1];
            return new Color((int) Math.round(a.getRed() + w * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + w * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + w * (b.getBlue() - a.getBlue())));
        }

        /** Whether a cell of this value is dark enough to need white text. */
        boolean dark(double v) {
            return hi > lo && (v - lo) / (hi - lo) < 0.55;
        }
    }

    // ---------------------------------------------------------------- Sobol

    /** For each metric, {@code charts/sobol_METRIC.png|svg}: S1 and ST per factor, whiskers for the 90 % intervals. */
    public void sobol(List<List<SobolIndices.Index>> indices, Path dir) throws IOException {
        Experiment x = results.experiment();
        String[] names = x.factors().stream().map(Factor::key).toArray(String[]::new);
        for (int j = 0; j < x.metrics().size(); j++) {
            Metric m = x.metrics().get(j);
            XYIntervalSeries first = new XYIntervalSeries("S1 (first order)");
            XYIntervalSeries total = new XYIntervalSeries("ST (total)");
            for (int i = 0; i < names.length; i++) {
                SobolIndices.Index s = indices.get(j).get(i);
                if (Double.isFinite(s.s1())) {
                    first.add(i - 0.2, i - 0.38, i - 0.02, s.s1(), s.s1Lo(), s.s1Hi());
                }
                if (Double.isFinite(s.st())) {
                    total.add(i + 0.2, i + 0.02, i + 0.38, s.st(), s.stLo(), s.stHi());
                }
            }
            XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
            data.addSeries(first);
            data.addSeries(total);
            XYBarRenderer bars = new XYBarRenderer();
            bars.setBarPainter(new StandardXYBarPainter());
            bars.setShadowVisible(false);
            bars.setDrawBarOutline(false);
            bars.setSeriesPaint(0, ChartStyle.PALETTE[0]);
            bars.setSeriesPaint(1, ChartStyle.PALETTE[1]);
            SymbolAxis ax = new SymbolAxis("Factor", names);
            ax.setGridBandsVisible(false);
            NumberAxis ay = numberAxis("Sobol' index", false);
            // 0 to 1 always, wider only when an estimate or interval strays out (noise, small n): bars compare across charts
            double lo = 0, hi = 1;
            for (SobolIndices.Index s : indices.get(j)) {
                for (double v : new double[] {s.s1Lo(), s.s1Hi(), s.stLo(), s.stHi(), s.s1(), s.st()}) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            ay.setRange(lo - 0.03 * (hi - lo), hi + 0.03 * (hi - lo));
            XYPlot plot = new XYPlot(data, ax, ay, bars);
            XYErrorRenderer whiskers = new XYErrorRenderer();
            whiskers.setDrawXError(false);
            whiskers.setBaseShapesVisible(false);
            whiskers.setErrorPaint(ChartStyle.INK);
            whiskers.setErrorStroke(new BasicStroke(1.4f));
            whiskers.setCapLength(8);
            plot.setFixedLegendItems(bars.getLegendItems()); // the whiskers' renderer would list both series again
            plot.setDataset(1, data);
            plot.setRenderer(1, whiskers);
            double noise = results.noiseShare(j);
            JFreeChart c = chart("Sensitivity of " + m.expression(), "Sobol' indices, Saltelli scheme, n = "
                    + ((Design.Saltelli) x.design()).n() + "; whiskers: 90 % bootstrap intervals; " + (Double.isFinite(noise)
                    ? String.format(Locale.ROOT, "noise: %.0f %% of the variance is between replications of a point", 100 * noise)
                    : "noise share unknown (one replication per point)"), plot, true);
            write(c, dir, "sobol_" + m.name());
        }
    }

    // ---------------------------------------------------------------- Morris

    /**
     * For each metric, {@code charts/morris_METRIC.png|svg}: the classic Morris plot, each factor at (mu*, sigma) with
     * its name and a whisker for mu*'s 90 % interval. Right: the factor matters; up: through interactions or a curved
     * response; near the origin: screened out.
     */
    public void morris(List<List<ElementaryEffects.Effect>> effects, Path dir) throws IOException {
        Experiment x = results.experiment();
        Design.Morris design = (Design.Morris) x.design();
        for (int j = 0; j < x.metrics().size(); j++) {
            Metric m = x.metrics().get(j);
            XYIntervalSeries s = new XYIntervalSeries("Factors");
            double top = 0, right = 0;
            List<XYTextAnnotation> names = new ArrayList<>();
            for (int i = 0; i < x.factors().size(); i++) {
                ElementaryEffects.Effect e = effects.get(j).get(i);
                if (!Double.isFinite(e.muStar())) {
                    continue;
                }
                double sigma = Double.isFinite(e.sigma()) ? e.sigma() : 0;
                s.add(e.muStar(), e.muStarLo(), e.muStarHi(), sigma, sigma, sigma);
                top = Math.max(top, sigma);
                right = Math.max(right, Math.max(e.muStar(), e.muStarHi()));
                XYTextAnnotation name = new XYTextAnnotation(x.factors().get(i).key(), e.muStar(), sigma);
                name.setFont(new Font(ChartStyle.FONT, Font.PLAIN, 12));
                name.setPaint(ChartStyle.INK);
                name.setTextAnchor(TextAnchor.BOTTOM_LEFT);
                names.add(name);
            }
            XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
            data.addSeries(s);
            XYErrorRenderer r = new XYErrorRenderer();
            r.setDrawYError(false);
            r.setBaseLinesVisible(false);
            r.setSeriesPaint(0, ChartStyle.PALETTE[0]);
            r.setErrorPaint(ChartStyle.INK);
            r.setCapLength(6);
            NumberAxis ax = numberAxis("mu* (mean absolute elementary effect, " + m.name() + ")", false);
            NumberAxis ay = numberAxis("sigma (spread of the effects)", false);
            // from 0, with room on the right and top for the names
            ax.setRange(0, right > 0 ? right * 1.3 : 1);
            ay.setRange(0, top > 0 ? top * 1.2 : 1);
            XYPlot plot = new XYPlot(data, ax, ay, r);
            names.forEach(plot::addAnnotation);
            JFreeChart c = chart("Screening of " + m.expression(), "Morris elementary effects over each factor's whole"
                    + " range, " + design.trajectories() + " trajectories, " + design.levels() + " levels; whiskers: 90 %"
                    + " intervals of mu*", plot, false);
            write(c, dir, "morris_" + m.name());
        }
    }

    // ---------------------------------------------------------------- time series (compare)

    /** One national series of several scenarios over time: each a mean line with a band (5 % to 95 % of replications). */
    public static JFreeChart overTime(String title, String subtitle, String yLabel, List<String> names,
                                      List<LocalDate> dates, List<double[][]> meanLoHi) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (int s = 0; s < names.size(); s++) {
            YIntervalSeries series = new YIntervalSeries(names.get(s));
            double[][] v = meanLoHi.get(s);
            for (int d = 0; d < dates.size(); d++) {
                if (Double.isFinite(v[0][d])) {
                    series.add(millis(dates.get(d)), v[0][d], v[1][d], v[2][d]);
                }
            }
            data.addSeries(series);
        }
        DateAxis time = new DateAxis("Date", UTC, Locale.ROOT);
        time.setStandardTickUnits(DateAxis.createStandardDateTickUnits(UTC, Locale.ROOT));
        SimpleDateFormat fmt = new SimpleDateFormat("d MMM yyyy", Locale.ROOT);
        fmt.setTimeZone(UTC);
        time.setDateFormatOverride(fmt); // the automatic formats drop the year and follow the default locale
        time.setLowerMargin(0.01);
        time.setUpperMargin(0.01);
        XYPlot plot = new XYPlot(data, time, numberAxis(yLabel, true), band(names.size()));
        return chart(title, subtitle, plot, true);
    }

    private static double millis(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    // ---------------------------------------------------------------- shared look and files

    /** Writes {@code NAME.png} and {@code NAME.svg} into {@code dir}, each under a temp name first. */
    public static void write(JFreeChart chart, Path dir, String name) throws IOException {
        DerivedFile.writeFile(dir.resolve(name + ".png"),
                tmp -> ChartUtilities.saveChartAsPNG(tmp.toFile(), chart, Charts.WIDTH, Charts.HEIGHT));
        DerivedFile.writeString(dir.resolve(name + ".svg"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg(chart, name) + "\n");
    }

    /** The chart as one {@code <svg>} element with a view box (for inlining in HTML). */
    public static String svg(JFreeChart chart, String name) {
        SVGGraphics2D g2 = new SVGGraphics2D(Charts.WIDTH, Charts.HEIGHT);
        // a fixed, per-chart prefix: reproducible files, and no id clashes between charts inlined in one page
        g2.setDefsKeyPrefix("ev-" + name + "-");
        chart.draw(g2, new Rectangle(0, 0, Charts.WIDTH, Charts.HEIGHT));
        return g2.getSVGElement(null, true, new ViewBox(0, 0, Charts.WIDTH, Charts.HEIGHT), null, null);
    }

    private static DeviationRenderer band(int series) {
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.22f);
        for (int i = 0; i < series; i++) {
            Color c = ChartStyle.PALETTE[i % ChartStyle.PALETTE.length];
            r.setSeriesPaint(i, c);
            r.setSeriesFillPaint(i, c);
            r.setSeriesStroke(i, new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        return r;
    }

    private static NumberAxis numberAxis(String label, boolean counts) {
        NumberAxis a = new NumberAxis(label);
        // ticks and thousands separators the same whatever the machine's locale
        a.setStandardTickUnits(counts ? NumberAxis.createIntegerTickUnits(Locale.ROOT) : NumberAxis.createStandardTickUnits(Locale.ROOT));
        a.setAutoRangeIncludesZero(counts);
        a.setUpperMargin(0.08);
        return a;
    }

    private static JFreeChart chart(String title, String subtitle, XYPlot plot, boolean legend) {
        plot.setNoDataMessage("No run gave a value");
        return ChartStyle.chart(title, subtitle, plot, legend);
    }

    /** A short label: 412,300 · 0.25 · 1.3e-05 (locale-independent). */
    static String compact(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        DecimalFormatSymbols root = DecimalFormatSymbols.getInstance(Locale.ROOT);
        double a = Math.abs(v);
        if (a >= 1000) {
            return new DecimalFormat("#,##0", root).format(v);
        }
        if (a >= 1 || a == 0) {
            return new DecimalFormat("0.##", root).format(v);
        }
        return a >= 0.001 ? new DecimalFormat("0.###", root).format(v) : new DecimalFormat("0.##E0", root).format(v);
    }
}
