package org.exitvoice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import picocli.CommandLine;

/**
 * {@code run --out} replaces only a run's folder: another command's outputs, a folder of someone's files or a file
 * are bad input (exit 2, one line naming the folder and what it holds), and the run writes nothing.
 */
class RunOutFolderTest {
    @TempDir
    Path dir;

    record Outcome(int exit, String out, String err) {
    }

    private static Outcome exitvoice(List<String> args) {
        CommandLine cl = ExitVoice.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args.toArray(String[]::new));
        return new Outcome(exit, out.toString(), err.toString());
    }

    /** A short run into {@code out}: it must be refused before it simulates or writes anything. */
    private static Outcome runInto(Path out) {
        return exitvoice(List.of("run", "--scale", "8000", "--days", "2", "--quiet", "--out", out.toString()));
    }

    /** Every file under {@code root} with a hash of its bytes: equal before and after means untouched. */
    private static Map<String, String> contents(Path root) throws Exception {
        Map<String, String> files = new TreeMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
            }
        }
        return files;
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Each other command, what a refusal calls its folder, and its arguments ({@code OUT}: the folder). */
    static Stream<Arguments> otherCommands() {
        return Stream.of(
                Arguments.of("validate", "a validation", List.of("validate", "--scale", "8000", "--replications", "1",
                        "--set", "draft.target=250000", "--quiet", "--out", "OUT")),
                Arguments.of("compare", "a comparison", List.of("compare", "params/sep2022.yaml",
                        "params/no-exit-lists.yaml", "--replications", "1", "--scale", "8000", "--days", "2", "--quiet",
                        "--out", "OUT")),
                Arguments.of("sweep", "a sweep", List.of("sweep", "params/experiments/misclassification.yaml",
                        "--replications", "1", "--scale", "8000", "--days", "2", "--quiet", "--out", "OUT")),
                Arguments.of("calibrate", "a calibration", List.of("calibrate", "PLAN", "--quiet", "--out", "OUT")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherCommands")
    void aRunRefusesToReplaceTheFolderOfAnotherCommand(String command, String holds, List<String> args) throws Exception {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, "scenario: " + Path.of("params/sep2022.yaml").toAbsolutePath()
                + "\nobservations: [obs-052]\nbudget: 2\nreplications: 1\nscale: 8000\nseed: 3\nparameters:\n"
                + "  emigration.attachment: {min: 1.5, max: 4}\n");
        Path outs = Files.createDirectories(dir.resolve("outputs"));
        Path out = outs.resolve(command);
        List<String> made = new ArrayList<>();
        args.forEach(a -> made.add(a.replace("OUT", out.toString()).replace("PLAN", plan.toString())));
        Outcome first = exitvoice(made);
        assertEquals(0, first.exit(), first.err());
        if (!command.equals("sweep")) { // a sweep is marked by its sweep.json
            JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
            assertEquals(command, manifest.path("kind").asText(), "the manifest says what the folder holds");
        }
        Map<String, String> before = contents(out);

        Outcome run = runInto(out);

        assertEquals(2, run.exit(), run.err());
        assertEquals(out + ": holds " + holds + ", not a run: refusing to replace it; choose another --out",
                run.err().strip());
        assertEquals("", run.out());
        assertEquals(before, contents(out), "the " + command + " folder is left byte for byte");
        assertEquals(List.of(command), list(outs), "no temporary folder beside it");
    }

    @Test
    void aRunIntoAStrangersFolderOrOntoAFileIsBadInputAndWritesNothing() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("thesis.tex"), "precious");
        Path file = Files.writeString(dir.resolve("results.txt"), "mine");
        Map<Path, String> refusals = Map.of(
                notes, notes + ": not empty and not an exitvoice output folder (no manifest.json): refusing to replace"
                        + " it; choose another --out",
                file, file + ": is a file, not a folder: choose another --out",
                file.resolve("run"), file.resolve("run") + ": " + file + " is a file, not a folder: choose another --out");
        for (Map.Entry<Path, String> r : refusals.entrySet()) {
            Outcome o = runInto(r.getKey());
            assertEquals(2, o.exit(), "bad input, not an internal error: " + o.err());
            assertEquals(r.getValue(), o.err().strip());
            assertFalse(o.err().strip().contains("\n"), "one line");
        }
        assertEquals(List.of("notes", "results.txt"), list(dir));
        assertEquals(List.of("thesis.tex"), list(notes));
        assertEquals("precious", Files.readString(notes.resolve("thesis.tex")));
        assertEquals("mine", Files.readString(file));
    }
}
