package org.exitvoice.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Locale;
import java.util.function.ToLongFunction;

import org.exitvoice.model.Tally;
import org.exitvoice.scenario.RegionData;
import org.exitvoice.scenario.RouteData;

import sim.display.GUIState;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.Inspector;
import sim.portrayal.LocationWrapper;
import sim.portrayal.SimpleInspector;
import sim.portrayal.SimplePortrayal2D;
import sim.util.Propertied;
import sim.util.Properties;

/** One region's square on the map; inspecting it (double-click) shows its counts today, its quota and its routes. */
public final class RegionTile implements Propertied {
    private final RegionMap map;
    private final int index;
    private final RegionData data;

    RegionTile(RegionMap map, int index, RegionData data) {
        this.map = map;
        this.index = index;
        this.data = data;
    }

    /** Index of the region in the region table. */
    int index() {
        return index;
    }

    /** The label on the square: the ISO code without "RU-". */
    String label() {
        return data.code().startsWith("RU-") ? data.code().substring(3) : data.code();
    }

    @Override
    public Properties properties() {
        FactSheet sheet = new FactSheet()
                .add("Region", String.class, data::name)
                .add("Code", String.class, data::code)
                .add("Capital", String.class, data::capital)
                .add("Federal district", String.class, data::federalDistrict)
                .add("Inhabitants (2021)", long.class, data::population)
                .add("Date", String.class, () -> map.shown() == null ? "not started" : map.shown().report().date().toString())
                .add("Men 18-59 (modelled)", long.class, () -> map.shown() == null ? 0L : map.shown().region(index).population())
                .add("At home", long.class, count(Tally::atHome))
                .add("Hiding", long.class, count(Tally::hiding))
                .add("En route", long.class, count(Tally::enRoute))
                .add("Emigrated", long.class, count(Tally::emigrated))
                .add("Mobilized", long.class, count(Tally::mobilized))
                .add("Detained", long.class, count(Tally::detained))
                .add("Quota (persons)", long.class, () -> map.shown() == null ? 0L : Math.round(map.shown().quota()[index]),
                        "This region's share of the national target, set by the quota skew lever.")
                .add("Quota met", String.class, this::quotaMet)
                .add("Summons today", long.class, count(Tally::summons))
                .add("Misdrafted today", long.class, count(Tally::misdrafted), "Summons served to men outside the criteria.")
                .add("Caught today", long.class, count(Tally::caught), "Hiding men caught in raids or stopped at a border.")
                .add("Protesters today", long.class, count(Tally::protesters))
                .add("Arrests today", long.class, count(Tally::arrests))
                .add("Violent incidents today", long.class, count(Tally::incidents))
                .add("Violent incidents so far", long.class, () -> map.shown() == null ? 0L : map.shown().incidentsSoFar()[index])
                .add("Departures today", long.class, count(Tally::departures))
                .add("Turned back today", long.class, count(Tally::turnedBack))
                .add("Legitimacy", double.class,
                        () -> map.shown() == null ? Double.NaN : Math.round(map.shown().legitimacy()[index] * 1000) / 1000.0,
                        "Regional legitimacy L in Epstein's rule, before the community effects.");
        int[] routes = map.reachableRoutes(index);
        int[] days = map.travelDays(index);
        for (int j = 0; j < routes.length; j++) {
            int k = routes[j];
            RouteData r = map.route(k);
            String travel = days[j] + (days[j] == 1 ? " day" : " days");
            sheet.add("Route: " + LeverControls.label(r) + ", " + travel, String.class, () -> map.routeSummary(k),
                    r.name() + ": " + travel + " from the capital");
        }
        if (routes.length == 0) {
            sheet.add("Routes", String.class, () -> map.started() ? "none reachable" : "shown once a run starts");
        }
        return sheet;
    }

    private java.util.function.Supplier<Long> count(ToLongFunction<Tally> field) {
        return () -> map.shown() == null ? 0L : field.applyAsLong(map.shown().region(index).tally());
    }

    private String quotaMet() {
        DayView v = map.shown();
        if (v == null || v.quota()[index] <= 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.0f%%", 100.0 * v.region(index).tally().mobilized() / v.quota()[index]);
    }

    @Override
    public String toString() {
        return data.name();
    }

    /** Draws a tile as a rounded square in its measure's colour, with its code on it. */
    static final class Portrayal extends SimplePortrayal2D {
        private static final long serialVersionUID = 1L;
        private final RegionMap map;

        Portrayal(RegionMap map) {
            this.map = map;
        }

        @Override
        public void draw(Object object, Graphics2D g, DrawInfo2D info) {
            RegionTile tile = (RegionTile) object;
            Rectangle2D.Double box = box(info);
            Color fill = map.colour(tile.index);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            RoundRectangle2D.Double square = new RoundRectangle2D.Double(box.x, box.y, box.width, box.height,
                    box.width * 0.2, box.height * 0.2);
            g.setPaint(fill);
            g.fill(square);
            g.setPaint(info.selected ? new Color(0x1F3B73) : new Color(0x9A9A9A));
            g.setStroke(new BasicStroke(info.selected ? 3f : 0.8f));
            g.draw(square);
            float size = (float) Math.max(7, box.width * 0.30);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(size)));
            FontMetrics fm = g.getFontMetrics();
            String label = tile.label();
            g.setPaint(ColourScale.ink(fill));
            // label in the upper half: route markers sit on the edges and the lower corner
            g.drawString(label, (float) (box.getCenterX() - fm.stringWidth(label) / 2.0),
                    (float) (box.y + box.height * 0.42 + fm.getAscent() / 2.0));
        }

        @Override
        public boolean hitObject(Object object, DrawInfo2D range) {
            return range.clip.intersects(box(range));
        }

        @Override
        public Inspector getInspector(LocationWrapper wrapper, GUIState gui) {
            // MASON pages an inspector after 25 rows; a region's routes would land on later pages
            return wrapper == null ? null : new SimpleInspector(wrapper.getObject(), gui, null, 100);
        }

        /** The square inside its cell, with a small gap to the neighbours. */
        private static Rectangle2D.Double box(DrawInfo2D info) {
            double w = info.draw.width;
            double h = info.draw.height;
            double gap = Math.max(1, w * 0.06);
            return new Rectangle2D.Double(info.draw.x - w / 2 + gap / 2, info.draw.y - h / 2 + gap / 2, w - gap, h - gap);
        }
    }
}
