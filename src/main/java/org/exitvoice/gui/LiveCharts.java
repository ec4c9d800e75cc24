package org.exitvoice.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Window;
import java.io.IOException;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;

import javax.swing.AbstractButton;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;

import org.exitvoice.model.DayReport;
import org.exitvoice.model.RouteDay;
import org.exitvoice.model.Tally;
import org.exitvoice.output.ChartStyle;
import org.exitvoice.scenario.RouteData;
import org.exitvoice.scenario.Scenario;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import sim.util.media.chart.SeriesAttributes;
import sim.util.media.chart.TimeSeriesAttributes;
import sim.util.media.chart.TimeSeriesChartGenerator;

/**
 * The four live charts, MASON chart generators fed from the day reports: emigration by destination, unrest,
 * mobilization against the target, and waits at land crossings. Points are added as days arrive, without redrawing;
 * {@link #redraw} repaints, called by the GUI's timer a few times a second. Runs on Swing's thread only.
 */
final class LiveCharts {
    /** A land crossing gets its line once its wait first reaches this many hours (21 lines would be unreadable). */
    static final double WAIT_SHOWN_FROM_HOURS = 1.0;

    // the run outputs' palette, so that a series has the same colour on screen, in an export and in report.html
    private static final Color[] PALETTE = ChartStyle.PALETTE;
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    /** Chart names, as in the run outputs; also the default file names of exports. */
    static final List<String> NAMES = List.of("emigration", "unrest", "mobilization", "borders");

    private final Scenario scenario;
    private final List<RouteData> routes;
    private final List<String> destinations;
    private final Map<String, TimeSeriesChartGenerator> generators = new LinkedHashMap<>();

    private final Map<String, XYSeries> crossedTo = new LinkedHashMap<>();
    private final Map<String, Long> crossedSoFar = new TreeMap<>();
    private XYSeries protesters;
    private XYSeries arrests;
    private final XYSeriesCollection incidentData = new XYSeriesCollection();
    private XYSeries incidents;
    private XYSeries mobilized;
    private XYSeries summons;
    private XYSeries target;
    private long summonsSoFar;
    private final Map<Integer, XYSeries> waits = new TreeMap<>();
    private final List<DayReport> history = new ArrayList<>();

    LiveCharts(Scenario scenario, List<RouteData> routes) {
        this.scenario = scenario;
        this.routes = List.copyOf(routes);
        // destinations by the capacity of their routes, largest first: a stable order for lines and colours
        Map<String, Long> capacity = new LinkedHashMap<>();
        routes.forEach(r -> capacity.merge(r.destination(), r.placesPerDay(), Long::sum));
        destinations = capacity.keySet().stream()
                .sorted(Comparator.comparing((String d) -> -capacity.get(d)).thenComparing(Comparator.naturalOrder()))
                .toList();
        generators.put("emigration", generator("Emigration by destination", "Persons crossed, cumulative"));
        generators.put("unrest", generator("Protest and unrest", "Persons per day"));
        generators.put("mobilization", generator("Mobilization against the target", "Men"));
        generators.put("borders", generator("Waiting at land crossings", "Wait (hours)"));
        XYPlot unrest = generators.get("unrest").getChart().getXYPlot();
        NumberAxis right = new NumberAxis("Violent incidents per day");
        right.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        right.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        right.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        unrest.setRangeAxis(1, right);
        unrest.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        unrest.setDataset(1, incidentData);
        unrest.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer incidentLine = new XYLineAndShapeRenderer(true, true);
        incidentLine.setSeriesPaint(0, ChartStyle.INCIDENTS);
        incidentLine.setSeriesStroke(0, new BasicStroke(1.5f));
        unrest.setRenderer(1, incidentLine);
        start();
    }

    private static TimeSeriesChartGenerator generator(String title, String yLabel) {
        TimeSeriesChartGenerator g = new TimeSeriesChartGenerator();
        g.setTitle(title);
        g.setYAxisLabel(yLabel);
        g.setDataCuller(null); // never drop points: the CSV export must hold every day
        XYPlot plot = g.getChart().getXYPlot();
        DateAxis time = new DateAxis("Date", UTC, Locale.ROOT);
        SimpleDateFormat fmt = new SimpleDateFormat("d MMM", Locale.ROOT);
        fmt.setTimeZone(UTC);
        time.setDateFormatOverride(fmt);
        plot.setDomainAxis(time);
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        // JFreeChart's default fonts are sized for a full-screen chart; these windows are a quarter of that
        JFreeChart chart = g.getChart();
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        }
        for (var axis : new org.jfree.chart.axis.ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        return g;
    }

    /** A new run: every series emptied, lines that depend on the run (waits) removed. */
    void start() {
        history.clear();
        crossedSoFar.clear();
        summonsSoFar = 0;
        waits.clear();
        incidentData.removeAllSeries();
        generators.values().forEach(TimeSeriesChartGenerator::removeAllSeries);
        crossedTo.clear();
        for (String d : destinations) {
            crossedTo.put(d, add("emigration", d));
        }
        protesters = add("unrest", "Protesters", ChartStyle.PROTESTERS);
        arrests = add("unrest", "Arrests", ChartStyle.ARRESTS);
        incidents = new XYSeries("Violent incidents (right axis)", false, true);
        incidentData.addSeries(incidents);
        mobilized = add("mobilization", "Mobilized", ChartStyle.MOBILIZED);
        summons = add("mobilization", "Summons served, cumulative", ChartStyle.SUMMONS);
        target = add("mobilization", String.format(Locale.ROOT, "Target (%,d men)", scenario.draft().target()),
                ChartStyle.TARGET);
    }

    /** A series in the palette's next colour (destinations, crossings). */
    private XYSeries add(String chart, String name) {
        return add(chart, name, PALETTE[generators.get(chart).getSeriesCount() % PALETTE.length]);
    }

    private XYSeries add(String chart, String name, Color colour) {
        TimeSeriesChartGenerator g = generators.get(chart);
        XYSeries s = new XYSeries(name, false, true);
        SeriesAttributes a = g.addSeries(s, null);
        if (a instanceof TimeSeriesAttributes t) {
            t.setStrokeColor(colour);
            t.setThickness(2);
        }
        return s;
    }

    /** Adds the day's points (no redraw). */
    void observe(DayView view) {
        DayReport day = view.report();
        history.add(day);
        double x = x(day.date());
        for (RouteDay r : day.routes()) {
            crossedSoFar.merge(r.destination(), r.crossed(), Long::sum);
        }
        crossedTo.forEach((d, s) -> s.add(x, crossedSoFar.getOrDefault(d, 0L), false));
        Tally t = day.national();
        protesters.add(x, t.protesters(), false);
        arrests.add(x, t.arrests(), false);
        incidents.add(x, t.incidents(), false);
        summonsSoFar += t.summons();
        mobilized.add(x, t.mobilized(), false);
        summons.add(x, summonsSoFar, false);
        target.add(x, scenario.draft().target(), false);
        for (int k = 0; k < day.routes().size(); k++) {
            RouteDay r = day.routes().get(k);
            if (routes.get(k).mode() != RouteData.Mode.LAND) {
                continue;
            }
            XYSeries s = waits.get(k);
            if (s == null && r.waitHours() >= WAIT_SHOWN_FROM_HOURS) {
                s = add("borders", LeverControls.label(routes.get(k)));
                waits.put(k, s);
                // its line starts on the first day, not on the day it crossed the threshold
                for (DayReport earlier : history.subList(0, history.size() - 1)) {
                    s.add(x(earlier.date()), wait(earlier.routes().get(k)), false);
                }
            }
            if (s != null) {
                s.add(x, wait(r), false);
            }
        }
    }

    /** Repaints every chart that got points since the last redraw. */
    void redraw() {
        long key = history.size();
        for (TimeSeriesChartGenerator g : generators.values()) {
            g.update(key, true);
        }
    }

    private static Double wait(RouteDay r) {
        return Double.isFinite(r.waitHours()) ? r.waitHours() : null; // a closed crossing: a gap, not a zero
    }

    /** A day's point on the time axis: its noon, UTC. */
    static double x(LocalDate date) {
        return date.atTime(12, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** The chart called {@code name} (one of {@link #NAMES}). */
    JFreeChart chart(String name) {
        return generators.get(name).getChart();
    }

    TimeSeriesChartGenerator generator(String name) {
        return generators.get(name);
    }

    /** The four chart windows, each with an Export menu (PNG, SVG, CSV); placed by the caller. */
    List<JFrame> createFrames() {
        List<JFrame> frames = new ArrayList<>();
        generators.forEach((name, g) -> {
            JFrame frame = g.createFrame();
            frame.setJMenuBar(exportMenu(frame, name, g));
            hidePdfExport(g);
            // MASON puts the series settings beside the chart; folded away, the chart gets the window (drag to open)
            JSplitPane split = find(frame.getContentPane(), JSplitPane.class);
            if (split != null) {
                split.setOneTouchExpandable(true);
                split.setDividerLocation(0);
            }
            frames.add(frame);
        });
        return frames;
    }

    /**
     * Draws each chart at the size its window shows it: MASON draws a chart at a fixed size and scales the picture,
     * which makes the text unreadable in a small window. Call after the windows have their final size.
     */
    void fitToWindows() {
        for (TimeSeriesChartGenerator g : generators.values()) {
            JScrollPane pane = (JScrollPane) SwingUtilities.getAncestorOfClass(JScrollPane.class, g.getChartPanel());
            Window window = SwingUtilities.getWindowAncestor(g);
            if (pane == null || window == null) {
                continue;
            }
            window.validate();
            Dimension view = pane.getViewport().getExtentSize();
            double width = Math.max(200, view.width - 2);
            double height = Math.max(150, view.height - 2);
            g.DEFAULT_CHART_HEIGHT = height;
            g.setProportion(Math.round(width / height * 100) / 100.0); // MASON shows it in a field: keep it short
        }
    }

    private static JMenuBar exportMenu(JFrame frame, String name, TimeSeriesChartGenerator g) {
        JMenu menu = new JMenu("Export");
        menu.add(item(frame, "Save chart as PNG...", name + ".png", "PNG image", f -> ChartExport.png(g.getChart(), f)));
        menu.add(item(frame, "Save chart as SVG...", name + ".svg", "SVG drawing", f -> ChartExport.svg(g.getChart(), f)));
        menu.add(item(frame, "Save data as CSV...", name + ".csv", "CSV table", f -> ChartExport.csv(g.getChart(), f)));
        JMenuBar bar = new JMenuBar();
        bar.add(menu);
        return bar;
    }

    private interface Writer {
        void write(Path file) throws IOException;
    }

    private static JMenuItem item(JFrame frame, String label, String fileName, String kind, Writer writer) {
        JMenuItem item = new JMenuItem(label);
        item.addActionListener(e -> {
            JFileChooser chooser = new JFileChooser();
            String ext = fileName.substring(fileName.lastIndexOf('.') + 1);
            chooser.setFileFilter(new FileNameExtensionFilter(kind, ext));
            chooser.setSelectedFile(new java.io.File(fileName));
            if (chooser.showSaveDialog(frame) != JFileChooser.APPROVE_OPTION) {
                return;
            }
            Path file = chooser.getSelectedFile().toPath();
            if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + ext)) {
                file = file.resolveSibling(file.getFileName() + "." + ext);
            }
            try {
                writer.write(file);
            } catch (IOException | RuntimeException ex) {
                JOptionPane.showMessageDialog(frame, "Could not write " + file + ":\n" + ex.getMessage(),
                        "Export failed", JOptionPane.ERROR_MESSAGE);
            }
        });
        return item;
    }

    /** MASON's PDF button cannot work with the jars on Maven Central (see docs/gui.md): hide it, the menu replaces it. */
    private static void hidePdfExport(Container root) {
        for (Component c : root.getComponents()) {
            if (c instanceof AbstractButton b && b.getText() != null && b.getText().toUpperCase(Locale.ROOT).contains("PDF")) {
                b.setVisible(false);
            } else if (c instanceof Container inner) {
                hidePdfExport(inner);
            }
        }
    }

    private static <T> T find(Container root, Class<T> type) {
        for (Component c : root.getComponents()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            if (c instanceof Container inner) {
                T found = find(inner, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
