package org.exitvoice.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep's report.html: the design, a summary row per point, every chart inline, links to the tables. */
class SweepReportTest {
    @TempDir
    Path dir;

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void aSweepReportsItsDesignSummaryChartsAndTablesAndAPrimAnalysisAddsItsChart() throws Exception {
        Path f = Experiments.file(dir, "levers.yaml", """
                design: {type: factorial}
                replications: 3
                scale: 5000
                days: 6
                factors:
                  exitList.coverage: [0, 1]
                  enforcement.intensity: [0.3, 0.6, 1]
                metrics: [final.emigrated, sum.summons]
                timeseries: [emigrated, hiding]
                """);
        Path out = dir.resolve("out");
        Experiments.Result r = Experiments.cli("sweep", f.toString(), "--out", out.toString(), "--keep-runs", "4", "--quiet");
        assertEquals(0, r.exit(), r.err());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<h1>Sweep: levers</h1>"), html);
        assertTrue(html.contains("6 points &times; 3 replications = 18 runs"), "the design in the lede");
        assertTrue(html.contains("<code>exitList.coverage</code> [0, 1]") && html.contains("18 of 18 without error"));
        // the summary: one row per point, each metric's mean with its 5-95 % range beneath
        assertEquals(6, count(html, "<tr><td class=\"num\">"), "a row per point");
        assertEquals(6 * 2, count(html, "<small class=\"band\">"), "a range per point and metric");
        // every chart of the folder inline: the two heat maps and a band chart per time series
        for (String chart : List.of("final_emigrated", "sum_summons", "timeseries_emigrated", "timeseries_hiding")) {
            assertTrue(Files.exists(out.resolve("charts/" + chart + ".png")), chart);
            assertTrue(html.contains("<figure id=\"" + chart + "\">\n<svg"), chart);
        }
        assertEquals(4, count(html, "<figure "));
        for (String file : List.of("runs.csv", "summary.csv", "timeseries.csv", "experiment.yaml", "sweep.json",
                "runs/point-1-replication-1/report.html")) {
            assertTrue(html.contains("<a href=\"" + file + "\">"), file);
        }
        assertTrue(!html.contains("sobol.csv") && !html.contains("prim.csv"), "links only to files that exist");

        Experiments.Result prim = Experiments.cli("prim", out.toString(), "--metric", "sum.summons", "--below", "1e7");
        // every run serves fewer than 10 million summonses: nothing to find, and the report is left as it was
        assertEquals(2, prim.exit());
        assertEquals(html, Files.readString(out.resolve("report.html")));
        // a threshold half way between the fewest and the most emigrants of any run: some runs lie below it
        double[] emigrated = Experiments.rows(out.resolve("runs.csv")).stream()
                .mapToDouble(row -> Double.parseDouble(row.get(6))).sorted().toArray();
        assertTrue(emigrated[0] < emigrated[emigrated.length - 1], "the levers move emigration");
        double middle = (emigrated[0] + emigrated[emigrated.length - 1]) / 2;
        prim = Experiments.cli("prim", out.toString(), "--metric", "final.emigrated", "--below", String.valueOf(middle));
        assertEquals(0, prim.exit(), prim.err());
        String after = Files.readString(out.resolve("report.html"));
        assertTrue(after.contains("<figure id=\"prim_final_emigrated\">\n<svg") && after.contains("<a href=\"prim.csv\">"));
    }
}
