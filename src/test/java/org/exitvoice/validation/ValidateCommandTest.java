package org.exitvoice.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exitvoice.cli.ExitVoice;
import org.exitvoice.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code exitvoice validate} and {@code calibrate} end to end on the shipped scenario at a coarse scale. */
class ValidateCommandTest {
    @TempDir
    Path dir;

    /** Runs the command line; returns {exit code, stdout, stderr}. */
    private static Object[] exitvoice(String... args) {
        CommandLine cl = ExitVoice.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Object[] {exit, out.toString(), err.toString()};
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            assertEquals(ValidationTable.COLUMNS, p.getHeaderNames());
            return p.getRecords();
        }
    }

    @Test
    void markdownPrintsOneTableRowPerTargetAndTheArdTable() throws Exception {
        Object[] r = exitvoice("validate", "params/sep2022.yaml", "--scale", "2000", "--replications", "2",
                "--out", dir.resolve("m").toString(), "--quiet", "--markdown");
        assertEquals(0, r[0], () -> "stderr: " + r[2]);
        List<String> lines = ((String) r[1]).lines().toList();
        long targets = ObservationTable.read(ObservationTable.DEFAULT_FILE).stream()
                .filter(o -> o.use() == Observation.Use.TARGET).count();
        assertEquals(targets, lines.stream().filter(l -> l.startsWith("| obs-")).count());
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\| \\*\\*all targets\\*\\* \\| \\*\\*\\d\\.\\d{3}\\*\\* \\| \\*\\*\\d\\.\\d{3}\\*\\* \\| " + targets + " \\|")),
                String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("score over")), "Markdown only");
    }

    @Test
    void validateComparesEveryTargetAndWritesTableAndChart() throws Exception {
        Path out = dir.resolve("v");
        Object[] r = exitvoice("validate", "params/sep2022.yaml", "--scale", "2000", "--replications", "2",
                "--set", "draft.target=300000", "--out", out.toString(), "--quiet"); // the --set changes nothing
        assertEquals(0, r[0], () -> "stderr: " + r[2]);
        String stdout = (String) r[1];
        for (TargetGroup g : TargetGroup.values()) {
            assertTrue(stdout.lines().anyMatch(l -> l.startsWith(g.label()) && l.contains("(factor ")), stdout);
        }
        List<String> scores = Files.readAllLines(out.resolve("scores.csv"));
        assertEquals(List.of("group,targets,ard,log_accuracy"), scores.subList(0, 1));
        assertEquals(5, scores.size(), "all, destinations, in_sample, out_of_sample");
        long targets = ObservationTable.read(ObservationTable.DEFAULT_FILE).stream()
                .filter(o -> o.use() == Observation.Use.TARGET).count();
        List<CSVRecord> rows = csv(out.resolve("validation.csv"));
        assertEquals(targets, rows.size());
        for (CSVRecord row : rows) {
            double lo = Double.parseDouble(row.get("sim_q05")), mean = Double.parseDouble(row.get("sim_mean"));
            double hi = Double.parseDouble(row.get("sim_q95"));
            assertTrue(lo <= mean + 1e-6 && mean <= hi + 1e-6, row.toString());
            assertTrue(row.get("inside").equals("true") || row.get("inside").equals("false"));
        }
        assertTrue(Files.size(out.resolve("charts/validation.png")) > 10_000);
        assertTrue(Files.readString(out.resolve("charts/validation.svg")).contains("<svg"));
        assertTrue(Files.exists(out.resolve("manifest.json")) && Files.exists(out.resolve("scenario.yaml")));
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("validate", manifest.get("kind").asText());
        assertEquals(1, manifest.get("sets").size());
        assertEquals("draft.target=300000", manifest.get("sets").get(0).asText(), "the --set overrides as given");
    }

    /** scores.csv as group → {ARD, log accuracy}. */
    private static Map<String, double[]> scores(Path file) throws Exception {
        Map<String, double[]> m = new HashMap<>();
        try (Reader r = Files.newBufferedReader(file);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord row : p) {
                m.put(row.get("group"), new double[] {Double.parseDouble(row.get("ard")),
                        Double.parseDouble(row.get("log_accuracy"))});
            }
        }
        return m;
    }

    @Test
    void aScenarioWhereNobodyLeavesAlmostTiesOnArdAtACoarseScaleButLosesClearlyOnLogAccuracy() throws Exception {
        List<Map<String, double[]>> s = new ArrayList<>();
        for (String scenario : List.of("params/sep2022.yaml", "params/border-closed.yaml")) {
            Path out = dir.resolve(Path.of(scenario).getFileName().toString());
            Object[] r = exitvoice("validate", scenario, "--scale", "2000", "--replications", "2", "--out", out.toString(),
                    "--quiet");
            assertEquals(0, r[0], () -> "stderr: " + r[2]);
            s.add(scores(out.resolve("scores.csv")));
        }
        Map<String, double[]> sep2022 = s.get(0), closed = s.get(1);
        // at 2,000 persons an agent the few hundred arrests of 2022 come out in lumps of 4,000: the model overshoots
        // small counts many fold, which ARD charges without bound, while the closed border sends nobody, which ARD
        // charges at most 1 a target; so ARD can hardly tell the two apart (the closed border won outright until the
        // model's arson in the first week was brought near what was observed)
        assertEquals(sep2022.get("all")[0], closed.get("all")[0], 0.05,
                "ARD " + closed.get("all")[0] + " vs " + sep2022.get("all")[0]);
        // log accuracy charges a factor too low as much as too high: the closed border is clearly the worse model,
        // overall (typical factor off e^0.5 = 1.6 times larger) and on where people went (e^0.25 = 1.3 times)
        assertTrue(closed.get("all")[1] > sep2022.get("all")[1] + 0.5,
                "all: log accuracy " + closed.get("all")[1] + " vs " + sep2022.get("all")[1]);
        assertTrue(closed.get("destinations")[1] > sep2022.get("destinations")[1] + 0.25,
                "destinations: log accuracy " + closed.get("destinations")[1] + " vs " + sep2022.get("destinations")[1]);
    }

    @Test
    void anUnmappableTargetIsAnErrorNamingItAndNothingRuns() throws Exception {
        Path observed = dir.resolve("observed.csv");
        Files.writeString(observed, Files.readString(ObservationTable.DEFAULT_FILE)
                + "obs-999,rent_price_increase,Moscow,2022-09-21,2022-09-30,3,x,price,t,u,q,target,\n");
        Path out = dir.resolve("never");
        Object[] r = exitvoice("validate", "--observed", observed.toString(), "--scale", "2000", "--out", out.toString(),
                "--quiet");
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("obs-999: target with no model measure for metric 'rent_price_increase'"),
                (String) r[2]);
        assertTrue(Files.notExists(out));
    }

    @Test
    void calibrateWritesTraceFitAndConvergenceAndValidatesTheFit() throws Exception {
        Path plan = dir.resolve("tiny.yaml");
        Path scenario = Path.of("params/sep2022.yaml").toAbsolutePath();
        Files.writeString(plan, "scenario: " + scenario + "\nobservations: [obs-052, obs-113, obs-150]\n"
                + "objective: log\nbudget: 4\nreplications: 2\nscale: 2000\nseed: 3\nparameters:\n"
                + "  emigration.attachment: {min: 1.5, max: 4}\n  protest.arrestProb: {min: 0.05, max: 0.3}\n");
        Path out = dir.resolve("c");
        Object[] r = exitvoice("calibrate", plan.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r[0], () -> "stderr: " + r[2]);
        List<String> trace = Files.readAllLines(out.resolve("trace.csv"));
        assertEquals("evaluation,emigration.attachment,protest.arrestProb,score,best", trace.get(0));
        assertEquals(1 + 4, trace.size());
        String fit = Files.readString(out.resolve("fit.yaml"));
        assertTrue(fit.startsWith("# exitvoice calibration fit of"), fit);
        assertTrue(fit.contains("emigration:\n  attachment: ") && fit.contains("protest:\n  arrestProb: "), fit);
        assertTrue(fit.contains("# observations: obs-052, obs-113, obs-150"), fit);
        assertTrue(Files.size(out.resolve("charts/convergence.png")) > 5_000);
        assertTrue(Files.exists(out.resolve("charts/convergence.svg")));
        assertEquals(ObservationTable.read(ObservationTable.DEFAULT_FILE).stream()
                .filter(o -> o.use() == Observation.Use.TARGET).count(), csv(out.resolve("validation.csv")).size());
        assertTrue(((String) r[1]).contains("ARD of fitted targets"), (String) r[1]);
    }

    @Test
    void theFitYamlRunsAsWrittenWithTheFittedValues() throws Exception {
        Path plan = dir.resolve("tiny.yaml");
        Path scenario = Path.of("params/sep2022.yaml");
        // a start far from the scenario's value, so that a run of the scenario alone could not pass for the fit
        Files.writeString(plan, "scenario: " + scenario.toAbsolutePath() + "\nobservations: [obs-052, obs-113]\n"
                + "objective: log\nbudget: 2\nreplications: 1\nscale: 5000\nseed: 3\nparameters:\n"
                + "  emigration.attachment: {min: 1.5, max: 4, start: 3.7}\n");
        Path out = dir.resolve("c");
        Object[] c = exitvoice("calibrate", plan.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, c[0], () -> "stderr: " + c[2]);
        String fitted = Files.readAllLines(out.resolve("fit.yaml")).stream().filter(l -> l.startsWith("  attachment: "))
                .findFirst().orElseThrow().substring("  attachment: ".length());

        Path run = dir.resolve("run");
        Object[] r = exitvoice("run", out.resolve("fit.yaml").toString(), "--days", "3", "--out", run.toString(), "--quiet");
        assertEquals(0, r[0], () -> "stderr: " + r[2]);
        double ran = ScenarioLoader.read(run.resolve("scenario.yaml"), List.of(), ScenarioLoader.Overrides.NONE)
                .emigration().attachment();
        assertEquals(Double.parseDouble(fitted), ran, "the run has the fitted value");
        assertNotEquals(ScenarioLoader.read(scenario, List.of(), ScenarioLoader.Overrides.NONE).emigration().attachment(),
                ran, "not the scenario's own value");
    }

    @Test
    void validateAndCalibrateShowProgressInARedirectedStderrAsPlainLines() throws Exception {
        Object[] v = exitvoice("validate", "params/sep2022.yaml", "--scale", "5000", "--replications", "2",
                "--out", dir.resolve("v").toString());
        assertEquals(0, v[0], () -> "stderr: " + v[2]);
        String err = (String) v[2];
        assertTrue(!err.contains("\r") && !err.contains("\u001b"), "no carriage returns or ANSI codes: " + err);
        assertTrue(err.lines().anyMatch(l -> l.startsWith("validate: 100% (2/2 replications), ")), err);

        Path plan = dir.resolve("tiny.yaml");
        Files.writeString(plan, "scenario: " + Path.of("params/sep2022.yaml").toAbsolutePath()
                + "\nobservations: [obs-052]\nbudget: 2\nreplications: 1\nscale: 5000\nseed: 3\nparameters:\n"
                + "  emigration.attachment: {min: 1.5, max: 4}\n");
        Object[] c = exitvoice("calibrate", plan.toString(), "--out", dir.resolve("c").toString());
        assertEquals(0, c[0], () -> "stderr: " + c[2]);
        String calibrateErr = (String) c[2];
        assertTrue(!calibrateErr.contains("\r") && !calibrateErr.contains("\u001b"), calibrateErr);
        assertTrue(calibrateErr.lines().anyMatch(l -> l.startsWith("calibrate: 100% (2/2 evaluations), ")
                && l.contains(", best ")), calibrateErr);
    }

    @Test
    void aCalibrationFileMayOnlyFreeParametersWithoutASource() throws Exception {
        Path plan = dir.resolve("sourced.yaml");
        Files.writeString(plan, "scenario: " + Path.of("params/sep2022.yaml").toAbsolutePath()
                + "\nobservations: in-sample\nbudget: 4\nreplications: 1\nparameters:\n"
                + "  protest.legitimacy: {min: 0.5, max: 1}\n");
        Object[] r = exitvoice("calibrate", plan.toString(), "--quiet");
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("protest.legitimacy: not free"), (String) r[2]);
    }
}
