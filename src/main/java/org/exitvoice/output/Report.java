package org.exitvoice.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.exitvoice.scenario.Scenario;

/** report.html: one self-contained page with what was run, the summary, every chart inline as SVG and links to the data. */
public final class Report {

    private static final DateTimeFormatter RUN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final Map<String, String> CHART_TITLES = Map.of(
            "emigration", "Emigration: persons crossed by destination",
            "unrest", "Protest, arrests and violent incidents",
            "mobilization", "Mobilization against the target",
            "borders", "Waiting at land border crossings");

    /** The look of every exitvoice page, inline so it opens anywhere (mailed, archived, offline): nothing fetched. */
    public static final String CSS = """
            body { margin: 0; background: #f6f6f4; color: #222; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
            main { max-width: 960px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
            h1 { font-size: 26px; margin: 8px 0 4px; }
            h2 { font-size: 19px; margin: 32px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
            p.lede { color: #555; margin-top: 0; }
            table { border-collapse: collapse; margin: 8px 0; }
            th, td { padding: 4px 14px 4px 0; text-align: left; vertical-align: top; border-bottom: 1px solid #eee; }
            th { font-weight: 600; color: #444; white-space: nowrap; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tr.sub th { font-weight: normal; padding-left: 18px; color: #666; }
            td.clear { font-weight: 600; }
            code { font: 13px ui-monospace, Menlo, Consolas, monospace; word-break: break-all; }
            figure { margin: 20px 0 28px; }
            figure svg { width: 100%; height: auto; display: block; border: 1px solid #e4e4e4; }
            figcaption { font-size: 13px; color: #555; margin-top: 4px; }
            ul.files li { margin: 3px 0; }
            ul.warnings li { margin: 3px 0; color: #8a4b00; }
            footer { margin-top: 36px; font-size: 12px; color: #888; }
            """;

    private Report() {
    }

    /** Writes the page to {@code file} (UTF-8). */
    public static void write(Path file, RunOutputs what, Summary summary, Charts charts, Instant created)
            throws IOException {
        Files.writeString(file, html(what, summary, charts, created), StandardCharsets.UTF_8);
    }

    /** The page as text. */
    public static String html(RunOutputs what, Summary summary, Charts charts, Instant created) {
        Scenario s = what.scenario();
        String scenarioName = what.scenarioFile() == null ? "built-in defaults" : what.scenarioFile().toString();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>exitvoice run: ").append(esc(scenarioName)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");

        h.append("<h1>Mobilization of ").append(esc(String.valueOf(s.start()))).append(": one model run</h1>\n")
                .append("<p class=\"lede\">exitvoice, an agent-based model of how Russia's regions answered the ")
                .append("partial mobilization of 21 September 2022: men comply, hide, protest or emigrate.</p>\n");

        h.append("<h2>What was run</h2>\n<table class=\"meta\">\n");
        row(h, "Scenario file", "<code>" + esc(scenarioName) + "</code>");
        // the overrides change the run as much as the file does: said here, not only folded into the hash
        row(h, "Overrides (--set)", what.sets().isEmpty() ? "none"
                : String.join(" ", what.sets().stream().map(kv -> "<code>" + esc(kv) + "</code>").toList()));
        row(h, "Seed", esc(Long.toString(s.seed())));
        row(h, "Scale", esc(Summary.n(s.scale())) + " persons per agent");
        row(h, "Days", esc(Integer.toString(s.days())));
        row(h, "Simulated period", esc(s.start() + " to " + s.end()));
        row(h, "Run at", esc(RUN_TIME.format(created)));
        row(h, "exitvoice version", esc(Manifest.version(what.version())));
        row(h, "Java", esc(System.getProperty("java.version")) + ", " + what.threads() + " thread"
                + (what.threads() == 1 ? "" : "s"));
        row(h, "Parameters SHA-256", "<code>" + Manifest.sha256(what.resolvedYaml()) + "</code>");
        h.append("</table>\n");
        if (!what.warnings().isEmpty()) {
            // the same lines as on stderr: a reader of the page alone must not miss them either
            h.append("<h2>Warnings</h2>\n<ul class=\"warnings\">\n");
            for (String w : what.warnings()) {
                h.append("<li><code>").append(esc(w)).append("</code></li>\n");
            }
            h.append("</ul>\n");
        }

        h.append("<h2>Summary</h2>\n<table class=\"summary\">\n");
        num(h, "Men emigrated", Summary.n(summary.menEmigrated()), "men abroad at the end of the run");
        num(h, "Persons crossed", Summary.n(summary.personsCrossed()), "men and the family travelling with them");
        for (Map.Entry<String, Long> e : summary.crossedByDestination().entrySet()) {
            h.append("<tr class=\"sub\"><th>").append(esc(e.getKey())).append("</th><td class=\"num\">")
                    .append(Summary.n(e.getValue())).append("</td><td></td></tr>\n");
        }
        String met = summary.target() <= 0 ? "no target"
                : summary.targetMetOn() != null ? "target met on " + summary.targetMetOn() : "target not met";
        num(h, "Mobilized", Summary.n(summary.mobilized()) + " / " + Summary.n(summary.target()), met);
        num(h, "Peak protesters", Summary.n(summary.peakProtesters()),
                summary.peakProtestersDate() == null ? "" : "on " + summary.peakProtestersDate());
        num(h, "Arrests", Summary.n(summary.arrests()), "protesters arrested (persons)");
        num(h, "Violent incidents", Summary.n(summary.incidents()), "");
        num(h, "Summons served", Summary.n(summary.summons()), "");
        num(h, "Misdrafted", Summary.n(summary.misdrafted()), "summons to men outside the criteria");
        num(h, "Caught", Summary.n(summary.caught()), "hiding or listed men caught");
        num(h, "Peak hiding", Summary.n(summary.peakHiding()),
                summary.peakHidingDate() == null ? "" : "on " + summary.peakHidingDate());
        num(h, "Wall time", String.format(Locale.ROOT, "%.1f s", summary.wallSeconds()), "simulation only");
        h.append("</table>\n");

        h.append("<h2>Charts</h2>\n");
        for (String name : Charts.NAMES) {
            h.append("<figure id=\"").append(name).append("\">\n").append(charts.svg(name)).append('\n')
                    .append("<figcaption>").append(esc(CHART_TITLES.getOrDefault(name, name)))
                    .append(" &middot; <a href=\"charts/").append(name).append(".png\">PNG</a>")
                    .append(" &middot; <a href=\"charts/").append(name).append(".svg\">SVG</a></figcaption>\n")
                    .append("</figure>\n");
        }

        h.append("<h2>Data</h2>\n<ul class=\"files\">\n");
        file(h, "national.csv", "one row per day: national stocks (men) and flows");
        file(h, "regions.csv", "one row per day and region (ISO code)");
        file(h, "routes.csv", "one row per day and route: capacity, queue, wait, persons crossed, price index");
        file(h, "scenario.yaml", "the fully resolved scenario (re-run it to reproduce this folder)");
        file(h, "manifest.json", "kind (run), version, seed, scale, --set overrides, parameters hash, wall time, Java version");
        h.append("</ul>\n");
        h.append("<footer>Written by exitvoice ").append(esc(Manifest.version(what.version())))
                .append(". Counts are persons (agents &times; scale); see notes on the outputs in the model description.")
                .append("</footer>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void row(StringBuilder h, String label, String valueHtml) {
        h.append("<tr><th>").append(esc(label)).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }

    private static void num(StringBuilder h, String label, String value, String note) {
        h.append("<tr><th>").append(esc(label)).append("</th><td class=\"num\">").append(esc(value))
                .append("</td><td>").append(esc(note)).append("</td></tr>\n");
    }

    private static void file(StringBuilder h, String name, String what) {
        h.append("<li><a href=\"").append(name).append("\">").append(name).append("</a> &mdash; ")
                .append(esc(what)).append("</li>\n");
    }

    /** Escapes text for HTML element content and attribute values. */
    public static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
