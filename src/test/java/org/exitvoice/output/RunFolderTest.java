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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    @TempDir
    Path parent;

    /** A committed run folder holding {@code content} in a.txt (plus the manifest that marks it as a run). */
    private Path run(String name, String content) throws IOException {
        Path target = parent.resolve(name);
        try (RunFolder f = RunFolder.create(target)) {
            Files.writeString(f.dir().resolve("a.txt"), content);
            Files.writeString(f.dir().resolve(RunFolder.MARK), "{}");
            f.commit();
        }
        return target;
    }

    @Test
    void writesIntoAHiddenSiblingAndCommitsByRename() throws IOException {
        Path target = parent.resolve("deep/er/sep2022");
        try (RunFolder f = RunFolder.create(target)) {
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
    void commitReplacesThePreviousRun() throws IOException {
        Path target = run("out", "old");
        run("out", "new");
        assertEquals("new", Files.readString(target.resolve("a.txt")));
        assertEquals(List.of("out"), list(parent));
    }

    @Test
    void aThrowingWriterLeavesThePreviousRunAndNoTemp() throws IOException {
        Path target = run("out", "old");
        assertThrows(UncheckedIOException.class, () -> {
            try (RunFolder f = RunFolder.create(target)) {
                Files.writeString(f.dir().resolve("a.txt"), "half-written");
                throw new UncheckedIOException(new IOException("disk full"));
            }
        });
        assertEquals("old", Files.readString(target.resolve("a.txt")));
        assertEquals(List.of("out"), list(parent));
    }

    @Test
    void closeWithoutCommitLeavesNothingNew() throws IOException {
        try (RunFolder f = RunFolder.create(parent.resolve("out"))) {
            Files.createDirectories(f.dir().resolve("charts"));
            Files.writeString(f.dir().resolve("charts/x.svg"), "<svg/>");
        }
        assertEquals(List.of(), list(parent));
    }

    @Test
    void repairsAnOldFolderLeftBetweenTheTwoRenames() throws IOException {
        // killed after "out" → ".out.old-…" but before the temp became "out"
        Path old = Files.createDirectories(parent.resolve(".out.old-1a2b3c"));
        Files.writeString(old.resolve("a.txt"), "last good run");
        Files.writeString(old.resolve(RunFolder.MARK), "{}");
        Path temp = Files.createDirectories(parent.resolve(".out.tmp-999"));
        Files.writeString(temp.resolve("a.txt"), "never committed");

        try (RunFolder f = RunFolder.create(parent.resolve("out"))) {
            assertEquals("last good run", Files.readString(parent.resolve("out/a.txt")), "renamed back at create");
            assertFalse(Files.exists(temp), "stale temp deleted");
        }
        assertEquals(List.of("out"), list(parent));
    }

    @Test
    void deletesAnOldFolderLeftAfterTheSecondRename() throws IOException {
        run("out", "new");
        Path old = Files.createDirectories(parent.resolve(".out.old-77"));
        Files.writeString(old.resolve("a.txt"), "superseded");
        try (RunFolder f = RunFolder.create(parent.resolve("out"))) {
            assertFalse(Files.exists(old));
        }
        assertEquals("new", Files.readString(parent.resolve("out/a.txt")));
        assertEquals(List.of("out"), list(parent));
    }

    @Test
    void leavesOtherRunsLeftoversAlone() throws IOException {
        Path other = Files.createDirectories(parent.resolve(".outer.tmp-1"));
        try (RunFolder f = RunFolder.create(parent.resolve("out"))) {
            f.commit();
        }
        assertTrue(Files.exists(other));
    }

    @Test
    void refusesAFileOrAForeignFolder() throws IOException {
        Files.writeString(parent.resolve("file"), "x");
        assertThrows(IOException.class, () -> RunFolder.create(parent.resolve("file")));
        Path foreign = Files.createDirectories(parent.resolve("home"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        assertThrows(IOException.class, () -> RunFolder.create(foreign));
        assertEquals("mine", Files.readString(foreign.resolve("notes.txt")));
        // an empty folder is fine to replace
        Path empty = Files.createDirectories(parent.resolve("empty"));
        try (RunFolder f = RunFolder.create(empty)) {
            Files.writeString(f.dir().resolve("a.txt"), "run");
            f.commit();
        }
        assertEquals("run", Files.readString(empty.resolve("a.txt")));
        assertEquals(List.of("empty", "file", "home"), list(parent));
    }
}
