package org.exitvoice.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exitvoice.model.RunResult;
import org.exitvoice.scenario.ScenarioException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunWriterTest {

    static final int REGIONS = 3, DAYS = 12;

    // Spelled out here rather than taken from CsvTables, so a typo there fails the test.
    static final List<String> NATIONAL = List.of("day", "date", "at_home", "hiding", "en_route", "emigrated",
            "mobilized", "detained", "summons", "reported", "misdrafted", "caught", "protesters", "arrests",
            "incidents", "departures", "crossed", "turned_back", "emigrated_opposed");
    static final List<String> REGION_COLS = List.of("day", "date", "region", "population", "at_home", "hiding",
            "en_route", "emigrated", "mobilized", "detained", "summons", "reported", "misdrafted", "caught",
            "protesters", "arrests", "incidents", "departures", "turned_back", "emigrated_opposed");
    static final List<String> ROUTE_COLS = List.of("day", "date", "route", "destination", "mode", "capacity",
            "queue", "wait_hours", "crossed", "turned_back", "price_index");

    static final List<String> FILES = List.of("national.csv", "regions.csv", "routes.csv", "scenario.yaml",
            "manifest.json", "report.html", "charts/emigration.png", "charts/emigration.svg", "charts/unrest.png",
            "charts/unrest.svg", "charts/mobilization.png", "charts/mobilization.svg", "charts/borders.png",
            "charts/borders.svg");

    @TempDir
    static Path shared;
    static Path out;
    static RunOutputs what;

    @BeforeAll
    static void writeOnce() throws Exception {
        what = SyntheticRun.outputs(REGIONS, DAYS);
        out = shared.resolve("runs").resolve("sep2022");
        RunWriter.write(out, what);
    }

    @Test
    void writesEveryFileNonEmpty() throws IOException {
        for (String f : FILES) {
            Path p = out.resolve(f);
            assertTrue(Files.isRegularFile(p), f);
            assertTrue(Files.size(p) > 0, f + " is empty");
        }
        assertEquals(List.of("sep2022"), list(out.getParent()), "no temp or old folders beside the run");
    }

    @Test
    void csvHeadersAndRowCounts() throws IOException {
        List<CSVRecord> nat = parse("national.csv", NATIONAL);
        assertEquals(DAYS, nat.size());
        assertEquals("2022-09-21", nat.get(0).get("date"));
        assertEquals("0", nat.get(0).get("day"));
        assertEquals("2022-10-02", nat.get(DAYS - 1).get("date"));

        List<CSVRecord> reg = parse("regions.csv", REGION_COLS);
        assertEquals(DAYS * REGIONS, reg.size());
        for (CSVRecord r : reg) {
            long states = Stream.of("at_home", "hiding", "en_route", "emigrated", "mobilized", "detained")
                    .mapToLong(c -> Long.parseLong(r.get(c))).sum();
            assertEquals(Long.parseLong(r.get("population")), states, "state invariant");
        }

        List<CSVRecord> routes = parse("routes.csv", ROUTE_COLS);
        assertEquals(DAYS * SyntheticRun.ROUTES.size(), routes.size());
        for (CSVRecord r : routes) {
            if (r.get("capacity").equals("0")) {
                assertEquals("", r.get("wait_hours"), "no wait at a closed route");
            } else {
                assertTrue(r.get("wait_hours").matches("\\d+\\.\\d{2}"), r.get("wait_hours"));
            }
            assertTrue(r.get("price_index").matches("\\d+\\.\\d{3}"), r.get("price_index"));
            assertTrue(r.get("queue").matches("\\d+"), "integers as integers");
        }
        // national crossed = the sum of the routes' crossed that day
        for (CSVRecord n : nat) {
            long sum = routes.stream().filter(r -> r.get("day").equals(n.get("day")))
                    .mapToLong(r -> Long.parseLong(r.get("crossed"))).sum();
            assertEquals(Long.parseLong(n.get("crossed")), sum);
        }
        for (String f : List.of("national.csv", "regions.csv", "routes.csv")) {
            String text = Files.readString(out.resolve(f));
            assertFalse(text.contains("\r"), f + " has \\r line endings");
            assertTrue(text.endsWith("\n"));
        }
    }

    @Test
    void pngsDecodeAndAreNotBlank() throws IOException {
        for (String name : Charts.NAMES) {
            BufferedImage img = ImageIO.read(out.resolve("charts/" + name + ".png").toFile());
            assertEquals(Charts.WIDTH, img.getWidth());
            assertEquals(Charts.HEIGHT, img.getHeight());
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < img.getHeight(); y += 2) {
                for (int x = 0; x < img.getWidth(); x += 2) {
                    colours.add(img.getRGB(x, y));
                }
            }
            assertTrue(colours.size() >= 6, name + " looks blank: " + colours.size() + " colours");
        }
    }

    @Test
    void svgsCarryTitlesAndAxisLabels() throws IOException {
        String em = Files.readString(out.resolve("charts/emigration.svg"));
        assertTrue(em.startsWith("<?xml"));
        assertTrue(em.contains("Emigration by destination"));
        assertTrue(em.contains("Persons crossed, cumulative"));
        assertTrue(em.contains(">Date<"));
        assertTrue(em.contains("Georgia") && em.contains("Kazakhstan") && em.contains("Turkey"));
        assertTrue(em.contains("2022"), "dated axis shows the year");
        String un = Files.readString(out.resolve("charts/unrest.svg"));
        assertTrue(un.contains("Persons per day") && un.contains("Incidents per day") && un.contains("Protesters"));
        String mob = Files.readString(out.resolve("charts/mobilization.svg"));
        assertTrue(mob.contains("Men, cumulative") && mob.contains("Target (3,000 men)"));
        String bor = Files.readString(out.resolve("charts/borders.svg"));
        assertTrue(bor.contains("Wait at the crossing (hours)"));
        assertTrue(bor.contains("Verkhny Lars (Georgia)"), "legend names the crossing");
        assertFalse(bor.contains("Kyakhta"), "a crossing closed throughout has no line");
        assertFalse(bor.contains("Istanbul"), "air routes are not border crossings");
    }

    @Test
    void reportIsSelfContainedWithChartsAndLinks() throws IOException {
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(count(html, "<svg") >= 4);
        for (String f : List.of("national.csv", "regions.csv", "routes.csv", "scenario.yaml", "manifest.json")) {
            assertTrue(html.contains("href=\"" + f + "\""), f);
        }
        assertFalse(html.contains("<script") || html.contains("<link") || html.contains(" src="),
                "no external resources");
        assertTrue(html.contains("scenarios/test.yaml") && html.contains("2022-09-21 to 2022-10-02"));
        assertTrue(html.contains("Men emigrated") && html.contains("0.0.0-test"));
        // the four inlined charts must not share SVG ids (clip paths etc.)
        Matcher m = Pattern.compile("id=\"([^\"]+)\"").matcher(html);
        Set<String> ids = new HashSet<>();
        while (m.find()) {
            assertTrue(ids.add(m.group(1)), "duplicate id " + m.group(1));
        }
    }

    @Test
    void manifestAndScenario() throws IOException {
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(42, m.get("seed").asLong());
        assertEquals(100, m.get("scale").asInt());
        assertEquals(DAYS, m.get("days").asInt());
        assertEquals("2022-09-21", m.get("start").asText());
        assertEquals("0.0.0-test", m.get("version").asText());
        assertEquals(Manifest.sha256(what.resolvedYaml()), m.get("params_sha256").asText());
        assertTrue(m.get("params_sha256").asText().matches("[0-9a-f]{64}"));
        assertEquals(2, m.get("threads").asInt());
        assertTrue(m.hasNonNull("java_version") && m.hasNonNull("created") && m.hasNonNull("wall_seconds"));
        assertEquals(what.resolvedYaml(), Files.readString(out.resolve("scenario.yaml")));
    }

    @Test
    void sameInputSameBytes(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        RunWriter.write(a, SyntheticRun.outputs(REGIONS, DAYS));
        RunWriter.write(b, SyntheticRun.outputs(REGIONS, DAYS));
        for (String f : List.of("national.csv", "regions.csv", "routes.csv", "scenario.yaml",
                "charts/emigration.svg", "charts/unrest.svg", "charts/mobilization.svg", "charts/borders.svg")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        // and writing into the same folder again replaces it cleanly
        RunWriter.write(a, SyntheticRun.outputs(REGIONS, DAYS));
        assertArrayEquals(Files.readAllBytes(b.resolve("regions.csv")), Files.readAllBytes(a.resolve("regions.csv")));
        assertEquals(List.of("a", "b"), list(dir));
    }

    @Test
    void chartsDoNotDependOnTheDefaultTimeZone() {
        TimeZone before = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati")); // UTC+14
            String east = new Charts(what.result(), SyntheticRun.TARGET, SyntheticRun.ROUTES).svg("borders");
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Honolulu")); // UTC-10
            String west = new Charts(what.result(), SyntheticRun.TARGET, SyntheticRun.ROUTES).svg("borders");
            assertEquals(east, west);
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void aFailedWriteLeavesThePreviousRunAndNoTemp(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("run");
        RunWriter.write(target, SyntheticRun.outputs(REGIONS, DAYS));
        byte[] before = Files.readAllBytes(target.resolve("regions.csv"));
        String report = Files.readString(target.resolve("report.html"));

        // No start date: fails in the manifest, after the tables and charts were written into the temp folder.
        RunOutputs broken = new RunOutputs(null, List.of(), SyntheticRun.scenario(null, DAYS), "x: 1\n",
                List.of(), SyntheticRun.result(5, DAYS, 99), 1, null);
        assertThrows(NullPointerException.class, () -> RunWriter.write(target, broken));

        assertArrayEquals(before, Files.readAllBytes(target.resolve("regions.csv")));
        assertEquals(report, Files.readString(target.resolve("report.html")));
        assertEquals(List.of("run"), list(dir));
    }

    @Test
    void refusesToReplaceAFolderThatIsNotARun(@TempDir Path dir) throws IOException {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("thesis.tex"), "precious");
        assertThrows(ScenarioException.class, () -> RunWriter.write(notes, what));
        assertEquals("precious", Files.readString(notes.resolve("thesis.tex")));
        assertEquals(List.of("notes"), list(dir));
    }

    private static List<CSVRecord> parse(String file, List<String> header) throws IOException {
        CSVFormat f = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = Files.newBufferedReader(out.resolve(file), StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(r, f)) {
            assertEquals(header, p.getHeaderNames(), file + " header");
            List<CSVRecord> rows = p.getRecords();
            for (CSVRecord row : rows) {
                assertEquals(header.size(), row.size(), file + " row " + row.getRecordNumber());
            }
            return rows;
        }
    }

    static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void summaryFromTheSyntheticRun() {
        RunResult r = what.result();
        Summary s = Summary.of(r, 500);
        assertEquals(r.last().national().emigrated(), s.menEmigrated());
        assertEquals(r.last().national().mobilized(), s.mobilized());
        List<Long> totals = List.copyOf(s.crossedByDestination().values());
        for (int i = 1; i < totals.size(); i++) {
            assertTrue(totals.get(i - 1) >= totals.get(i), "largest destination first: " + s.crossedByDestination());
        }
        assertEquals(4, totals.size());
        assertEquals(0L, s.crossedByDestination().get("Mongolia"));
        assertEquals(r.days().stream().mapToLong(d -> d.crossed()).sum(), s.personsCrossed());
        assertEquals(SyntheticRun.START.plusDays(3), s.peakProtestersDate());
        assertNotEquals(null, s.targetMetOn());
        List<String> lines = s.lines();
        assertTrue(lines.get(0).startsWith("men emigrated    "), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("mobilized") && l.contains("/ 500 target (met on 2022-")),
                String.join("\n", lines));
        assertTrue(Summary.of(r, 10_000_000).lines().stream().anyMatch(l -> l.endsWith("(not met)")));
        assertTrue(lines.stream().anyMatch(l -> l.matches("wall time +1\\.2 s")), String.join("\n", lines));
    }
}
