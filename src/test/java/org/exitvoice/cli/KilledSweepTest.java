package org.exitvoice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep killed at any moment (kill -9) and resumed completes with the same results as one never interrupted:
 * finished runs are kept (their rows were flushed as they finished) and only the runs in flight are done again.
 */
class KilledSweepTest {
    @TempDir
    Path dir;

    private Path experiment() throws Exception {
        Path file = dir.resolve("small.yaml");
        Files.writeString(file, String.join("\n",
                "scenario: " + Path.of("params/sep2022.yaml").toAbsolutePath(),
                "design: {type: factorial}",
                "replications: 10",
                "seed: 7",
                "scale: 2000",
                "days: 30",
                "factors:",
                "  draft.misclassification: [0, 0.1, 0.2, 0.4]",
                "metrics:", "  - final.emigrated", "  - peak.protesters", "  - sum.incidents", "  - final.crossed[Georgia]",
                ""));
        return file;
    }

    private static int sweepInProcess(String... args) {
        CommandLine cl = ExitVoice.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        assertEquals(0, exit, err::toString);
        return exit;
    }

    private Process sweepInAnotherJvm(Path experiment, Path out, boolean resume) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), ExitVoice.class.getName(),
                "sweep", experiment.toString(), "--out", out.toString(), "--threads", "2", "--quiet"));
        if (resume) {
            cmd.add("--resume");
        }
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
    }

    /** runs.csv's rows sorted by run id, without the wall_s column. */
    private static List<String> rows(Path out) throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("runs.csv"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        int wall = header.indexOf("wall_s");
        List<String> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(wall);
            rows.add(String.join(",", cells));
        }
        rows.sort(Comparator.comparingInt(r -> Integer.parseInt(r.substring(0, r.indexOf(',')))));
        return rows;
    }

    @Test
    void aSweepKilledAtAnyMomentAndResumedGivesTheUninterruptedResult() throws Exception {
        Path experiment = experiment();
        Path reference = dir.resolve("reference");
        sweepInProcess("sweep", experiment.toString(), "--out", reference.toString(), "--threads", "2", "--quiet");
        List<String> expected = rows(reference);
        assertEquals(40, expected.size());

        Random moments = new Random(20220921);
        for (int attempt = 0; attempt < 2; attempt++) {
            Path out = dir.resolve("killed-" + attempt);
            boolean started = false;
            // kill it a few times at random moments, resuming each time, then let it finish
            for (int kill = 0; kill < 3; kill++) {
                Process p = sweepInAnotherJvm(experiment, out, started);
                Thread.sleep(800 + moments.nextInt(3000));
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
                started = Files.exists(out.resolve("runs.csv"));
                long done = started ? Files.readAllLines(out.resolve("runs.csv")).size() - 1 : -1;
                System.out.println("attempt " + attempt + ", kill " + kill + ": rows journaled " + done);
                if (!started && Files.exists(out)) {
                    // killed before the sweep had written anything worth resuming: start afresh
                    deleteTree(out);
                }
            }
            if (started) {
                sweepInProcess("sweep", experiment.toString(), "--out", out.toString(), "--threads", "2", "--quiet", "--resume");
            } else {
                sweepInProcess("sweep", experiment.toString(), "--out", out.toString(), "--threads", "2", "--quiet");
            }
            assertEquals(expected, rows(out), "the same rows, each run once, after kills and resumes");
            assertTrue(Files.exists(out.resolve("summary.csv")), "derived files written at the end");
        }
    }

    @Test
    void ctrlCSaysHowManyRunsAreKeptAndTheCommandItPrintsContinues() throws Exception {
        Path experiment = dir.resolve("long.yaml");
        Files.writeString(experiment, String.join("\n",
                "scenario: " + Path.of("params/sep2022.yaml").toAbsolutePath(),
                // 160 runs of ~50 ms each (scale 200): seconds of work left when the signal lands, on a fast idle machine too
                "replications: 40", "seed: 7", "scale: 200", "days: 5",
                "factors:", "  draft.misclassification: [0, 0.2, 0.4, 0.6]",
                "metrics: [final.emigrated]", ""));
        Path out = dir.resolve("out");
        Process p = sweepInAnotherJvm(experiment, out, false);
        Path runs = out.resolve("runs.csv");
        while (p.isAlive() && (!Files.exists(runs) || Files.readAllLines(runs).size() < 2)) {
            Thread.sleep(10); // interrupt it once it has kept a run, long before its 160 are done
        }
        interrupt(p);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "it stops");

        String log = Files.readString(dir.resolve("log.txt"));
        java.util.regex.Matcher said = java.util.regex.Pattern
                .compile("exitvoice sweep: interrupted: (\\d+) of 160 runs kept in .*runs\\.csv; continue with ./exitvoice (.*)")
                .matcher(log);
        assertTrue(said.find(), log);
        String text = Files.readString(runs);
        assertTrue(text.endsWith("\n"), "runs.csv ends on a whole row");
        long rows = text.lines().count() - 1;
        assertEquals(Long.parseLong(said.group(1)), rows, "the count said is the rows kept");
        assertTrue(rows < 160, "interrupted, not finished: " + rows);

        // the command it prints (without the launcher) runs the rest, and only the rest
        CommandLine cl = ExitVoice.commandLine();
        StringWriter stdout = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(stdout, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> args = new ArrayList<>(List.of(said.group(2).strip().split(" ")));
        args.add("--quiet");
        assertEquals(0, cl.execute(args.toArray(String[]::new)), err::toString);
        assertTrue(stdout.toString().contains((160 - rows) + " run now, " + rows + " done before"), stdout.toString());
        assertEquals(160, rows(out).size());
    }

    /**
     * Ctrl-C: SIGINT to the process. A shell without job control (CI, nohup) starts its background children with SIGINT
     * ignored, and the JVM keeps it so; then SIGTERM, which runs the same shutdown hooks. The wait for SIGINT to act is
     * short: were it as long as the sweep, the sweep would finish first and leave nothing to say.
     */
    private static void interrupt(Process p) throws Exception {
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start().waitFor();
        if (!p.waitFor(1, TimeUnit.SECONDS)) {
            System.out.println("SIGINT ignored here; SIGTERM instead");
            p.destroy();
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (var all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
