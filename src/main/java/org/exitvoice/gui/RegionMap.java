package org.exitvoice.gui;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.swing.Box;
import javax.swing.JComboBox;
import javax.swing.JFrame;
import javax.swing.JLabel;

import org.exitvoice.model.ExitVoiceModel;
import org.exitvoice.model.RouteDay;
import org.exitvoice.scenario.RegionData;
import org.exitvoice.scenario.RouteData;
import org.exitvoice.scenario.Scenario;

import sim.display.Display2D;
import sim.display.GUIState;
import sim.field.continuous.Continuous2D;
import sim.field.grid.SparseGrid2D;
import sim.portrayal.continuous.ContinuousPortrayal2D;
import sim.portrayal.grid.SparseGridPortrayal2D;
import sim.util.Double2D;

/**
 * The map window: the regions as a tile-grid cartogram coloured by a chosen measure, the border crossings and
 * airports as markers sized by today's queue, the date above and a legend below.
 * <p>
 * Everything here runs on Swing's thread: {@link #observe} is fed the days the model finished, and the display is
 * repainted by the GUI's timer, not after every simulated day.
 */
final class RegionMap {
    /** Rows above the tiles (date and status) and below them (legend). */
    static final int TITLE_ROWS = 1;
    static final int LEGEND_ROWS = 2;
    /** Pixels per tile at scale 1. */
    static final int CELL = 40;

    private final Scenario scenario;
    private final List<RegionData> regions;
    private final List<RouteData> routes;
    private final TileLayout layout;
    private final SparseGrid2D tiles;
    private final Continuous2D markers;
    private final List<RouteMarker> markerList = new ArrayList<>();
    private final Display2D display;
    private final double[] scaleMax = new double[MapMeasure.values().length];
    private MapMeasure measure = MapMeasure.EMIGRATED_SHARE;
    private final JComboBox<MapMeasure> chooser;
    private DayView shown;
    private int[][] reachable = new int[0][];
    private int[][] travelDays = new int[0][];
    private boolean started;

    RegionMap(GUIState gui, Scenario scenario, List<RegionData> regions, List<RouteData> routes) {
        this.scenario = scenario;
        this.regions = List.copyOf(regions);
        this.routes = List.copyOf(routes);
        this.layout = TileLayout.of(regions);
        int width = layout.width();
        int height = layout.height() + TITLE_ROWS + LEGEND_ROWS;
        tiles = new SparseGrid2D(width, height);
        for (int r = 0; r < regions.size(); r++) {
            tiles.setObjectLocation(new RegionTile(this, r, regions.get(r)), layout.column(r), layout.row(r) + TITLE_ROWS);
        }
        markers = new Continuous2D(1.0, width, height);
        placeMarkers();

        SparseGridPortrayal2D tilePortrayal = new SparseGridPortrayal2D();
        tilePortrayal.setField(tiles);
        tilePortrayal.setPortrayalForClass(RegionTile.class, new RegionTile.Portrayal(this));
        ContinuousPortrayal2D markerPortrayal = new ContinuousPortrayal2D();
        markerPortrayal.setField(markers);
        markerPortrayal.setPortrayalForClass(RouteMarker.class, new RouteMarker.Portrayal());
        MapLegend legend = new MapLegend(this);
        legend.setField(tiles); // any field: the legend only needs the geometry

        display = new Display2D(width * CELL, height * CELL, gui) {
            {
                // the GUI's timer repaints a few times a second; never after each simulated day
                updateRule = UPDATE_RULE_NEVER;
            }
        };
        display.setBackdrop(Color.WHITE);
        display.attach(tilePortrayal, "Regions");
        display.attach(markerPortrayal, "Crossings and airports");
        display.attach(legend, "Date and legend");

        chooser = new JComboBox<>(MapMeasure.values());
        chooser.setSelectedItem(measure);
        chooser.setToolTipText("What the tiles' colours show");
        chooser.addActionListener(e -> {
            measure = (MapMeasure) chooser.getSelectedItem();
            display.repaint();
        });
        display.header.add(Box.createHorizontalStrut(8));
        display.header.add(new JLabel("Colour: "));
        display.header.add(chooser);
    }

    /**
     * Land crossings sit on the edge of their region's tile facing the crossing (from the capital); all flights from
     * one region share one airport marker below the tile's code.
     */
    private void placeMarkers() {
        Map<String, Integer> regionOf = new HashMap<>();
        for (int r = 0; r < regions.size(); r++) {
            regionOf.put(regions.get(r).code(), r);
        }
        Map<Integer, List<Integer>> land = new LinkedHashMap<>();
        Map<Integer, List<Integer>> air = new LinkedHashMap<>();
        for (int k = 0; k < routes.size(); k++) {
            Integer r = regionOf.get(routes.get(k).region());
            if (r == null) {
                continue; // a route in a region outside the table has no tile to sit on
            }
            (routes.get(k).mode() == RouteData.Mode.AIR ? air : land).computeIfAbsent(r, x -> new ArrayList<>()).add(k);
        }
        land.forEach((r, ks) -> {
            RegionData capital = regions.get(r);
            double coslat = Math.cos(Math.toRadians(capital.lat()));
            List<double[]> byAngle = new ArrayList<>(); // {angle, route}
            for (int k : ks) {
                RouteData c = routes.get(k);
                double dx = (c.lon() - capital.lon()) * coslat;
                double dy = capital.lat() - c.lat(); // screen y grows southwards
                byAngle.add(new double[] {Math.atan2(dy, dx), k});
            }
            byAngle.sort(Comparator.comparingDouble((double[] a) -> a[0]).thenComparingDouble(a -> a[1]));
            // crossings close in direction (Leningrad's three to Finland) are fanned out so they do not hide each other
            double minGap = Math.toRadians(40);
            for (int j = 1; j < byAngle.size(); j++) {
                byAngle.get(j)[0] = Math.max(byAngle.get(j)[0], byAngle.get(j - 1)[0] + minGap);
            }
            for (double[] a : byAngle) {
                int k = (int) a[1];
                double cx = Math.cos(a[0]);
                double cy = Math.sin(a[0]);
                double toEdge = 0.45 / Math.max(Math.abs(cx), Math.abs(cy));
                RouteMarker m = new RouteMarker(this, routes.get(k).name(), false, List.of(k));
                markerList.add(m);
                // kept off the display's edge (Leningrad and Kaliningrad are in the first column)
                double x = Math.max(0.2, Math.min(layout.width() - 0.2, layout.column(r) + 0.5 + cx * toEdge));
                markers.setObjectLocation(m, new Double2D(x, layout.row(r) + TITLE_ROWS + 0.5 + cy * toEdge));
            }
        });
        air.forEach((r, ks) -> {
            String city = LeverControls.shortName(routes.get(ks.get(0))).split(" - ")[0];
            String name = String.format(Locale.ROOT, "%s airports (%d route%s)", city, ks.size(), ks.size() == 1 ? "" : "s");
            RouteMarker m = new RouteMarker(this, name, true, ks);
            markerList.add(m);
            markers.setObjectLocation(m, new Double2D(layout.column(r) + 0.5, layout.row(r) + TITLE_ROWS + 0.76));
        });
    }

    /** The frame of the map, titled; placed by the caller. */
    JFrame createFrame() {
        JFrame frame = display.createFrame();
        frame.setTitle("Regions: map");
        return frame;
    }

    Display2D display() {
        return display;
    }

    /** A new run: no day shown, colour scales back to their floor, the reachable routes of the new model. */
    void start(ExitVoiceModel model) {
        shown = null;
        java.util.Arrays.fill(scaleMax, 0);
        int n = regions.size();
        reachable = new int[n][];
        travelDays = new int[n][];
        for (int r = 0; r < n; r++) {
            reachable[r] = model.reachableRoutes(r);
            travelDays[r] = model.travelDays(r);
        }
        started = true;
        display.reset(); // MASON's idiom: re-registers the display with the new run (and clears selections)
        display.repaint();
    }

    /** The day the model finished: the colour scales only grow during a run, so colours compare across days. */
    void observe(DayView day) {
        for (MapMeasure m : MapMeasure.values()) {
            double max = 0;
            for (int r = 0; r < regions.size(); r++) {
                max = Math.max(max, m.value(day, r, regions.get(r)));
            }
            scaleMax[m.ordinal()] = Math.max(scaleMax[m.ordinal()], ColourScale.niceCeiling(max, m.smallestMax()));
        }
        shown = day;
    }

    void repaint() {
        display.repaint();
    }

    /** The day on screen, or null before the first. */
    DayView shown() {
        return shown;
    }

    boolean started() {
        return started;
    }

    MapMeasure measure() {
        return measure;
    }

    /** Colours the map by {@code m}, as if chosen in the combo box above it. */
    void setMeasure(MapMeasure m) {
        chooser.setSelectedItem(m); // its listener repaints
    }

    /** The colour scale of the chosen measure. */
    ColourScale scale() {
        return new ColourScale(Math.max(scaleMax[measure.ordinal()], measure.smallestMax()));
    }

    /** Region r's colour today. */
    Color colour(int r) {
        return shown == null ? ColourScale.NO_DATA : scale().colour(measure.value(shown, r, regions.get(r)));
    }

    Scenario scenario() {
        return scenario;
    }

    TileLayout layout() {
        return layout;
    }

    RouteData route(int k) {
        return routes.get(k);
    }

    int[] reachableRoutes(int r) {
        return r < reachable.length ? reachable[r] : new int[0];
    }

    int[] travelDays(int r) {
        return r < travelDays.length ? travelDays[r] : new int[0];
    }

    /** e.g. "open, queue 1,234 (5 h)": short, the Console's inspector column is narrow. */
    String routeSummary(int k) {
        if (shown == null) {
            return "-";
        }
        RouteDay d = shown.report().routes().get(k);
        boolean open = shown.routeOpen()[k] && !shown.exitBan();
        StringBuilder sb = new StringBuilder(open ? "open" : "closed");
        sb.append(String.format(Locale.ROOT, ", queue %,d", d.queue()));
        if (Double.isFinite(d.waitHours()) && d.queue() > 0) {
            sb.append(String.format(Locale.ROOT, " (%.0f h)", d.waitHours()));
        }
        return sb.toString();
    }

    /** Markers, for tests. */
    List<RouteMarker> markers() {
        return List.copyOf(markerList);
    }
}
