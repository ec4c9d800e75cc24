package org.exitvoice.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.Color;
import java.awt.Paint;
import java.util.List;

import org.exitvoice.model.RunResult;
import org.exitvoice.model.Simulation;
import org.exitvoice.output.Charts;
import org.exitvoice.scenario.ScenarioInput;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/** The live charts' colours: each series its own, and the same as in the run's PNG and SVG charts (no display needed). */
class LiveChartsTest {
    /** Protesters, arrests, violent incidents: the unrest chart's three series, as drawn. */
    private static List<Color> unrestPaints(XYPlot plot) {
        return List.of(rgb(plot.getRenderer(0).getSeriesPaint(0)), rgb(plot.getRenderer(0).getSeriesPaint(1)),
                rgb(plot.getRenderer(1).getSeriesPaint(0)));
    }

    /** The hue without its transparency (the run's chart draws incidents as translucent bars). */
    private static Color rgb(Paint p) {
        return new Color(((Color) p).getRGB() & 0xFFFFFF);
    }

    @Test
    void theUnrestChartDrawsArrestsAndIncidentsInTheirOwnColoursAsTheRunsChartDoes() {
        ScenarioInput in = GuiScenarios.sep2022(5000, 2);
        XYPlot live = new LiveCharts(in.scenario(), in.routes()).chart("unrest").getXYPlot();
        List<Color> paints = unrestPaints(live);
        assertNotEquals(paints.get(1), paints.get(2), "arrests and incidents");
        assertNotEquals(paints.get(0), paints.get(1), "protesters and arrests");
        assertNotEquals(paints.get(0), paints.get(2), "protesters and incidents");

        RunResult run = Simulation.run(in.scenario(), in.regions(), in.routes(), 1, day -> { });
        XYPlot written = new Charts(run, in.scenario().draft().target(), in.routes()).chart("unrest").getXYPlot();
        assertEquals(unrestPaints(written), paints, "one palette for the GUI and the PNG/SVG charts");
    }
}
