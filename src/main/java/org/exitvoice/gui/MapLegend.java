package org.exitvoice.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;
import sim.portrayal.Portrayal;
import sim.portrayal.SimplePortrayal2D;

/** Draws the map's date and status line above the tiles and the colour and marker legend below them. */
final class MapLegend extends FieldPortrayal2D {
    private static final Color INK = new Color(0x333333);
    private static final Color MUTED = new Color(0x666666);
    private static final Color ALERT = new Color(0xB2182B);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ROOT);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ROOT);

    private final RegionMap map;

    MapLegend(RegionMap map) {
        this.map = map;
    }

    @Override
    public Portrayal getDefaultPortrayal() {
        return new SimplePortrayal2D(); // it holds no objects
    }

    @Override
    public void draw(Object field, Graphics2D g, DrawInfo2D info) {
        TileLayout layout = map.layout();
        double cell = info.draw.width / layout.width();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        drawTitle(g, info.draw.x, info.draw.y, info.draw.width, cell);
        double legendTop = info.draw.y + (RegionMap.TITLE_ROWS + layout.height()) * cell;
        drawColourKey(g, info.draw.x + 0.3 * cell, legendTop + 0.25 * cell, 5.6 * cell, cell);
        drawMarkerKey(g, info.draw.x + 6.6 * cell, legendTop + 0.25 * cell, cell);
    }

    /**
     * The title's left part once a day is shown, e.g. {@code Fri 30 Sep 2022 · day 9 · 10 of 60 days}: the day numbered
     * as in national.csv (day 0 is the start date, as MASON's step counter counts), then how many days are done.
     */
    static String dayTitle(LocalDate date, int day, int days) {
        return date.format(DATE) + "  \u00b7  day " + day + "  \u00b7  " + (day + 1) + " of " + days + " days";
    }

    /** "Fri 30 Sep 2022 · day 9 · 10 of 60 days" on the left; the draft and exit status on the right. */
    private void drawTitle(Graphics2D g, double x, double y, double width, double cell) {
        DayView day = map.shown();
        g.setFont(font(Font.BOLD, cell * 0.42));
        FontMetrics fm = g.getFontMetrics();
        float baseline = (float) (y + cell * 0.5 + fm.getAscent() / 2.0 - 2);
        g.setPaint(INK);
        String left = day == null ? "Press play to start " + map.scenario().start().format(DATE)
                : dayTitle(day.report().date(), day.report().day(), map.scenario().days());
        g.drawString(left, (float) (x + cell * 0.3), baseline);
        if (day == null) {
            return;
        }
        String status;
        Color colour = MUTED;
        if (day.exitBan()) {
            status = "EXIT BAN: no man may leave";
            colour = ALERT;
        } else if (day.draftRunning()) {
            status = String.format(Locale.ROOT, "mobilized %,d of %,d", day.report().national().mobilized(),
                    map.scenario().draft().target());
        } else {
            status = String.format(Locale.ROOT, "draft over  \u00b7  mobilized %,d", day.report().national().mobilized());
        }
        g.setFont(font(Font.PLAIN, cell * 0.36));
        fm = g.getFontMetrics();
        g.setPaint(colour);
        g.drawString(status, (float) (x + width - cell * 0.3 - fm.stringWidth(status)), baseline);
    }

    /** The measure's name over a colour bar with five round ticks. */
    private void drawColourKey(Graphics2D g, double x, double y, double width, double cell) {
        MapMeasure m = map.measure();
        ColourScale scale = map.scale();
        String title = m.label() + ", " + m.unit();
        g.setFont(font(Font.BOLD, cell * 0.3));
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(title) > width + cell * 0.4) {
            // a long measure name shrinks rather than running into the queue key
            g.setFont(g.getFont().deriveFont((float) (g.getFont().getSize2D() * (width + cell * 0.4) / fm.stringWidth(title))));
            fm = g.getFontMetrics();
        }
        g.setPaint(INK);
        g.drawString(title, (float) x, (float) (y + fm.getAscent()));
        double barTop = y + cell * 0.45;
        double barHeight = cell * 0.35;
        int steps = 120;
        for (int i = 0; i < steps; i++) {
            g.setPaint(scale.colour(scale.max() * (i + 0.5) / steps));
            g.fill(new Rectangle2D.Double(x + width * i / steps, barTop, width / steps + 0.6, barHeight));
        }
        g.setPaint(new Color(0x999999));
        g.setStroke(new BasicStroke(0.8f));
        g.draw(new Rectangle2D.Double(x, barTop, width, barHeight));
        g.setFont(font(Font.PLAIN, cell * 0.27));
        fm = g.getFontMetrics();
        g.setPaint(INK);
        for (int t = 0; t <= 4; t++) {
            double tx = x + width * t / 4;
            g.draw(new Line2D.Double(tx, barTop + barHeight, tx, barTop + barHeight + cell * 0.08));
            String label = m.format(scale.max() * t / 4) + (t == 4 ? "+" : "");
            double lx = Math.max(x, Math.min(tx - fm.stringWidth(label) / 2.0, x + width - fm.stringWidth(label) + cell * 0.3));
            g.drawString(label, (float) lx, (float) (barTop + barHeight + cell * 0.1 + fm.getAscent()));
        }
    }

    /** Circles for three queue sizes, then the symbols: crossing, airport, closed, mobilization point. */
    private void drawMarkerKey(Graphics2D g, double x, double y, double cell) {
        g.setFont(font(Font.BOLD, cell * 0.3));
        g.setPaint(INK);
        FontMetrics fm = g.getFontMetrics();
        g.drawString("Queue today, persons", (float) x, (float) (y + fm.getAscent()));
        g.setFont(font(Font.PLAIN, cell * 0.27));
        fm = g.getFontMetrics();
        double cy = y + cell * 1.0;
        double cx = x + cell * 0.15;
        for (int q : new int[] {1_000, 5_000, 10_000}) {
            double r = RouteMarker.radius(q) * cell;
            g.setPaint(new Color(0x1F, 0x3B, 0x73, 150));
            g.fill(new Ellipse2D.Double(cx, cy - r, 2 * r, 2 * r));
            g.setPaint(INK);
            String label = String.format(Locale.ROOT, "%,d", q);
            g.drawString(label, (float) (cx + 2 * r + cell * 0.08), (float) (cy + fm.getAscent() / 2.0 - 1));
            cx += 2 * r + cell * 0.2 + fm.stringWidth(label);
        }
        // the symbol key, two by two, right of the circles
        double kx = x + cell * 5.4;
        double ky = y + cell * 0.55;
        double r = cell * 0.13;
        double line = cell * 0.5;
        double column = cell * 1.8;
        symbol(g, kx, ky, r, "crossing", Shape.CIRCLE, fm);
        symbol(g, kx + column, ky, r, "airports", Shape.DIAMOND, fm);
        symbol(g, kx, ky + line, r, "closed", Shape.CLOSED, fm);
        symbol(g, kx + column, ky + line, r, "mobilization point", Shape.POINT, fm);
    }

    private enum Shape { CIRCLE, DIAMOND, CLOSED, POINT }

    private static void symbol(Graphics2D g, double x, double y, double r, String label, Shape s, FontMetrics fm) {
        double cx = x + r;
        double cy = y + r;
        switch (s) {
            case CIRCLE, POINT -> {
                g.setPaint(new Color(0x1F, 0x3B, 0x73, 150));
                g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
                if (s == Shape.POINT) {
                    g.setPaint(new Color(0xD7191C));
                    g.setStroke(new BasicStroke(2f));
                    g.draw(new Ellipse2D.Double(cx - r - 2, cy - r - 2, 2 * r + 4, 2 * r + 4));
                }
            }
            case DIAMOND -> {
                Path2D.Double d = new Path2D.Double();
                double h = r * Math.sqrt(Math.PI / 2);
                d.moveTo(cx, cy - h);
                d.lineTo(cx + h, cy);
                d.lineTo(cx, cy + h);
                d.lineTo(cx - h, cy);
                d.closePath();
                g.setPaint(new Color(0x6A, 0x3D, 0x9A, 150));
                g.fill(d);
            }
            case CLOSED -> {
                g.setPaint(new Color(0x8C, 0x8C, 0x8C, 150));
                g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
                g.setPaint(INK);
                g.setStroke(new BasicStroke(1.5f));
                g.draw(new Line2D.Double(cx - r, cy - r, cx + r, cy + r));
                g.draw(new Line2D.Double(cx - r, cy + r, cx + r, cy - r));
            }
        }
        g.setPaint(INK);
        g.drawString(label, (float) (x + 2 * r + 6), (float) (cy + fm.getAscent() / 2.0 - 1));
    }

    private static Font font(int style, double size) {
        return new Font(Font.SANS_SERIF, style, (int) Math.max(8, Math.round(size)));
    }
}
