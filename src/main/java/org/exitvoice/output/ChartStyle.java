package org.exitvoice.output;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.ui.RectangleEdge;
import org.jfree.ui.RectangleInsets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;

/** The look every exitvoice chart shares (run, sweep, compare and validation charts): palette, fonts, greys, titles, legend. */
public final class ChartStyle {
    /**
     * The one palette of every chart, written (PNG, SVG) or live in the GUI: Tableau 10 (distinct hues that survive
     * greyscale printing reasonably and common colour-vision deficiencies), then three more, so that the emigration
     * chart's 13 destinations each get their own.
     */
    public static final Color[] PALETTE = {
            new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2),
            new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
            new Color(0x9C755F), new Color(0xBAB0AC), new Color(0x17BECF), new Color(0x555555),
            new Color(0xBCBD22)};
    public static final String FONT = Font.SANS_SERIF;
    public static final Color INK = new Color(0x333333);

    // Series that two charts draw (the run's and the GUI's): one colour each, wherever they are drawn.
    /** Unrest chart: protesters (blue). */
    public static final Color PROTESTERS = PALETTE[0];
    /** Unrest chart: arrests (red). */
    public static final Color ARRESTS = PALETTE[2];
    /** Unrest chart: violent incidents (orange). */
    public static final Color INCIDENTS = PALETTE[1];
    /** Mobilization chart: men mobilized (red). */
    public static final Color MOBILIZED = PALETTE[2];
    /** Mobilization chart: summons served (blue). */
    public static final Color SUMMONS = PALETTE[0];
    /** Mobilization chart: the target (ink, dashed). */
    public static final Color TARGET = INK;
    public static final Color GRID = new Color(0xDDDDDD);

    private ChartStyle() {
    }

    /** A chart around the plot: white background, light grid, styled axes, a subtitle, and a legend below if asked. */
    public static JFreeChart chart(String title, String subtitle, XYPlot plot, boolean legend) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(new Color(0xAAAAAA));
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.8f));
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        plot.setNoDataMessageFont(new Font(FONT, Font.PLAIN, 16));
        plot.setNoDataMessagePaint(INK);
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            if (plot.getRangeAxis(i) != null) {
                styleAxis(plot.getRangeAxis(i));
                // JFreeChart packs as many ticks as fit; room around each label gives ~10 ticks, easier to read
                plot.getRangeAxis(i).setTickLabelInsets(new RectangleInsets(7, 4, 7, 4));
            }
        }
        styleAxis(plot.getDomainAxis());

        JFreeChart chart = new JFreeChart(title, new Font(FONT, Font.BOLD, 20), plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        chart.getTitle().setPaint(INK);
        TextTitle sub = new TextTitle(subtitle, new Font(FONT, Font.PLAIN, 13));
        sub.setPaint(new Color(0x666666));
        sub.setPadding(new RectangleInsets(2, 2, 8, 2));
        chart.addSubtitle(0, sub);
        if (legend) {
            LegendTitle l = chart.getLegend();
            l.setItemFont(new Font(FONT, Font.PLAIN, 13));
            l.setItemPaint(INK);
            l.setFrame(BlockBorder.NONE);
            l.setBackgroundPaint(Color.WHITE);
            l.setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }

    /** Axis labels and ticks in the chart's ink, lines in mid grey. */
    public static void styleAxis(ValueAxis a) {
        a.setLabelFont(new Font(FONT, Font.PLAIN, 14));
        a.setLabelPaint(INK);
        a.setTickLabelFont(new Font(FONT, Font.PLAIN, 12));
        a.setTickLabelPaint(INK);
        Paint line = new Color(0x888888);
        a.setAxisLinePaint(line);
        a.setTickMarkPaint(line);
    }
}
