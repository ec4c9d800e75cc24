package org.exitvoice.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.exitvoice.scenario.ScenarioException;

/** Writes one run's whole output folder (tables, scenario, charts, manifest, report) so that it appears at once or not at all. */
public final class RunWriter {

    private RunWriter() {
    }

    /**
     * Writes {@code what} into {@code outDir}, replacing a previous run there (and nothing else: see
     * {@link RunFolder#requireReplaceable}). Anything thrown leaves {@code outDir} as it was and no temp folder behind.
     */
    public static void write(Path outDir, RunOutputs what) throws IOException, ScenarioException {
        Instant created = Instant.now(); // one timestamp for the manifest and the report
        try (RunFolder folder = RunFolder.create(outDir, FolderKind.RUN)) {
            Path dir = folder.dir();
            CsvTables.write(dir, what.result());
            Files.writeString(dir.resolve("scenario.yaml"), what.resolvedYaml(), StandardCharsets.UTF_8);
            Charts charts = new Charts(what.result(), what.result().target(), what.routes());
            charts.write(dir.resolve("charts"));
            Summary summary = Summary.of(what.result(), what.result().target());
            Manifest.of(what, created).write(dir.resolve(RunFolder.MARK));
            Report.write(dir.resolve("report.html"), what, summary, charts, created);
            folder.commit();
        }
    }
}
