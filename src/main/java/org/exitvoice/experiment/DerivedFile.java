package org.exitvoice.experiment;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * A file written under a temp name beside its target and renamed over it, so a reader (or a crash) never sees half of
 * it: summaries, Sobol indices and charts are derived again on every sweep and must never be left torn.
 */
public final class DerivedFile {
    private static final SecureRandom RANDOM = new SecureRandom();

    private DerivedFile() {
    }

    /** What writes the file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer w) throws IOException;
    }

    /** What writes a binary file (a PNG) to a path. */
    @FunctionalInterface
    public interface Bytes {
        void writeTo(Path file) throws IOException;
    }

    /** Writes UTF-8 text to {@code target} through a temp sibling. */
    public static void write(Path target, Content content) throws IOException {
        writeFile(target, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
        });
    }

    /** Writes {@code text} to {@code target} through a temp sibling. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, w -> w.write(text));
    }

    /** Has {@code bytes} write a temp sibling of {@code target}, then renames it over the target. */
    public static void writeFile(Path target, Bytes bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // not Files.createTempFile: that makes the file owner-only (600), and the renamed file would keep it
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        try {
            bytes.writeTo(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
