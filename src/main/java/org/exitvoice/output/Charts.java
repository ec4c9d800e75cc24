package org.exitvoice.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import org.exitvoice.model.DayReport;
import org.exitvoice.model.RouteDay;
import org.exitvoice.model.RunResult;
import org.exitvoice.model.Tally;
import org.exitvoice.scenario.RouteData;
import org.jfree.chart.ChartUtilities;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimePeriodAnchor;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.graphics2d.svg.SVGGraphics2D;
import org.jfree.graphics2d.svg.ViewBox;

/** The four charts of a run (emigration, unrest, mobilization, borders), drawn as PNG and SVG. */
public final class Charts {

    /** Chart names, in the order the report shows them; files are {@code charts/NAME.png} and {@code .svg}. */
    public static final List<String> NAMES = List.of("emigration", "unrest", "mobilization", "borders");

    /** Size of the PNG and of the SVG's view box, in pixels. */
    public static final int WIDTH = 900, HEIGHT = 540;

    /** Lines drawn separately at most; the rest of the destinations are summed into one "other" line. */
    static final int MAX_DESTINATIONS = 8;

    /** Land crossings drawn at most (those with the highest peak wait). */
    static final int MAX_CROSSINGS = 8;

    // Dates are plotted and labelled in UTC with fixed month names, so the same run draws the same chart on any
    // machine (JFreeChart otherwise converts days with the default time zone and locale).
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");



    private final Map<String, JFreeChart> charts = new LinkedHashMap<>();
    private final Map<String, String> svgs = new HashMap<>();

    /**
     * Builds the charts; {@code target} is the national mobilization target (men, no target line if &le; 0) and
     * {@code routes} name the crossings in the borders legend (ids are used for routes not listed).
     */
    public Charts(RunResult result, long target, List<RouteData> routes) {
        Map<String, String> names = new HashMap<>();
        for (RouteData r : routes == null ? List.<RouteData>of() : routes) {
            names.put(r.id(), r.name());
        }
        List<DayReport> days = result.days();
        charts.put("emigration", emigration(days));
        charts.put("unrest", unrest(days));
        charts.put("mobilization", mobilization(days, target));
        charts.put("borders", borders(days, names));
    }

    /** The chart called {@code name} (one of {@link #NAMES}). */
    public JFreeChart chart(String name) {
        JFreeChart c = charts.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no chart named " + name + "; charts are " + NAMES);
        }
        return c;
    }

    /** The chart as one {@code <svg>} element with a view box (scales to its container when inlined in HTML). */
    public String svg(String name) {
        return svgs.computeIfAbsent(name, n -> {
            SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
            // JFreeSVG's default prefix is built from System.nanoTime(): fix it so the SVG is reproducible, and
            // make it per chart so the ids of several charts inlined in one page never clash.
            g2.setDefsKeyPrefix("ev-" + n + "-");
            chart(n).draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
            return g2.getSVGElement(null, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
        });
    }

    /** Writes {@code NAME.png} and {@code NAME.svg} for every chart into {@code dir} (created if needed). */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : NAMES) {
            ChartUtilities.saveChartAsPNG(dir.resolve(name + ".png").toFile(), chart(name), WIDTH, HEIGHT);
            Files.writeString(dir.resolve(name + ".svg"),
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg(name) + "\n", StandardCharsets.UTF_8);
        }
    }

    // ---- the four charts ----

    /** Cumulative persons crossed per destination country (summed over its routes), largest destination first. */
    private static JFreeChart emigration(List<DayReport> days) {
        Map<String, Long> totals = new HashMap<>();
        for (DayReport d : days) {
            for (RouteDay r : d.routes()) {
                totals.merge(r.destination(), r.crossed(), Long::sum);
            }
        }
        List<String> order = new ArrayList<>(totals.keySet());
        order.sort(Comparator.comparing((String k) -> -totals.get(k)).thenComparing(Comparator.naturalOrder()));
        // Too many lines are unreadable: keep the largest, fold the tail into one line.
        List<String> shown = order.size() <= MAX_DESTINATIONS + 1 ? order : order.subList(0, MAX_DESTINATIONS);
        String other = "Other (" + (order.size() - shown.size()) + " countries)";

        Map<String, TimeSeries> series = new LinkedHashMap<>();
        for (String dest : shown) {
            series.put(dest, new TimeSeries(dest));
        }
        if (shown.size() < order.size()) {
            series.put(other, new TimeSeries(other));
        }
        Map<String, Long> cumulative = new HashMap<>();
        for (DayReport d : days) {
            for (RouteDay r : d.routes()) {
                String key = shown.contains(r.destination()) ? r.destination() : other;
                cumulative.merge(key, r.crossed(), Long::sum);
            }
            for (Map.Entry<String, TimeSeries> e : series.entrySet()) {
                e.getValue().add(day(d.date()), cumulative.getOrDefault(e.getKey(), 0L));
            }
        }
        XYPlot plot = plot(collection(series.values()), countAxis("Persons crossed, cumulative"), lines(series.size()));
        return chart("Emigration by destination", "Persons (men and the family travelling with them) who crossed"
                + " the border because of the mobilization", plot);
    }

    /** Protesters and arrests per day (persons, left axis) and incidents per day (bars, right axis). */
    private static JFreeChart unrest(List<DayReport> days) {
        TimeSeries protesters = new TimeSeries("Protesters");
        TimeSeries arrests = new TimeSeries("Arrests");
        TimeSeries incidents = new TimeSeries("Violent incidents (right axis)");
        for (DayReport d : days) {
            Tally t = d.national();
            protesters.add(day(d.date()), t.protesters());
            arrests.add(day(d.date()), t.arrests());
            incidents.add(day(d.date()), t.incidents());
        }
        XYLineAndShapeRenderer people = lines(2);
        people.setSeriesPaint(0, ChartStyle.PROTESTERS);
        people.setSeriesPaint(1, ChartStyle.ARRESTS);
        XYPlot plot = plot(collection(List.of(protesters, arrests)), countAxis("Persons per day"), people);

        NumberAxis right = countAxis("Incidents per day");
        // Head room above the tallest bar so the bars stay below the protest lines in most runs.
        right.setUpperMargin(0.6);
        XYBarRenderer bars = new XYBarRenderer(0.35);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        Color incidentColour = ChartStyle.INCIDENTS;
        bars.setSeriesPaint(0, new Color(incidentColour.getRed(), incidentColour.getGreen(), incidentColour.getBlue(), 150));
        plot.setRangeAxis(1, right);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        plot.setDataset(1, collection(List.of(incidents)));
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, bars);
        // Default order draws dataset 1 first: the bars sit behind the lines.
        return chart("Protest and unrest", "Street protesters and arrested protesters (persons) per day;"
                + " arson and other violent incidents per day", plot);
    }

    /** Men mobilized (stock) and summons served (cumulative) against the target. */
    private static JFreeChart mobilization(List<DayReport> days, long target) {
        TimeSeries mobilized = new TimeSeries("Mobilized");
        TimeSeries summons = new TimeSeries("Summons served, cumulative");
        TimeSeries goal = new TimeSeries("Target (" + Summary.n(target) + " men)");
        long served = 0;
        for (DayReport d : days) {
            Tally t = d.national();
            served += t.summons();
            mobilized.add(day(d.date()), t.mobilized());
            summons.add(day(d.date()), served);
            goal.add(day(d.date()), target);
        }
        List<TimeSeries> all = new ArrayList<>(List.of(mobilized, summons));
        if (target > 0) {
            all.add(goal); // a series rather than a marker: it appears in the legend and in the axis range
        }
        XYLineAndShapeRenderer r = lines(all.size());
        r.setSeriesPaint(0, ChartStyle.MOBILIZED);
        r.setSeriesPaint(1, ChartStyle.SUMMONS);
        if (target > 0) {
            r.setSeriesPaint(2, ChartStyle.TARGET);
            r.setSeriesStroke(2, new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {8f, 6f}, 0f));
        }
        XYPlot plot = plot(collection(all), countAxis("Men, cumulative"), r);
        return chart("Mobilization against the target", "Men mobilized and summons served since the decree;"
                + " dashed: the announced national target", plot);
    }

    /** Hours of waiting per land crossing; the crossings with the highest peak wait. */
    private static JFreeChart borders(List<DayReport> days, Map<String, String> names) {
        Map<String, Double> peak = new HashMap<>();
        Map<String, String> destination = new HashMap<>();
        for (DayReport d : days) {
            for (RouteDay r : d.routes()) {
                if (!"land".equalsIgnoreCase(r.mode())) {
                    continue;
                }
                destination.putIfAbsent(r.route(), r.destination());
                double w = Double.isFinite(r.waitHours()) ? r.waitHours() : Double.NEGATIVE_INFINITY;
                peak.merge(r.route(), w, Math::max);
            }
        }
        List<String> order = new ArrayList<>(peak.keySet());
        order.removeIf(id -> peak.get(id) == Double.NEGATIVE_INFINITY); // closed throughout: nothing to draw
        order.sort(Comparator.comparing((String id) -> -peak.get(id)).thenComparing(Comparator.naturalOrder()));
        List<String> shown = order.subList(0, Math.min(MAX_CROSSINGS, order.size()));

        Map<String, TimeSeries> series = new LinkedHashMap<>();
        for (String id : shown) {
            String label = names.getOrDefault(id, id) + " (" + destination.get(id) + ")";
            boolean taken = series.values().stream().anyMatch(s -> s.getKey().equals(label));
            series.put(id, new TimeSeries(taken ? label + " [" + id + "]" : label));
        }
        for (DayReport d : days) {
            for (RouteDay r : d.routes()) {
                TimeSeries s = series.get(r.route());
                if (s != null) {
                    // a closed crossing (capacity 0) has no wait: a gap in its line, not a zero
                    s.addOrUpdate(day(d.date()), Double.isFinite(r.waitHours()) ? r.waitHours() : null);
                }
            }
        }
        NumberAxis hours = new NumberAxis("Wait at the crossing (hours)");
        hours.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
        XYPlot plot = plot(collection(series.values()), hours, lines(series.size()));
        plot.setNoDataMessage("No land crossing had a queue");
        return chart("Waiting at land border crossings", "Queue divided by daily capacity, at the end of each day;"
                + " the " + shown.size() + " crossings with the longest peak wait", plot);
    }

    // ---- shared look ----

    private static Day day(LocalDate date) {
        return new Day(Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()), UTC, Locale.ROOT);
    }

    private static TimeSeriesCollection collection(Iterable<TimeSeries> series) {
        TimeSeriesCollection c = new TimeSeriesCollection(UTC);
        for (TimeSeries s : series) {
            c.addSeries(s);
        }
        // a day's value sits in the middle of its day, so bars and points line up and ticks fall on midnights
        c.setXPosition(TimePeriodAnchor.MIDDLE);
        return c;
    }

    private static NumberAxis countAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        // counts: whole-number ticks, thousands separated by "," whatever the machine's locale
        a.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        a.setAutoRangeIncludesZero(true);
        a.setUpperMargin(0.08); // keeps a line at the maximum (e.g. the target) off the frame
        return a;
    }

    private static XYLineAndShapeRenderer lines(int n) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < n; i++) {
            r.setSeriesPaint(i, ChartStyle.PALETTE[i % ChartStyle.PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        return r;
    }

    private static XYPlot plot(TimeSeriesCollection data, NumberAxis range, XYItemRenderer renderer) {
        DateAxis time = new DateAxis("Date", UTC, Locale.ROOT);
        time.setStandardTickUnits(DateAxis.createStandardDateTickUnits(UTC, Locale.ROOT));
        SimpleDateFormat fmt = new SimpleDateFormat("d MMM yyyy", Locale.ROOT);
        fmt.setTimeZone(UTC);
        // the automatic formats drop the year and follow the default locale
        time.setDateFormatOverride(fmt);
        time.setLowerMargin(0.01);
        time.setUpperMargin(0.01);
        XYPlot plot = new XYPlot(data, time, range, renderer);
        plot.setNoDataMessage("No data");
        return plot;
    }

    private static JFreeChart chart(String title, String subtitle, XYPlot plot) {
        return ChartStyle.chart(title, subtitle, plot, true);
    }
}
