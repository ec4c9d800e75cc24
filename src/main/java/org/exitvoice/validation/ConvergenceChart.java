package org.exitvoice.validation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.ChartUtilities;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.graphics2d.svg.SVGGraphics2D;
import org.jfree.graphics2d.svg.ViewBox;
import org.jfree.ui.RectangleEdge;
import org.jfree.ui.RectangleInsets;

/** How a fit converged: the score of every evaluation and the best so far. */
public final class ConvergenceChart {

    static final int WIDTH = 900, HEIGHT = 540;
    private static final Color INK = new Color(0x333333);
    private static final String FONT = Font.SANS_SERIF;

    private final JFreeChart chart;

    /** Draws the trace; {@code objective} names the score on the axis. */
    public ConvergenceChart(List<Calibration.Evaluation> trace, String objective) {
        XYSeries each = new XYSeries("Evaluation");
        XYSeries best = new XYSeries("Best so far");
        double worstShown = 0;
        for (Calibration.Evaluation e : trace) {
            best.add(e.index(), e.best());
            if (e.score() < Calibration.REJECTED) {
                each.add(e.index(), e.score());
                worstShown = Math.max(worstShown, e.score());
            }
        }
        NumberAxis x = new NumberAxis("Model evaluation");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        NumberAxis y = new NumberAxis(objective);
        y.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        dots.setSeriesPaint(0, new Color(0x4E, 0x79, 0xA7, 110));
        XYStepRenderer line = new XYStepRenderer();
        line.setSeriesPaint(0, new Color(0xE15759));
        line.setSeriesStroke(0, new BasicStroke(2.4f));
        XYPlot plot = new XYPlot(new XYSeriesCollection(each), x, y, dots);
        plot.setDataset(1, new XYSeriesCollection(best));
        plot.setRenderer(1, line);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(new Color(0xAAAAAA));
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        for (NumberAxis a : List.of(x, y)) {
            a.setLabelFont(new Font(FONT, Font.PLAIN, 14));
            a.setTickLabelFont(new Font(FONT, Font.PLAIN, 12));
            a.setLabelPaint(INK);
            a.setTickLabelPaint(INK);
        }
        chart = new JFreeChart("Calibration: convergence", new Font(FONT, Font.BOLD, 20), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        chart.getTitle().setPaint(INK);
        TextTitle sub = new TextTitle("CMA-ES; each dot one evaluation (the mean of its replications), the line the"
                + " lowest score so far", new Font(FONT, Font.PLAIN, 13));
        sub.setPaint(new Color(0x666666));
        chart.addSubtitle(0, sub);
        chart.getLegend().setFrame(BlockBorder.NONE);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        if (worstShown > 0) {
            y.setUpperBound(worstShown * 1.05);
        }
    }

    /** Writes {@code NAME.png} and {@code NAME.svg} into {@code dir}. */
    public void write(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        ChartUtilities.saveChartAsPNG(dir.resolve(name + ".png").toFile(), chart, WIDTH, HEIGHT);
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setDefsKeyPrefix("ev-" + name + "-");
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        Files.writeString(dir.resolve(name + ".svg"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + g2.getSVGElement(null, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null) + "\n", StandardCharsets.UTF_8);
    }
}
