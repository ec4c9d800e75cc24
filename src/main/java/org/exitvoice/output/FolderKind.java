package org.exitvoice.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an exitvoice output folder holds, written as {@code "kind"} in its manifest.json, so that a command replaces
 * only a folder of its own kind: a run must not wipe a validation, a comparison or a sweep given to it by mistake.
 */
public enum FolderKind {
    RUN("run", "a run", "national.csv"),
    VALIDATE("validate", "a validation", "validation.csv"),
    CALIBRATE("calibrate", "a calibration", "fit.yaml"),
    COMPARE("compare", "a comparison", "differences.csv"),
    SWEEP("sweep", "a sweep", "sweep.json");

    private final String id;
    private final String described;
    private final String ownFile;

    FolderKind(String id, String described, String ownFile) {
        this.id = id;
        this.described = described;
        this.ownFile = ownFile;
    }

    /** The manifest's {@code kind}: the command that wrote the folder. */
    public String id() {
        return id;
    }

    /** e.g. "a validation". */
    public String described() {
        return described;
    }

    /**
     * What the non-empty folder {@code dir} holds: its manifest's kind; for a sweep (sweep.json, no manifest.json) or a
     * folder written before manifests named their kind, the file only that command writes. Null when it is no
     * exitvoice output folder at all.
     */
    static String of(Path dir) {
        Path manifest = dir.resolve(RunFolder.MARK);
        if (Files.isRegularFile(manifest)) {
            try {
                JsonNode kind = new ObjectMapper().readTree(manifest.toFile()).path("kind");
                if (kind.isTextual() && !kind.asText().isBlank()) {
                    return kind.asText();
                }
            } catch (IOException | RuntimeException unreadable) {
                // fall back on the files the folder holds
            }
        }
        // fit.yaml before validation.csv: a calibration holds both
        for (FolderKind k : new FolderKind[] {SWEEP, CALIBRATE, VALIDATE, COMPARE, RUN}) {
            boolean marked = k == SWEEP || Files.isRegularFile(manifest);
            if (marked && Files.isRegularFile(dir.resolve(k.ownFile))) {
                return k.id;
            }
        }
        return null;
    }

    /** "a validation" for a known kind id, else "a 'kind' folder" (say, one written by a later version). */
    static String describe(String id) {
        for (FolderKind k : values()) {
            if (k.id.equals(id)) {
                return k.described;
            }
        }
        return "a '" + id + "' folder";
    }
}
