package org.exitvoice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.exitvoice.scenario.ScenarioFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

/** Bad input of every kind: exit 2, one line on stderr naming file:line and key, no output folder. */
class ExitVoiceTest {
    @TempDir
    Path dir;

    /** What {@code execute} left behind. */
    record Outcome(int exit, String out, String err) {
    }

    private static Outcome execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ExitVoice.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    /**
     * One broken input: files to write (the first is the scenario run), extra arguments, and what
     * the error line must contain ({@code FILE} stands for the scenario's path, {@code DIR} for its folder).
     */
    record Bad(String name, Map<String, String> files, List<String> args, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Bad bad(String name, String yaml, String... expected) {
        return new Bad(name, Map.of("bad.yaml", yaml), List.of(), List.of(expected));
    }

    private static Bad badArgs(String name, List<String> args, String... expected) {
        return new Bad(name, Map.of("ok.yaml", "extends: base.yaml\n"), args, List.of(expected));
    }

    static Stream<Bad> badInputs() {
        Map<String, String> cycle = new LinkedHashMap<>();
        cycle.put("a.yaml", "# a\nextends: b.yaml\n");
        cycle.put("b.yaml", "extends: a.yaml\n");
        Map<String, String> inBase = new LinkedHashMap<>();
        inBase.put("top.yaml", "extends: mid.yaml\n");
        inBase.put("mid.yaml", "extends: base.yaml\nenforcement:\n  raidProb: 2\n");
        return Stream.of(
                bad("typo key", "extends: base.yaml\ndraft:\n  target: 5\nenforcment:\n  intensity: 0.3\n",
                        "FILE:4: unknown key 'enforcment' (did you mean 'enforcement'?)"),
                bad("nested typo key", "extends: base.yaml\ndraft:\n  trget: 5\n",
                        "FILE:3: unknown key 'trget' in 'draft' (did you mean 'target'?)"),
                bad("wrong type", "extends: base.yaml\n\ndraft:\n  target: many\n",
                        "FILE:4: draft.target: expected an integer, got 'many'"),
                bad("probability out of range", "extends: base.yaml\ndraft:\n  misclassification: 1.5\n",
                        "FILE:3: draft.misclassification: must be in [0, 1], got 1.5"),
                bad("negative count", "extends: base.yaml\nprotest:\n  policePer1000: -2\n",
                        "FILE:3: protest.policePer1000: must be in [0, 100], got -2"),
                bad("negative target", "extends: base.yaml\ndraft:\n  target: -300\n",
                        "FILE:3: draft.target: must be >= 0, got -300"),
                bad("event before start", "extends: base.yaml\nevents:\n  - {date: 2022-09-27, type: exitBan}\n"
                                + "  - date: 2022-09-01\n    type: endDraft\n",
                        "FILE:4: events[1].date: 2022-09-01 is before the run's first day: the run covers 2022-09-21..2022-11-19"),
                bad("event after the run (a mistyped year)", "extends: base.yaml\nevents:\n  - {date: 2023-09-28, type: exitBan}\n",
                        "FILE:3: events[0].date: 2023-09-28 is after the run's last day: the run covers 2022-09-21..2022-11-19"),
                bad("a day that does not exist", "extends: base.yaml\nevents:\n  - {date: 2022-02-30, type: exitBan}\n",
                        "FILE:3: events[0].date: 2022-02-30: there is no 30 February 2022"),
                bad("unknown route", "extends: base.yaml\nevents:\n  - {date: 2022-09-27, type: closeRoute, route: uper-lars}\n",
                        "FILE:3: events[0].route: unknown route 'uper-lars' (did you mean 'upper-lars'?)"),
                bad("route capacity of zero", "extends: base.yaml\nevents:\n  - {date: 2022-09-27, type: routeCapacity, route: upper-lars, value: 0}\n",
                        "FILE:3: events[0].value: must be in (0, 100], got 0.0"),
                bad("route capacity without a route", "extends: base.yaml\nevents:\n  - date: 2022-09-27\n    type: routeCapacity\n    value: 1.3\n",
                        "FILE:3: events[0]: routeCapacity needs a route"),
                bad("unknown region of a local call", "extends: base.yaml\nevents:\n  - {date: 2022-09-25, type: protestCall, region: RU-DAG}\n",
                        "FILE:3: events[0].region: unknown region 'RU-DAG'"),
                bad("a region on an event that is not a call", "extends: base.yaml\nevents:\n  - {date: 2022-09-25, type: exitBan, region: RU-DA}\n",
                        "FILE:3: events[0].region: exitBan takes no region"),
                bad("unknown event type", "extends: base.yaml\nevents:\n  - {date: 2022-09-27, type: closeRoad, route: upper-lars}\n",
                        "FILE:3: events[0].type: unknown event type 'closeRoad'", "allowed: closeRoute, openRoute, mobilizationPoint"),
                bad("syntax error", "extends: base.yaml\ndraft:\n  target: 5\n maxAge: 30\n", "FILE:4: YAML syntax error: "),
                bad("empty file", "", "FILE: empty scenario file"),
                bad("comments only", "# nothing here\n", "FILE: empty scenario file"),
                bad("binary garbage", "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000", "FILE: not a text file"),
                bad("not UTF-8", "seed: 1\nname: caf\u00e9 \u00ff\u00fe\n", "FILE: not a UTF-8 text file"),
                bad("extends missing", "seed: 1\n\nextends: nope.yaml\n", "FILE:3: extends: file not found 'nope.yaml'"),
                new Bad("extends cycle", cycle, List.of(), List.of("DIR/b.yaml:1: extends: cycle a.yaml -> b.yaml -> a.yaml")),
                new Bad("error in extended file", inBase, List.of(),
                        List.of("DIR/mid.yaml:3: enforcement.raidProb: must be in [0, 1], got 2")),
                bad("null group", "extends: base.yaml\ndraft:\n", "FILE:2: draft: expected a group of keys, got nothing"),
                bad("duplicate key", "extends: base.yaml\nseed: 1\nseed: 2\n", "FILE:3: duplicate key 'seed'"),
                bad("no data tables", "seed: 1\n", "FILE: missing key 'data.regions'"),
                badArgs("--set unknown key", List.of("--set", "draft.trget=5"),
                        "--set draft.trget: unknown key 'trget' (did you mean 'target'?)"),
                badArgs("--set wrong type", List.of("--set", "draft.target=many"),
                        "--set draft.target: expected an integer, got 'many'"),
                badArgs("--set out of range", List.of("--set", "exitList.coverage=2"),
                        "--set exitList.coverage: must be in [0, 1], got 2"),
                badArgs("--set a day that does not exist", List.of("--set", "exitList.from=2023-02-29"),
                        "--set exitList.from: 2023-02-29: there is no 29 February 2023 (2023 is not a leap year)"),
                badArgs("--set without =", List.of("--set", "draft.target"), "--set draft.target: expected key.path=value"),
                badArgs("--scale 0", List.of("--scale", "0"), "exitvoice: --scale: must be a positive integer, got 0"),
                badArgs("--days -3", List.of("--days", "-3"), "exitvoice: --days: must be a positive integer, got -3"),
                badArgs("--days too many", List.of("--days", "5000"), "--days: must be in [1, 3650], got 5000"),
                badArgs("--seed abc", List.of("--seed", "abc"), "exitvoice: --seed: must be an integer, got 'abc'"),
                badArgs("--threads 0", List.of("--threads", "0"), "exitvoice: --threads: must be a positive integer, got 0"),
                badArgs("unknown option", List.of("--sede", "3"), "exitvoice: unknown option '--sede' (did you mean '--seed'?)"),
                badArgs("option without value", List.of("--seed"), "exitvoice: --seed: needs a value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsOneLineExitTwoAndNoOutputFolder(Bad bad) throws Exception {
        ScenarioFiles.writeBase(dir);
        Path scenario = null;
        for (Map.Entry<String, String> f : bad.files().entrySet()) {
            Path p = ScenarioFiles.write(dir.resolve(f.getKey()), f.getValue());
            scenario = scenario == null ? p : scenario;
        }
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of("run", scenario.toString(), "--out", out.toString()));
        args.addAll(bad.args());
        Outcome o = execute(args.toArray(String[]::new));

        assertEquals(2, o.exit(), o.err());
        assertEquals("", o.out());
        String err = o.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        for (String part : bad.expected()) {
            String want = part.replace("FILE", scenario.toString()).replace("DIR", dir.toString());
            assertTrue(err.contains(want), "expected '" + want + "' in: " + err);
        }
        assertFalse(Files.exists(out), "no output folder for bad input");
    }

    @Test
    void noSubcommandPrintsUsageAndExitsTwo() {
        Outcome o = execute();
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("Usage: exitvoice"), o.err());
        assertTrue(o.err().contains("run"), o.err());
    }

    @Test
    void unknownCommandIsOneLine() {
        Outcome o = execute("rnu");
        assertEquals(2, o.exit());
        assertEquals("exitvoice: unknown command 'rnu' (did you mean 'run'?)", o.err().strip());
    }

    @Test
    void helpAndVersionExitZero() {
        Outcome help = execute("run", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--seed"), help.out());
        assertTrue(help.out().contains("SCENARIO"), help.out());
        Outcome version = execute("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().startsWith("exitvoice "), version.out());
    }

    @Test
    void paramsMarkdownListsMisclassificationWithItsRange() {
        Outcome o = execute("params", "--markdown");
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().lines().anyMatch(l -> l.startsWith("| `draft.misclassification` |") && l.contains("[0, 1]")), o.out());
        Outcome plain = execute("params");
        assertEquals(0, plain.exit(), plain.err());
        assertTrue(plain.out().lines().anyMatch(l -> l.startsWith("draft.misclassification ") && l.contains("[0, 1]")), plain.out());
    }

    @Test
    void optionsDefaultToTheShippedScenarioAndItsOutputFolder() {
        ScenarioOptions opts = new ScenarioOptions();
        new CommandLine(opts).parseArgs();
        assertEquals(Path.of("params/sep2022.yaml"), opts.scenarioFile());
        assertEquals(Path.of("outputs", "sep2022"), opts.defaultOutDir(""));
        assertEquals(Path.of("outputs", "sep2022-validate"), opts.defaultOutDir("-validate"));
        assertEquals(Runtime.getRuntime().availableProcessors(), opts.threads());
        new CommandLine(opts).parseArgs("x/y.yaml", "--set", "a=1", "--set", "b=2", "--seed", "-4", "--quiet");
        assertEquals(Path.of("outputs", "y-validate"), opts.defaultOutDir("-validate"));
        assertEquals(List.of("a=1", "b=2"), opts.sets());
        assertEquals(-4L, opts.seed());
        assertTrue(opts.quiet());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"run", "validate", "calibrate"})
    void theHelpOfOutStatesTheFolderTheCommandWritesWithoutIt(String command) {
        Path input = Path.of(command.equals("calibrate") ? "params/calibration/sep2022.yaml" : "params/sep2022.yaml");
        CommandLine cl = ExitVoice.commandLine().parseArgs(command, input.toString()).subcommand().commandSpec().commandLine();
        Path used = switch (command) {
            case "run" -> ((RunCommand) cl.getCommand()).outDir();
            case "validate" -> ((ValidateCommand) cl.getCommand()).outDir();
            default -> ((CalibrateCommand) cl.getCommand()).outDir();
        };
        String help = String.join(" ", cl.getCommandSpec().findOption("--out").description());
        String name = input.getFileName().toString().replaceFirst("\\.yaml$", "");
        String stated = help.replace("<scenario name>", name).replace("<file name>", name);
        String folder = "(default: " + used.toString().replace('\\', '/') + "/";
        assertTrue(stated.contains(folder + ")") || stated.contains(folder + " in the exitvoice folder)"),
                "help says '" + help + "' but " + command + " " + input + " writes to " + used);
    }
}
