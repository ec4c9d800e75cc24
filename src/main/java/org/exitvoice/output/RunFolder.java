package org.exitvoice.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import org.exitvoice.scenario.ScenarioException;

/** An output folder that appears all at once: written in a hidden temp sibling, then renamed over the target on commit. */
public final class RunFolder implements AutoCloseable {

    /** The manifest each command (but sweep: sweep.json) writes into its folder; its {@code kind} says which command. */
    public static final String MARK = "manifest.json";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final Path temp;
    private volatile boolean committed; // read by the shutdown hook's thread

    /** Deletes the temp folder if the JVM is stopped (Ctrl-C) before the run is committed or closed. */
    private final Thread onInterrupt;

    private RunFolder(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
        this.onInterrupt = new Thread(() -> {
            try {
                if (!committed) {
                    deleteTree(temp); // the previous run stays as it was
                }
            } catch (IOException ignored) {
                // the next create() deletes what is left
            }
        }, "exitvoice-run-folder-cleanup");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
    }

    private void forgetShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing to remove
        }
    }

    /**
     * Refuses, as the user's input, an output folder this command must not replace: a file, a folder under a file, a
     * non-empty folder that is not an exitvoice output (we will not delete, say, a home directory given by mistake),
     * or one that holds another command's output (a run must not wipe a validation). Empty or missing is fine.
     * Writes nothing: commands call it before they start working, and {@link #create} again.
     */
    public static void requireReplaceable(Path outDir, FolderKind kind) throws ScenarioException {
        Path target = outDir.toAbsolutePath().normalize();
        String where = outDir.toString();
        if (target.getFileName() == null || target.getParent() == null) {
            throw new ScenarioException(where, "cannot write into the file-system root: choose another --out");
        }
        for (Path up = target.getParent(); up != null; up = up.getParent()) {
            if (Files.exists(up)) {
                if (!Files.isDirectory(up)) {
                    throw new ScenarioException(where, up + " is a file, not a folder: choose another --out");
                }
                break;
            }
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new ScenarioException(where, "is a file, not a folder: choose another --out");
        }
        try {
            if (isEmpty(target)) {
                return;
            }
        } catch (IOException e) {
            throw new ScenarioException(where, "cannot read this folder (" + e.getMessage() + "): choose another --out");
        }
        String holds = FolderKind.of(target);
        if (holds == null) {
            throw new ScenarioException(where, "not empty and not an exitvoice output folder (no " + MARK
                    + "): refusing to replace it; choose another --out");
        }
        if (!holds.equals(kind.id())) {
            throw new ScenarioException(where, "holds " + FolderKind.describe(holds) + ", not " + kind.described()
                    + ": refusing to replace it; choose another --out");
        }
    }

    /**
     * Repairs what a killed run left beside {@code outDir}, checks that {@code outDir} may be replaced by a folder of
     * this {@code kind} ({@link #requireReplaceable}), and makes the hidden temp sibling {@code .NAME.tmp-<random>} to
     * write into.
     */
    public static RunFolder create(Path outDir, FolderKind kind) throws IOException, ScenarioException {
        requireReplaceable(outDir, kind); // before anything is created: bad input writes nothing
        Path target = outDir.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        repair(target);
        requireReplaceable(outDir, kind); // again: the repair may have put an older folder back in place
        // Same parent as the target, so that commit() is a rename on one file system. Not createTempDirectory:
        // that makes the folder owner-only (700), and the committed run would keep those permissions.
        while (true) {
            Path temp = freshSibling(target, "tmp");
            try {
                Files.createDirectory(temp);
                return new RunFolder(target, temp);
            } catch (FileAlreadyExistsException raced) {
                // another process took the name between the check and the creation: draw again
            }
        }
    }

    /** The folder to write into (the hidden temp folder until commit, then the target). */
    public Path dir() {
        return committed ? target : temp;
    }

    /** The folder the run appears in after {@link #commit()}. */
    public Path target() {
        return target;
    }

    /**
     * Puts the written folder in place of the target: old target → {@code .NAME.old-<random>}, temp → target,
     * then deletes the old one. If the process dies between the two renames, the next {@link #create} renames the
     * old folder back.
     */
    public void commit() throws IOException {
        if (committed) {
            return;
        }
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            old = freshSibling(target, "old");
            move(target, old);
        }
        try {
            move(temp, target);
        } catch (IOException e) {
            if (old != null) {
                try {
                    move(old, target);
                } catch (IOException back) {
                    e.addSuppressed(back);
                }
            }
            throw e;
        }
        committed = true;
        forgetShutdownHook();
        if (old != null) {
            try {
                deleteTree(old);
            } catch (IOException e) {
                // The new run is in place; the next create() deletes this leftover.
            }
        }
    }

    /** Deletes the temp folder unless the run was committed; the target is never touched here. */
    @Override
    public void close() throws IOException {
        forgetShutdownHook();
        if (!committed) {
            deleteTree(temp);
        }
    }

    /** Undoes what a run killed mid-write or mid-commit left beside {@code target}. */
    static void repair(Path target) throws IOException {
        List<Path> olds = siblings(target, "old");
        List<Path> temps = siblings(target, "tmp");
        if (!olds.isEmpty() && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            // Killed between the two renames of commit(): the newest old folder is the last good run.
            olds.sort(Comparator.comparing(RunFolder::modified).reversed());
            move(olds.remove(0), target);
        }
        // Killed after the second rename (olds) or while writing (temps). A run writing concurrently into the
        // same outDir would lose its temp folder here: one writer per output folder.
        for (Path p : olds) {
            deleteTree(p);
        }
        for (Path p : temps) {
            deleteTree(p);
        }
    }

    private static String hidden(Path target, String kind) {
        return "." + target.getFileName() + "." + kind + "-";
    }

    private static List<Path> siblings(Path target, String kind) throws IOException {
        String prefix = hidden(target, kind);
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(target.getParent(), prefix + "*")) {
            for (Path p : ds) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    found.add(p);
                }
            }
        }
        found.sort(Comparator.naturalOrder());
        return found;
    }

    private static Path freshSibling(Path target, String kind) {
        while (true) {
            byte[] b = new byte[8];
            RANDOM.nextBytes(b);
            Path p = target.resolveSibling(hidden(target, kind) + HexFormat.of().formatHex(b));
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return p;
            }
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            return !ds.iterator().hasNext();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a folder and everything in it, without following symbolic links out of it. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
