package org.exitvoice.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.exitvoice.output.FolderKind;
import org.exitvoice.output.Manifest;
import org.exitvoice.output.RunFolder;
import org.exitvoice.scenario.Scenario;
import org.exitvoice.scenario.ScenarioException;

/** Writes a validation's folder (validation.csv, scores.csv, the chart, the scenario, a manifest) so that it appears all at once. */
public final class Validation {
    private Validation() {
    }

    /** File names inside the folder. */
    public static final String TABLE = "validation.csv", SCORES = "scores.csv", CHART = "validation", SCENARIO = "scenario.yaml";

    /**
     * Writes {@code table} into {@code outDir}, replacing an earlier folder of the same {@code kind} there (and nothing
     * else: see {@link RunFolder#requireReplaceable}).
     *
     * @param kind         {@link FolderKind#VALIDATE}, or {@link FolderKind#CALIBRATE} for the validation at a fit
     * @param scenario     the scenario of the first replication (its seed is the first seed)
     * @param resolvedYaml that scenario as YAML, written as scenario.yaml and hashed into the manifest
     * @param sets         the {@code key=value} overrides applied on top of {@code scenarioFile} (a fit's values)
     * @param more         writes more files into the folder (a fit's trace and chart); null for none
     */
    public static void write(Path outDir, FolderKind kind, ValidationTable table, int replications, Scenario scenario,
                             String resolvedYaml, Path scenarioFile, List<String> sets, int threads, double wallSeconds,
                             FolderExtras more) throws IOException, ScenarioException {
        try (RunFolder folder = RunFolder.create(outDir, kind)) {
            Path dir = folder.dir();
            table.writeCsv(dir.resolve(TABLE));
            table.writeScores(dir.resolve(SCORES));
            new ValidationChart(table, replications).write(dir.resolve("charts"), CHART);
            Files.writeString(dir.resolve(SCENARIO), resolvedYaml, StandardCharsets.UTF_8);
            if (more != null) {
                more.writeInto(dir);
            }
            new Manifest(kind.id(), Manifest.version(null), scenario.seed(), scenario.scale(), scenario.days(),
                    String.valueOf(scenario.start()), String.valueOf(scenario.end()),
                    scenarioFile == null ? null : scenarioFile.toString(), sets, Manifest.sha256(resolvedYaml), wallSeconds,
                    System.getProperty("java.version"), threads,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()).write(dir.resolve(RunFolder.MARK));
            folder.commit();
        }
    }

    /** Writes further files (charts, tables) into the folder before it is committed. */
    @FunctionalInterface
    public interface FolderExtras {
        void writeInto(Path dir) throws IOException;
    }
}
