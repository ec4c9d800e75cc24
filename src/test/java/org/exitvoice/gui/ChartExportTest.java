package org.exitvoice.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.TimeZone;

import javax.imageio.ImageIO;

import org.exitvoice.output.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live chart's exports: PNG, SVG, and its data as CSV with every dataset (no display needed). */
class ChartExportTest {
    private static JFreeChart chart() {
        XYSeries a = new XYSeries("Protesters", false, true);
        XYSeries b = new XYSeries("Arrests", false, true);
        XYSeries c = new XYSeries("Violent incidents", false, true);
        a.add(LiveCharts.x(LocalDate.of(2022, 9, 21)), 15600);
        a.add(LiveCharts.x(LocalDate.of(2022, 9, 22)), 12000);
        b.add(LiveCharts.x(LocalDate.of(2022, 9, 21)), 2400);
        b.add(LiveCharts.x(LocalDate.of(2022, 9, 22)), 1200.5);
        c.add(LiveCharts.x(LocalDate.of(2022, 9, 22)), 3);
        XYPlot plot = new XYPlot(new XYSeriesCollection(a), new DateAxis("Date", TimeZone.getTimeZone("UTC")),
                new NumberAxis("Persons"), new XYLineAndShapeRenderer());
        XYSeriesCollection second = new XYSeriesCollection(b);
        second.addSeries(c);
        plot.setDataset(1, second);
        plot.setRenderer(1, new XYLineAndShapeRenderer());
        return new JFreeChart("Unrest", plot);
    }

    @Test
    void theCsvHoldsOneRowPerDateAndOneColumnPerSeriesOfEveryDataset(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("unrest.csv");
        ChartExport.csv(chart(), csv);
        assertEquals(List.of(
                "date,Protesters,Arrests,Violent incidents",
                "2022-09-21,15600,2400,",
                "2022-09-22,12000,1200.5,3"), Files.readAllLines(csv));
    }

    @Test
    void thePngAndSvgAreTheRunOutputsSize(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("unrest.png");
        Path svg = dir.resolve("unrest.svg");
        ChartExport.png(chart(), png);
        ChartExport.svg(chart(), svg);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image);
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(Charts.HEIGHT, image.getHeight());
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg") && text.contains("Unrest"), "an SVG document with the title");
    }
}
