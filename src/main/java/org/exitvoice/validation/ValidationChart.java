package org.exitvoice.validation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.ChartUtilities;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.jfree.graphics2d.svg.SVGGraphics2D;
import org.jfree.graphics2d.svg.ViewBox;
import org.jfree.ui.RectangleEdge;
import org.jfree.ui.RectangleInsets;

/**
 * Observed points over simulated bands, one column per target. Targets differ in unit (persons, hours, roubles), so
 * every value is divided by its observation: the observation sits at 1, the band shows the replications' 5-95 %
 * range and the dot their mean, on a log scale where too high and too low by the same factor look alike.
 */
public final class ValidationChart {

    /** Height of the PNG and the SVG's view box; the width grows with the number of targets. */
    static final int HEIGHT = 620;

    // ratios beyond these are drawn at the edge: a zero simulated value still shows, as "100 times too low or worse"
    private static final double FLOOR = 0.01, CEILING = 100;

    // the same Tableau 10 hues as the run charts, one per measure
    private static final Map<Measure, Color> COLOURS = new EnumMap<>(Map.of(
            Measure.CROSSINGS, new Color(0x4E79A7), Measure.ARRESTS, new Color(0xE15759),
            Measure.PROTESTERS, new Color(0xFF9DA7), Measure.INCIDENTS, new Color(0xF28E2B),
            Measure.PEAK_WAIT, new Color(0x76B7B2), Measure.PEAK_FARE, new Color(0xB07AA1),
            Measure.MOBILIZED, new Color(0x59A14F)));
    private static final Color INK = new Color(0x333333);
    private static final String FONT = Font.SANS_SERIF;

    private final JFreeChart chart;
    private final int width;

    /** Draws the table; {@code replications} is named in the subtitle. */
    public ValidationChart(ValidationTable table, int replications) {
        List<ValidationRow> rows = table.rows();
        width = Math.max(900, 160 + 24 * rows.size());
        int n = rows.size();
        double[][] bandLow = new double[1][n], bandHigh = new double[1][n];
        double[][] obsLow = new double[1][n], obsHigh = new double[1][n];
        DefaultCategoryDataset points = new DefaultCategoryDataset();
        List<String> keys = new ArrayList<>();
        List<Measure> measureOf = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ValidationRow r = rows.get(i);
            Observation o = r.comparison().observation();
            double obs = o.value();
            String key = o.id();
            keys.add(key);
            measureOf.add(r.comparison().measure());
            bandLow[0][i] = clamp(r.q05() / obs);
            bandHigh[0][i] = clamp(r.q95() / obs);
            // a band of zero height would vanish: give it a hairline
            if (bandHigh[0][i] <= bandLow[0][i] * 1.02) {
                bandHigh[0][i] = bandLow[0][i] * 1.02;
            }
            obsLow[0][i] = o.low() / obs;
            obsHigh[0][i] = o.high() / obs;
            points.addValue(1.0, "Observed", key);
            points.addValue(clamp(r.mean() / obs), "Model mean", key);
        }
        String[] columns = keys.toArray(new String[0]);
        DefaultIntervalCategoryDataset bands = new DefaultIntervalCategoryDataset(new String[] {"Model 5-95 %"},
                columns, toNumbers(bandLow), toNumbers(bandHigh));
        DefaultIntervalCategoryDataset ranges = new DefaultIntervalCategoryDataset(new String[] {"Observed range"},
                columns, toNumbers(obsLow), toNumbers(obsHigh));

        CategoryAxis ids = new CategoryAxis("Target (observation id; see validation.csv)");
        ids.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        ids.setTickLabelFont(new Font(FONT, Font.PLAIN, 10));
        ids.setLabelFont(new Font(FONT, Font.PLAIN, 14));
        ids.setTickLabelPaint(INK);
        ids.setLabelPaint(INK);
        ids.setCategoryMargin(0.3);
        LogAxis ratio = new LogAxis("Model ÷ observed (log scale; 1 = observed)");
        ratio.setBase(10);
        // plain numbers whatever the machine's locale (the default tick units follow it)
        ratio.setNumberFormatOverride(new java.text.DecimalFormat("0.##", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)));
        ratio.setRange(FLOOR * 0.8, CEILING * 1.25);
        ratio.setAutoTickUnitSelection(false);
        ratio.setTickUnit(new NumberTickUnit(1.0)); // one tick a decade: 0.01, 0.1, 1, 10, 100
        ratio.setLabelFont(new Font(FONT, Font.PLAIN, 14));
        ratio.setTickLabelFont(new Font(FONT, Font.PLAIN, 12));
        ratio.setLabelPaint(INK);
        ratio.setTickLabelPaint(INK);

        IntervalBarRenderer band = new IntervalBarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                return COLOURS.get(measureOf.get(column));
            }
        };
        band.setBarPainter(new StandardBarPainter());
        band.setShadowVisible(false);
        band.setDrawBarOutline(false);
        band.setMaximumBarWidth(0.6 / Math.max(1, n));
        IntervalBarRenderer range = new IntervalBarRenderer();
        range.setBarPainter(new StandardBarPainter());
        range.setShadowVisible(false);
        range.setSeriesPaint(0, INK);
        range.setMaximumBarWidth(0.08 / Math.max(1, n));
        LineAndShapeRenderer marks = new LineAndShapeRenderer(false, true);
        marks.setSeriesShape(0, new Rectangle2D.Double(-5, -1.5, 10, 3)); // observed: a black tick
        marks.setSeriesPaint(0, INK);
        marks.setSeriesShape(1, new Ellipse2D.Double(-3.5, -3.5, 7, 7)); // model mean: a dot
        marks.setSeriesPaint(1, Color.BLACK);
        marks.setUseOutlinePaint(true);
        marks.setSeriesOutlinePaint(1, Color.WHITE);

        CategoryPlot plot = new CategoryPlot(bands, ids, ratio, band);
        plot.setDataset(1, ranges);
        plot.setRenderer(1, range);
        plot.setDataset(2, points);
        plot.setRenderer(2, marks);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(new Color(0xAAAAAA));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.addRangeMarker(new ValueMarker(1.0, new Color(0x999999), new BasicStroke(1.2f)));
        // within a factor of two: the dashed lines
        for (double f : new double[] {0.5, 2}) {
            plot.addRangeMarker(new ValueMarker(f, new Color(0xBBBBBB), new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f)));
        }
        plot.setFixedLegendItems(legend(measureOf));

        chart = new JFreeChart("Model against what was observed in 2022", new Font(FONT, Font.BOLD, 20), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        chart.getTitle().setPaint(INK);
        TextTitle sub = new TextTitle("Each target divided by its observed value (black tick at 1; line: an observed "
                + "range; dashed: a factor of 2). Bar: 5-95 % of " + replications + " replications, coloured by measure; dot: their mean. "
                + "Beyond ×100 or ÷100 drawn at the edge.", new Font(FONT, Font.PLAIN, 12));
        sub.setPaint(new Color(0x666666));
        sub.setPadding(new RectangleInsets(2, 2, 8, 2));
        chart.addSubtitle(0, sub);
        chart.getLegend().setFrame(BlockBorder.NONE);
        chart.getLegend().setItemFont(new Font(FONT, Font.PLAIN, 12));
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
    }

    /** The chart, for embedding. */
    public JFreeChart chart() {
        return chart;
    }

    /** Writes {@code NAME.png} and {@code NAME.svg} into {@code dir}. */
    public void write(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        ChartUtilities.saveChartAsPNG(dir.resolve(name + ".png").toFile(), chart, width, HEIGHT);
        SVGGraphics2D g2 = new SVGGraphics2D(width, HEIGHT);
        g2.setDefsKeyPrefix("ev-" + name + "-"); // fixed, so the SVG is reproducible
        chart.draw(g2, new Rectangle(0, 0, width, HEIGHT));
        Files.writeString(dir.resolve(name + ".svg"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + g2.getSVGElement(null, true, new ViewBox(0, 0, width, HEIGHT), null, null) + "\n", StandardCharsets.UTF_8);
    }

    private static LegendItemCollection legend(List<Measure> shown) {
        LegendItemCollection items = new LegendItemCollection();
        for (Measure m : Measure.values()) {
            if (shown.contains(m)) {
                LegendItem item = new LegendItem(m.name().toLowerCase(Locale.ROOT).replace('_', ' '), COLOURS.get(m));
                items.add(item);
            }
        }
        items.add(new LegendItem("observed", null, null, null, new Rectangle2D.Double(-5, -1.5, 10, 3), INK));
        items.add(new LegendItem("model mean", null, null, null, new Ellipse2D.Double(-3.5, -3.5, 7, 7), Color.BLACK));
        return items;
    }

    private static double clamp(double ratio) {
        if (Double.isNaN(ratio)) {
            return FLOOR;
        }
        return Math.max(FLOOR, Math.min(CEILING, ratio));
    }

    private static Number[][] toNumbers(double[][] a) {
        Number[][] out = new Number[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new Number[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                out[i][j] = a[i][j];
            }
        }
        return out;
    }
}
