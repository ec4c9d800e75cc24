package org.exitvoice.experiment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.exitvoice.output.Manifest;
import org.exitvoice.output.Report;
import org.exitvoice.scenario.Scenario;

/** report.html of a comparison: what was compared, each metric's paired differences with their intervals, the overlay charts. */
final class ComparisonReport {
    private ComparisonReport() {
    }

    private static final DateTimeFormatter RUN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    // the single-run report's look (Report.CSS), so a comparison reads like a run
    private static final String CSS = Report.CSS;

    static String html(Comparison c, List<Comparison.Difference> diffs, Map<String, String> svgs, int failed,
                       double seconds, Instant created) {
        List<Comparison.Side> sides = c.sides();
        Comparison.Side a = sides.get(0);
        List<Comparison.Side> others = sides.subList(1, sides.size());
        String la = a.label();
        String lb = others.stream().map(Comparison.Side::label).collect(java.util.stream.Collectors.joining(", "));
        StringBuilder h = new StringBuilder(128 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>exitvoice compare: ").append(esc(la)).append(" vs ").append(esc(lb)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<h1>").append(esc(lb)).append(" against ").append(esc(la)).append("</h1>\n")
                .append("<p class=\"lede\">Each scenario run ").append(c.replications()).append(" times; run r of ")
                .append(sides.size() == 2 ? "both" : "every scenario")
                .append(" uses the same seed (common random numbers), so each difference is paired.")
                .append(" Differences are B &minus; A with 90 % t intervals, B each scenario compared with A.</p>\n");

        h.append("<h2>What was compared</h2>\n<table>\n");
        for (int i = 0; i < sides.size(); i++) {
            Comparison.Side side = sides.get(i);
            List<String> own = side.sets().subList(c.sets().size(), side.sets().size());
            row(h, i == 0 ? "A" : sides.size() == 2 ? "B" : "B" + i, esc(side.label()) + ": <code>"
                    + esc(side.input().file().toString()) + "</code>"
                    + (own.isEmpty() ? "" : " with <code>" + esc(String.join(" ", own)) + "</code>"));
        }
        row(h, "Replications", Integer.toString(c.replications()));
        row(h, "Base seed", Long.toString(c.seed()));
        row(h, "Scale", each(sides, s -> s.scale()) + " persons per agent");
        row(h, "Days", each(sides, s -> s.days()));
        if (!c.sets().isEmpty()) {
            row(h, "--set (all)", "<code>" + esc(String.join(" ", c.sets())) + "</code>");
        }
        for (Comparison.Side b : others) {
            String why = Comparison.unpaired(a, b);
            if (why != null) {
                row(h, "Not paired", esc(why));
            }
        }
        row(h, "Failed runs", Integer.toString(failed));
        row(h, "Wall time", String.format(Locale.ROOT, "%.1f s", seconds));
        row(h, "Run at", esc(RUN_TIME.format(created)));
        row(h, "exitvoice version", esc(Manifest.version(null)));
        h.append("</table>\n");

        h.append("<h2>Differences</h2>\n");
        for (Comparison.Side b : others) {
            if (others.size() > 1) {
                h.append("<h3>").append(esc(b.label())).append(" against ").append(esc(la)).append("</h3>\n");
            }
            differences(h, la, b.label(), diffs.stream().filter(d -> d.b().equals(b.label())).toList());
        }
        h.append("<p class=\"lede\">Bold: the interval excludes 0.</p>\n");
        charts(h, svgs);
        h.append("<h2>Data</h2>\n<ul class=\"files\">\n")
                .append("<li><a href=\"differences.csv\">differences.csv</a> &mdash; per compared scenario and metric: n, means of A and B, mean paired difference and its 90 % interval</li>\n")
                .append("<li><a href=\"runs.csv\">runs.csv</a> &mdash; one row per run: scenario, replication, seed, metrics, wall time, error</li>\n")
                .append("<li><a href=\"manifest.json\">manifest.json</a> &mdash; what was compared, version, seeds</li>\n</ul>\n");
        h.append("<footer>Written by exitvoice ").append(esc(Manifest.version(null)))
                .append(". Counts are persons (agents &times; scale).</footer>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    /** The value for each scenario, or once when all agree: {@code 60}, {@code A 60, B1 30, B2 60}. */
    private static String each(List<Comparison.Side> sides, java.util.function.ToIntFunction<Scenario> value) {
        int first = value.applyAsInt(sides.get(0).input().scenario());
        if (sides.stream().allMatch(s -> value.applyAsInt(s.input().scenario()) == first)) {
            return Integer.toString(first);
        }
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < sides.size(); i++) {
            out.add((i == 0 ? "A" : sides.size() == 2 ? "B" : "B" + i) + " " + value.applyAsInt(sides.get(i).input().scenario()));
        }
        return String.join(", ", out);
    }

    private static void differences(StringBuilder h, String la, String lb, List<Comparison.Difference> diffs) {
        h.append("<table>\n<tr><th>Metric</th><th>n</th><th>A (").append(esc(la))
                .append(")</th><th>B (").append(esc(lb)).append(")</th><th>B &minus; A</th><th>90 % interval</th></tr>\n");
        for (Comparison.Difference d : diffs) {
            boolean clear = Double.isFinite(d.lo()) && (d.lo() > 0 || d.hi() < 0);
            h.append("<tr><th><code>").append(esc(d.metric().expression())).append("</code></th>")
                    .append("<td class=\"num\">").append(d.n()).append("</td>")
                    .append(num(d.meanA())).append(num(d.meanB()))
                    .append("<td class=\"num").append(clear ? " clear" : "").append("\">").append(esc(signed(d.mean()))).append("</td>")
                    .append("<td class=\"num\">").append(Double.isFinite(d.lo())
                            ? esc("[" + signed(d.lo()) + ", " + signed(d.hi()) + "]") : "").append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void charts(StringBuilder h, Map<String, String> svgs) {
        h.append("<h2>Charts</h2>\n");
        Map<String, String> titles = Comparison.seriesTitles();
        for (Map.Entry<String, String> e : svgs.entrySet()) {
            String name = e.getKey();
            h.append("<figure id=\"").append(name).append("\">\n").append(e.getValue()).append('\n')
                    .append("<figcaption>").append(esc(titles.getOrDefault(name, name)))
                    .append(" &middot; <a href=\"charts/").append(name).append(".png\">PNG</a>")
                    .append(" &middot; <a href=\"charts/").append(name).append(".svg\">SVG</a></figcaption>\n</figure>\n");
        }
    }

    private static void row(StringBuilder h, String label, String valueHtml) {
        h.append("<tr><th>").append(esc(label)).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }

    private static String num(double v) {
        return "<td class=\"num\">" + esc(ExperimentCharts.compact(v)) + "</td>";
    }

    private static String signed(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        String s = ExperimentCharts.compact(v);
        return v > 0 ? "+" + s : s;
    }

    private static String esc(String s) {
        return Report.esc(s);
    }
}
