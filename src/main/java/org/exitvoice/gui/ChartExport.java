package org.exitvoice.gui;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.exitvoice.output.Charts;
import org.jfree.chart.ChartUtilities;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.jfree.graphics2d.svg.SVGGraphics2D;

/**
 * Saves a live chart as PNG or SVG (the run outputs' size) and the data of its plot as CSV: one row per date, one
 * column per series, every dataset of the plot (e.g. incidents on the right axis) included.
 * MASON 18's own chart export writes PDF only, and cannot with the jars on Maven Central.
 */
public final class ChartExport {
    private ChartExport() {
    }

    /** The chart as a PNG image. */
    public static void png(JFreeChart chart, Path file) throws IOException {
        ChartUtilities.saveChartAsPNG(file.toFile(), chart, Charts.WIDTH, Charts.HEIGHT);
    }

    /** The chart as an SVG document. */
    public static void svg(JFreeChart chart, Path file) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(Charts.WIDTH, Charts.HEIGHT);
        // a fixed prefix (JFreeSVG's default uses the clock): the same chart gives the same file
        g.setDefsKeyPrefix("ev-live-");
        chart.draw(g, new Rectangle(0, 0, Charts.WIDTH, Charts.HEIGHT));
        Files.writeString(file, g.getSVGDocument(), StandardCharsets.UTF_8);
    }

    /**
     * The plot's data: column {@code date} (ISO day, when the x axis shows dates; else {@code x}), then one column per
     * series in legend order; an empty cell where a series has no value on that row.
     */
    public static void csv(JFreeChart chart, Path file) throws IOException {
        XYPlot plot = chart.getXYPlot();
        boolean dates = plot.getDomainAxis() instanceof DateAxis;
        List<String> header = new ArrayList<>();
        header.add(dates ? "date" : "x");
        TreeMap<Double, Map<Integer, Double>> rows = new TreeMap<>();
        int column = 0;
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset data = plot.getDataset(d);
            if (data == null) {
                continue;
            }
            for (int s = 0; s < data.getSeriesCount(); s++, column++) {
                header.add(String.valueOf(data.getSeriesKey(s)));
                for (int i = 0; i < data.getItemCount(s); i++) {
                    double y = data.getYValue(s, i);
                    rows.computeIfAbsent(data.getXValue(s, i), x -> new TreeMap<>()).put(column, y);
                }
            }
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                     .setHeader(header.toArray(String[]::new)).setRecordSeparator("\n").get())) {
            for (Map.Entry<Double, Map<Integer, Double>> row : rows.entrySet()) {
                List<String> cells = new ArrayList<>();
                double x = row.getKey();
                cells.add(dates ? Instant.ofEpochMilli((long) x).atZone(ZoneOffset.UTC).toLocalDate().toString() : number(x));
                for (int c = 0; c < column; c++) {
                    Double y = row.getValue().get(c);
                    cells.add(y == null || Double.isNaN(y) ? "" : number(y));
                }
                out.printRecord(cells);
            }
        }
    }

    /** Whole numbers without ".0", others with up to 4 decimals; never an exponent. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(v).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
