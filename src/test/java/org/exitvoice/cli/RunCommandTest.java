package org.exitvoice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `exitvoice run` end to end on the shipped scenario, shortened: every output file, readable, and reproducible. */
class RunCommandTest {
    @TempDir
    Path dir;

    private static int run(String... args) {
        runForStderr(args);
        return 0;
    }

    /** Runs the command, which must succeed; returns what it wrote on stderr. */
    private static String runForStderr(String... args) {
        CommandLine cl = ExitVoice.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        assertEquals(0, exit, () -> "stderr: " + err);
        assertTrue(out.toString().contains("men emigrated"), out::toString);
        return err.toString();
    }

    private static List<CSVRecord> csv(Path file, List<String> header) throws Exception {
        try (Reader r = Files.newBufferedReader(file);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            assertEquals(header, p.getHeaderNames(), file.toString());
            return p.getRecords();
        }
    }

    @Test
    void runWritesEveryOutputAndTheyParse() throws Exception {
        Path out = dir.resolve("short");
        run("run", "params/sep2022.yaml", "--scale", "2000", "--days", "12", "--out", out.toString(), "--quiet");

        List<CSVRecord> national = csv(out.resolve("national.csv"), List.of("day", "date", "at_home", "hiding", "en_route",
                "emigrated", "mobilized", "detained", "summons", "reported", "misdrafted", "caught", "protesters", "arrests",
                "incidents", "departures", "crossed", "turned_back", "emigrated_opposed"));
        assertEquals(12, national.size());
        assertEquals("2022-09-21", national.get(0).get("date"));
        List<CSVRecord> regions = csv(out.resolve("regions.csv"), List.of("day", "date", "region", "population", "at_home",
                "hiding", "en_route", "emigrated", "mobilized", "detained", "summons", "reported", "misdrafted", "caught",
                "protesters", "arrests", "incidents", "departures", "turned_back", "emigrated_opposed"));
        assertEquals(12 * 85, regions.size());
        List<CSVRecord> routes = csv(out.resolve("routes.csv"), List.of("day", "date", "route", "destination", "mode",
                "capacity", "queue", "wait_hours", "crossed", "turned_back", "price_index"));
        assertTrue(routes.size() >= 12 * 20);

        for (String chart : List.of("emigration", "unrest", "mobilization", "borders")) {
            BufferedImage png = ImageIO.read(out.resolve("charts/" + chart + ".png").toFile());
            Set<Integer> colours = new HashSet<>();
            for (int x = 0; x < png.getWidth(); x += 7) {
                for (int y = 0; y < png.getHeight(); y += 7) {
                    colours.add(png.getRGB(x, y));
                }
            }
            assertTrue(colours.size() > 5, chart + ".png is not blank");
            assertTrue(Files.readString(out.resolve("charts/" + chart + ".svg")).contains("<svg"), chart + ".svg");
        }
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(2000, manifest.get("scale").asInt());
        assertTrue(Files.readString(out.resolve("scenario.yaml")).contains("scale: 2000"));
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.split("<svg", -1).length - 1 >= 4, "four inline charts");
        assertTrue(report.contains("national.csv") && report.contains("regions.csv") && report.contains("routes.csv"));
    }

    @Test
    void theManifestAndTheReportListTheSetOverridesAsGiven() throws Exception {
        Path out = dir.resolve("sets");
        run("run", "--scale", "8000", "--days", "2", "--set", "draft.target=250000", "--set", "exitList.coverage=0.8",
                "--out", out.toString(), "--quiet");
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("run", manifest.get("kind").asText());
        List<String> sets = new java.util.ArrayList<>();
        manifest.get("sets").forEach(s -> sets.add(s.asText()));
        assertEquals(List.of("draft.target=250000", "exitList.coverage=0.8"), sets);
        String report = Files.readString(out.resolve("report.html"));
        String whatWasRun = report.substring(report.indexOf("What was run"), report.indexOf("<h2>Summary"));
        assertTrue(whatWasRun.contains("<code>draft.target=250000</code> <code>exitList.coverage=0.8</code>"), whatWasRun);

        Path plain = dir.resolve("plain");
        run("run", "--scale", "8000", "--days", "2", "--out", plain.toString(), "--quiet");
        assertEquals(0, new ObjectMapper().readTree(plain.resolve("manifest.json").toFile()).get("sets").size());
        assertTrue(Files.readString(plain.resolve("report.html")).contains("<th>Overrides (--set)</th><td>none</td>"));
    }

    @Test
    void oneThreadAndTwoThreadsWriteByteIdenticalTables() throws Exception {
        Path one = dir.resolve("one"), two = dir.resolve("two");
        run("run", "--scale", "1000", "--days", "20", "--threads", "1", "--out", one.toString(), "--quiet");
        run("run", "--scale", "1000", "--days", "20", "--threads", "2", "--out", two.toString(), "--quiet");
        for (String table : List.of("national.csv", "regions.csv", "routes.csv", "scenario.yaml")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(table)), Files.readAllBytes(two.resolve(table)), table);
        }
    }

    @Test
    void aFailedRunLeavesThePreviousOutputFolderAsItWas() throws Exception {
        Path out = dir.resolve("kept");
        run("run", "--scale", "2000", "--days", "3", "--out", out.toString(), "--quiet");
        byte[] before = Files.readAllBytes(out.resolve("national.csv"));
        CommandLine cl = ExitVoice.commandLine();
        cl.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(2, cl.execute("run", "--scale", "2000", "--set", "draft.misclassification=2", "--out", out.toString()));
        assertArrayEquals(before, Files.readAllBytes(out.resolve("national.csv")));
        try (var siblings = Files.list(dir)) {
            assertEquals(List.of(out), siblings.toList(), "no temporary folders left beside it");
        }
    }

    @Test
    void theProgressLineNumbersDaysAsNationalCsvDoes() throws Exception {
        Path out = dir.resolve("days");
        String err = runForStderr("run", "--scale", "5000", "--days", "10", "--out", out.toString());
        List<CSVRecord> national = csv(out.resolve("national.csv"), List.of("day", "date", "at_home", "hiding", "en_route",
                "emigrated", "mobilized", "detained", "summons", "reported", "misdrafted", "caught", "protesters", "arrests",
                "incidents", "departures", "crossed", "turned_back", "emigrated_opposed"));
        CSVRecord last = national.get(national.size() - 1);
        assertEquals(List.of("9", "2022-09-30"), List.of(last.get("day"), last.get("date")));
        assertTrue(err.lines().anyMatch(l -> l.startsWith("day 9 (2022-09-30), 10 of 10 done  emigrated ")), err);
    }

    @Test
    void eventsAfterARunShortenedByDaysAreWarnedAboutOnStderrAndInTheReport() throws Exception {
        Path out = dir.resolve("short");
        String err = runForStderr("run", "params/sep2022.yaml", "--scale", "5000", "--days", "5", "--out", out.toString(),
                "--quiet");
        String first = "params/sep2022.yaml:37: warning: events[4].date: 2022-09-26 is outside this run, which covers"
                + " 2022-09-21..2022-09-25 (days from --days); the event does not happen";
        assertEquals(13, err.lines().filter(l -> l.contains(": warning: events[")).count(), err);
        assertTrue(err.lines().anyMatch(first::equals), err);
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("<h2>Warnings</h2>") && report.contains(first), "the report repeats the warnings");

        // its scenario.yaml holds the run as it ran (days: 5, no events it never reached), so it reruns, quietly
        Path again = dir.resolve("again");
        String rerun = runForStderr("run", out.resolve("scenario.yaml").toString(), "--out", again.toString(), "--quiet");
        assertEquals("", rerun);
        assertArrayEquals(Files.readAllBytes(out.resolve("national.csv")), Files.readAllBytes(again.resolve("national.csv")));
    }
}
