package org.exitvoice.output;

import static org.exitvoice.output.RunWriterTest.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exitvoice.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    @TempDir
    Path parent;

    private static final String RUN_MANIFEST = "{\"kind\": \"run\"}";

    /** A committed run folder holding {@code content} in a.txt (plus the manifest that marks it as a run). */
    private Path run(String name, String content) throws Exception {
        Path target = parent.resolve(name);
        try (RunFolder f = RunFolder.create(target, FolderKind.RUN)) {
            Files.writeString(f.dir().resolve("a.txt"), content);
            Files.writeString(f.dir().resolve(RunFolder.MARK), RUN_MANIFEST);
            f.commit();
        }
        return target;
    }

    @Test
    void writesIntoAHiddenSiblingAndCommitsByRename() throws Exception {
        Path target = parent.resolve("deep/er/sep2022");
        try (RunFolder f = RunFolder.create(target, FolderKind.RUN)) {
            assertTrue(f.dir().getFileName().toString().startsWith(".sep2022.tmp-"), f.dir().toString());
            assertEquals(target.getParent(), f.dir().getParent());
            assertFalse(Files.exists(target));
            Files.writeString(f.dir().resolve("a.txt"), "one");
            f.commit();
            assertEquals(target, f.dir());
        }
        assertEquals("one", Files.readString(target.resolve("a.txt")));
        assertEquals(List.of("sep2022"), list(target.getParent()));
    }

    @Test
    void commitReplacesThePreviousRun() throws Exception {
        Path target = run("out", "old");
        run("out", "new");
        assertEquals("new", Files.readString(target.resolve("a.txt")));
        assertEquals(List.of("out"), list(parent));
    }

    @Test
    void aThrowingWriterLeavesThePreviousRunAndNoTemp() throws Exception {
        Path target = run("out", "old");
        assertThrows(UncheckedIOException.class, () -> {
            try (RunFolder f = RunFolder.create(target, FolderKind.RUN)) {
                Files.writeString(f.dir().resolve("a.txt"), "half-written");
                throw new UncheckedIOException(new IOException("disk full"));
            }
        });
        assertEquals("old", Files.readString(target.resolve("a.txt")));
        assertEquals(List.of("out"), list(parent));
    }

    @Test
    void closeWithoutCommitLeavesNothingNew() throws Exception {
        try (RunFolder f = RunFolder.create(parent.resolve("out"), FolderKind.RUN)) {
            Files.createDirectories(f.dir().resolve("charts"));
            Files.writeString(f.dir().resolve("charts/x.svg"), "<svg/>");
        }
        assertEquals(List.of(), list(parent));
    }

    @Test
    void repairsAnOldFolderLeftBetweenTheTwoRenames() throws Exception {
        // killed after "out" → ".out.old-…" but before the temp became "out"
        Path old = Files.createDirectories(parent.resolve(".out.old-1a2b3c"));
        Files.writeString(old.resolve("a.txt"), "last good run");
        Files.writeString(old.resolve(RunFolder.MARK), RUN_MANIFEST);
        Path temp = Files.createDirectories(parent.resolve(".out.tmp-999"));
        Files.writeString(temp.resolve("a.txt"), "never committed");

        try (RunFolder f = RunFolder.create(parent.resolve("out"), FolderKind.RUN)) {
            assertEquals("last good run", Files.readString(parent.resolve("out/a.txt")), "renamed back at create");
            assertFalse(Files.exists(temp), "stale temp deleted");
        }
        assertEquals(List.of("out"), list(parent));
    }

    @Test
    void deletesAnOldFolderLeftAfterTheSecondRename() throws Exception {
        run("out", "new");
        Path old = Files.createDirectories(parent.resolve(".out.old-77"));
        Files.writeString(old.resolve("a.txt"), "superseded");
        try (RunFolder f = RunFolder.create(parent.resolve("out"), FolderKind.RUN)) {
            assertFalse(Files.exists(old));
        }
        assertEquals("new", Files.readString(parent.resolve("out/a.txt")));
        assertEquals(List.of("out"), list(parent));
    }

    @Test
    void leavesOtherRunsLeftoversAlone() throws Exception {
        Path other = Files.createDirectories(parent.resolve(".outer.tmp-1"));
        try (RunFolder f = RunFolder.create(parent.resolve("out"), FolderKind.RUN)) {
            f.commit();
        }
        assertTrue(Files.exists(other));
    }

    @Test
    void refusesAFileOrAForeignFolder() throws Exception {
        Files.writeString(parent.resolve("file"), "x");
        ScenarioException file = assertThrows(ScenarioException.class,
                () -> RunFolder.create(parent.resolve("file"), FolderKind.RUN));
        assertTrue(file.getMessage().contains("file: is a file, not a folder"), file.getMessage());
        Path foreign = Files.createDirectories(parent.resolve("home"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        ScenarioException notOurs = assertThrows(ScenarioException.class, () -> RunFolder.create(foreign, FolderKind.RUN));
        assertTrue(notOurs.getMessage().contains("home: not empty and not an exitvoice output folder"), notOurs.getMessage());
        assertEquals("mine", Files.readString(foreign.resolve("notes.txt")));
        // an empty folder is fine to replace
        Path empty = Files.createDirectories(parent.resolve("empty"));
        try (RunFolder f = RunFolder.create(empty, FolderKind.RUN)) {
            Files.writeString(f.dir().resolve("a.txt"), "run");
            f.commit();
        }
        assertEquals("run", Files.readString(empty.resolve("a.txt")));
        assertEquals(List.of("empty", "file", "home"), list(parent));
    }

    @Test
    void refusesAFolderUnderAFileAndCreatesNothing() throws Exception {
        Files.writeString(parent.resolve("notes.txt"), "x");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> RunFolder.create(parent.resolve("notes.txt/deeper/out"), FolderKind.RUN));
        assertTrue(e.getMessage().contains("notes.txt is a file, not a folder"), e.getMessage());
        assertEquals(List.of("notes.txt"), list(parent));
    }

    /** A folder holding {@code files} (name, content), as a command wrote it. */
    private Path folder(String name, String... files) throws Exception {
        Path dir = Files.createDirectories(parent.resolve(name));
        for (int k = 0; k < files.length; k += 2) {
            Files.writeString(dir.resolve(files[k]), files[k + 1]);
        }
        return dir;
    }

    @Test
    void eachCommandReplacesOnlyAFolderOfItsOwnKind() throws Exception {
        Path validation = folder("v", RunFolder.MARK, "{\"kind\": \"validate\"}", "validation.csv", "id\n");
        Path calibration = folder("c", RunFolder.MARK, "{\"kind\": \"calibrate\"}", "fit.yaml", "x: 1\n");
        Path comparison = folder("cmp", RunFolder.MARK, "{\"kind\": \"compare\"}", "differences.csv", "metric\n");
        Path sweep = folder("s", "sweep.json", "{}", "runs.csv", "run\n");
        Path run = folder("r", RunFolder.MARK, RUN_MANIFEST, "national.csv", "day\n");
        for (Path p : List.of(validation, calibration, comparison, sweep)) {
            ScenarioException e = assertThrows(ScenarioException.class, () -> RunFolder.create(p, FolderKind.RUN));
            assertTrue(e.getMessage().startsWith(p + ": holds a "), e.getMessage());
            assertTrue(e.getMessage().contains(", not a run: refusing to replace it"), e.getMessage());
        }
        assertTrue(assertThrows(ScenarioException.class, () -> RunFolder.create(sweep, FolderKind.RUN))
                .getMessage().contains("holds a sweep"));
        assertTrue(assertThrows(ScenarioException.class, () -> RunFolder.create(run, FolderKind.VALIDATE))
                .getMessage().contains("holds a run, not a validation"));
        assertTrue(assertThrows(ScenarioException.class, () -> RunFolder.create(validation, FolderKind.CALIBRATE))
                .getMessage().contains("holds a validation, not a calibration"));
        assertEquals("id\n", Files.readString(validation.resolve("validation.csv")), "left as it was");
        assertEquals(List.of("c", "cmp", "r", "s", "v"), list(parent), "no temp folder made");
        try (RunFolder f = RunFolder.create(validation, FolderKind.VALIDATE)) {
            f.commit();
        }
        assertEquals(List.of(), list(validation), "a validation replaces a validation");
    }

    @Test
    void aFolderWrittenBeforeManifestsNamedTheirKindIsKnownByItsFiles() throws Exception {
        Path oldRun = folder("old-run", RunFolder.MARK, "{\"seed\": 1}", "national.csv", "day\n");
        Path oldValidation = folder("old-validate", RunFolder.MARK, "{\"seed\": 1}", "validation.csv", "id\n");
        Path oldCalibration = folder("old-calibrate", RunFolder.MARK, "{\"seed\": 1}", "validation.csv", "id\n",
                "fit.yaml", "x: 1\n");
        try (RunFolder f = RunFolder.create(oldRun, FolderKind.RUN)) {
            Files.writeString(f.dir().resolve("a.txt"), "new");
            f.commit();
        }
        assertEquals(List.of("a.txt"), list(oldRun), "an older run is still replaced by a run");
        assertTrue(assertThrows(ScenarioException.class, () -> RunFolder.create(oldValidation, FolderKind.RUN))
                .getMessage().contains("holds a validation, not a run"));
        assertTrue(assertThrows(ScenarioException.class, () -> RunFolder.create(oldCalibration, FolderKind.VALIDATE))
                .getMessage().contains("holds a calibration, not a validation"));
    }
}
