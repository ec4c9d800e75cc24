package org.exitvoice.cli;

import org.exitvoice.output.FolderKind;
import org.exitvoice.output.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run killed at any moment (kill -9, or Ctrl-C) leaves the previous complete output folder or the new complete
 * one, never a mix; what a kill leaves beside it is repaired by the next run.
 */
class KilledRunTest {
    @TempDir
    Path dir;

    private Process start(Path out, int days) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), ExitVoice.class.getName(),
                "run", "--scale", "2000", "--days", String.valueOf(days), "--quiet", "--out", out.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
    }

    /** A complete run folder: every file written and national.csv with a row a day; returns its days. */
    private static int assertComplete(Path out) throws Exception {
        for (String f : List.of("manifest.json", "national.csv", "regions.csv", "routes.csv", "scenario.yaml", "report.html",
                "charts/emigration.svg", "charts/borders.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f + " in " + out);
        }
        int days = Files.readAllLines(out.resolve("national.csv")).size() - 1;
        assertTrue(days == 5 || days == 12 || days == 60, "a run of one of the lengths started, not a mix: " + days);
        return days;
    }

    private List<String> folder() throws Exception {
        try (var siblings = Files.list(dir)) {
            return siblings.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRunKilledAtAnyMomentLeavesTheOldFolderOrTheNewOne() throws Exception {
        Path out = dir.resolve("run");
        Process first = start(out, 5);
        assertTrue(first.waitFor(60, TimeUnit.SECONDS) && first.exitValue() == 0, "a first complete run");
        assertEquals(5, assertComplete(out));
        Random delays = new Random(20220921);
        for (int k = 0; k < 6; k++) {
            Process p = start(out, 12);
            Thread.sleep(300 + delays.nextInt(2500));
            p.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
            p.waitFor(30, TimeUnit.SECONDS);
            if (!Files.exists(out)) {
                // killed between the two renames of the commit: the next run puts the old folder back
                RunFolder.create(out, FolderKind.RUN).close();
            }
            assertComplete(out);
            // what the kill left beside it (a half-written temp folder) goes with the next run's repair
            RunFolder.create(out, FolderKind.RUN).close();
            assertEquals(List.of("log.txt", "run"), folder());
        }
    }

    @Test
    void ctrlCLeavesThePreviousFolderAndNoTempFolder() throws Exception {
        Path out = dir.resolve("run");
        Process first = start(out, 5);
        assertTrue(first.waitFor(60, TimeUnit.SECONDS) && first.exitValue() == 0);
        Process p = start(out, 60);
        Thread.sleep(1200);
        p.destroy(); // SIGTERM, as Ctrl-C: shutdown hooks run
        p.waitFor(30, TimeUnit.SECONDS);
        assertComplete(out);
        assertEquals(List.of("log.txt", "run"), folder(), "no .run.tmp-* left behind");
    }
}
