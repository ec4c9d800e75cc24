package org.exitvoice.experiment;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.Locale;

import org.exitvoice.output.ChartStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.ui.TextAnchor;

/** The chart of a PRIM trajectory: coverage against density, box by box, with the reported box marked. */
final class PrimChart {
    private PrimChart() {
    }

    /**
     * Each box of the trajectory at (coverage, density), joined in peeling order (from the whole box at the bottom
     * right towards small dense boxes at the top left), the reported box as a large dot labelled with its number; the
     * subtitle gives its limits.
     */
    static JFreeChart tradeOff(ScenarioDiscovery.Finding f) {
        XYSeries peel = new XYSeries("Peeling trajectory", false, true);
        int peeled = f.pasted() ? f.boxes().size() - 1 : f.boxes().size();
        for (int i = 0; i < peeled; i++) {
            peel.add(f.boxes().get(i).coverage(), f.boxes().get(i).density());
        }
        Prim.Box b = f.box();
        XYSeries chosen = new XYSeries(f.pasted() ? "Reported box (pasted)" : "Reported box", false, true);
        chosen.add(b.coverage(), b.density());
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(peel);
        data.addSeries(chosen);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesPaint(0, ChartStyle.PALETTE[0]);
        r.setSeriesStroke(0, new BasicStroke(1.6f));
        r.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        r.setSeriesLinesVisible(1, false);
        r.setSeriesPaint(1, ChartStyle.PALETTE[1]);
        r.setSeriesShape(1, new Ellipse2D.Double(-7, -7, 14, 14));
        NumberAxis coverage = new NumberAxis("Coverage (share of the runs of interest inside the box)");
        NumberAxis density = new NumberAxis("Density (share of the box's runs that are of interest)");
        for (NumberAxis a : new NumberAxis[] {coverage, density}) {
            a.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
            a.setRange(0, 1.05);
        }
        XYPlot plot = new XYPlot(data, coverage, density, r);
        XYTextAnnotation label = new XYTextAnnotation(String.format(Locale.ROOT, "  box %d: coverage %.2f, density %.2f",
                f.chosen(), b.coverage(), b.density()), b.coverage(), b.density());
        label.setFont(new Font(ChartStyle.FONT, Font.PLAIN, 12));
        label.setPaint(ChartStyle.INK);
        label.setTextAnchor(b.coverage() > 0.6 ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
        plot.addAnnotation(label);
        String subtitle = String.format(Locale.ROOT, "PRIM over %,d runs, %s %s in %,d; box %d: %s",
                f.runs(), f.metric().expression(), f.rule(), f.prim().cases(), f.chosen(), f.limits());
        return ChartStyle.chart("Where " + f.metric().expression() + " " + f.rule(), subtitle, plot, true);
    }
}
