package org.exitvoice.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.List;

import org.exitvoice.model.RouteDay;
import org.exitvoice.scenario.RouteData;

import sim.display.GUIState;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.Inspector;
import sim.portrayal.LocationWrapper;
import sim.portrayal.SimpleInspector;
import sim.portrayal.SimplePortrayal2D;
import sim.util.Propertied;
import sim.util.Properties;

/**
 * A border crossing (circle) or an airport (diamond, all flights from one region together) on the map; its area
 * grows with today's queue. Grey with a cross when closed, ringed in red when a mobilization point stands at it.
 */
public final class RouteMarker implements Propertied {
    /** Queue (persons) drawn with radius {@link #REFERENCE_RADIUS} tiles. */
    static final double REFERENCE_QUEUE = 10_000;
    static final double REFERENCE_RADIUS = 0.4;
    /** A route with no queue is still drawn, small. */
    static final double EMPTY_RADIUS = 0.09;
    static final double MAX_RADIUS = 0.75;

    private static final Color LAND = new Color(0x1F3B73);
    private static final Color AIR = new Color(0x6A3D9A);
    private static final Color CLOSED = new Color(0x8C8C8C);
    private static final Color POINT = new Color(0xD7191C);

    private final RegionMap map;
    private final String name;
    private final boolean air;
    private final List<Integer> routes;

    RouteMarker(RegionMap map, String name, boolean air, List<Integer> routes) {
        this.map = map;
        this.name = name;
        this.air = air;
        this.routes = List.copyOf(routes);
    }

    /** Marker radius in tiles for a queue of {@code persons}: area proportional to the queue, capped. */
    static double radius(double persons) {
        return Math.min(MAX_RADIUS, EMPTY_RADIUS + REFERENCE_RADIUS * Math.sqrt(Math.max(0, persons) / REFERENCE_QUEUE));
    }

    /** Today's queue over the marker's routes, persons (0 before the first day). */
    long queue() {
        DayView v = map.shown();
        if (v == null) {
            return 0;
        }
        long q = 0;
        for (int k : routes) {
            q += v.report().routes().get(k).queue();
        }
        return q;
    }

    /** Whether any of its routes is open today (or, before the first day, in the scenario). */
    boolean open() {
        DayView v = map.shown();
        if (v == null) {
            return true;
        }
        if (v.exitBan()) {
            return false;
        }
        return routes.stream().anyMatch(k -> v.routeOpen()[k]);
    }

    boolean mobilizationPoint() {
        DayView v = map.shown();
        return v != null && routes.stream().anyMatch(k -> v.mobilizationPoint()[k]);
    }

    @Override
    public Properties properties() {
        FactSheet sheet = new FactSheet()
                .add(air ? "Airport" : "Crossing", String.class, () -> name)
                .add("Date", String.class, () -> map.shown() == null ? "not started" : map.shown().report().date().toString())
                .add("Queue (persons)", long.class, this::queue)
                .add("Open", boolean.class, this::open)
                .add("Mobilization point", boolean.class, this::mobilizationPoint);
        for (int k : routes) {
            RouteData r = map.route(k);
            String prefix = routes.size() == 1 ? "" : LeverControls.label(r) + ": ";
            sheet.add(prefix + "destination", String.class, r::destination)
                    .add(prefix + "capacity (persons/day)", long.class, r::capacityPerDay)
                    .add(prefix + "usual traffic (persons/day)", long.class, r::usualPerDay)
                    .add(prefix + "places for those fleeing (per day)", long.class,
                            () -> day(k) == null ? r.placesPerDay() : day(k).capacity())
                    .add(prefix + "residents only", boolean.class,
                            () -> map.shown() != null && map.shown().residentsOnly()[k])
                    .add(prefix + "wait (hours)", double.class, () -> day(k) == null ? Double.NaN : day(k).waitHours())
                    .add(prefix + "crossed today", long.class, () -> day(k) == null ? 0L : day(k).crossed())
                    .add(prefix + "turned back today", long.class, () -> day(k) == null ? 0L : day(k).turnedBack())
                    .add(prefix + "price index", double.class, () -> day(k) == null ? Double.NaN : day(k).priceIndex());
        }
        return sheet;
    }

    private RouteDay day(int k) {
        DayView v = map.shown();
        return v == null ? null : v.report().routes().get(k);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Draws the marker centred on its location. */
    static final class Portrayal extends SimplePortrayal2D {
        private static final long serialVersionUID = 1L;

        @Override
        public void draw(Object object, Graphics2D g, DrawInfo2D info) {
            RouteMarker m = (RouteMarker) object;
            Shape shape = shape(m, info);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            boolean open = m.open();
            Color base = !open ? CLOSED : m.air ? AIR : LAND;
            // translucent: the tile's colour and code stay visible under a long queue
            g.setPaint(new Color(base.getRed(), base.getGreen(), base.getBlue(), 120));
            g.fill(shape);
            g.setStroke(new BasicStroke(info.selected ? 2.5f : 1.2f));
            g.setPaint(Color.WHITE);
            g.draw(shape);
            if (m.mobilizationPoint()) {
                g.setPaint(POINT);
                g.setStroke(new BasicStroke(2f));
                double r = shape.getBounds2D().getWidth() / 2 + 2;
                g.draw(new Ellipse2D.Double(info.draw.x - r, info.draw.y - r, 2 * r, 2 * r));
            }
            if (!open) {
                double r = Math.max(3, shape.getBounds2D().getWidth() / 2);
                g.setPaint(new Color(0x333333));
                g.setStroke(new BasicStroke(1.5f));
                g.draw(new Line2D.Double(info.draw.x - r, info.draw.y - r, info.draw.x + r, info.draw.y + r));
                g.draw(new Line2D.Double(info.draw.x - r, info.draw.y + r, info.draw.x + r, info.draw.y - r));
            }
        }

        @Override
        public boolean hitObject(Object object, DrawInfo2D range) {
            Shape s = shape((RouteMarker) object, range);
            return s.intersects(range.clip);
        }

        @Override
        public Inspector getInspector(LocationWrapper wrapper, GUIState gui) {
            // MASON pages an inspector after 25 rows; a region's routes would land on later pages
            return wrapper == null ? null : new SimpleInspector(wrapper.getObject(), gui, null, 100);
        }

        private static Shape shape(RouteMarker m, DrawInfo2D info) {
            // a continuous field's DrawInfo2D: draw.x/y is the location, draw.width the pixels per unit (one tile)
            double r = Math.max(3, radius(m.queue()) * info.draw.width);
            double x = info.draw.x;
            double y = info.draw.y;
            if (!m.air) {
                return new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
            }
            Path2D.Double diamond = new Path2D.Double();
            double d = r * Math.sqrt(Math.PI / 2); // the same area as the circle
            diamond.moveTo(x, y - d);
            diamond.lineTo(x + d, y);
            diamond.lineTo(x, y + d);
            diamond.lineTo(x - d, y);
            diamond.closePath();
            return diamond;
        }
    }
}
