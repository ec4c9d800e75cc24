package org.exitvoice.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.exitvoice.scenario.Scenario;

/**
 * What manifest.json records about a run (and a validation or calibration): enough to tell which command, which code
 * and which parameters made the folder.
 *
 * @param kind         the command that wrote the folder ({@link FolderKind#id()}): only a folder of the same kind is
 *                     replaced
 * @param version      exitvoice version
 * @param seed         the scenario's seed
 * @param scale        persons per agent
 * @param days         simulated days
 * @param start        first simulated date (ISO)
 * @param end          last simulated date (ISO)
 * @param scenarioFile the scenario file as given on the command line (null when none)
 * @param sets         the {@code --set key=value} overrides applied on top of it, as given, in order (a calibration:
 *                     the fitted values)
 * @param paramsSha256 SHA-256 (hex) of the resolved scenario YAML, i.e. of scenario.yaml beside the manifest
 * @param wallSeconds  wall time of the simulation
 * @param javaVersion  the JVM's {@code java.version}
 * @param threads      worker threads of the run
 * @param created      when the outputs were written (ISO instant, UTC)
 */
@JsonPropertyOrder({"kind", "version", "seed", "scale", "days", "start", "end", "scenario_file", "sets", "params_sha256",
        "wall_seconds", "java_version", "threads", "created"})
public record Manifest(
        @JsonProperty("kind") String kind,
        @JsonProperty("version") String version,
        @JsonProperty("seed") long seed,
        @JsonProperty("scale") int scale,
        @JsonProperty("days") int days,
        @JsonProperty("start") String start,
        @JsonProperty("end") String end,
        @JsonProperty("scenario_file") String scenarioFile,
        @JsonProperty("sets") List<String> sets,
        @JsonProperty("params_sha256") String paramsSha256,
        @JsonProperty("wall_seconds") double wallSeconds,
        @JsonProperty("java_version") String javaVersion,
        @JsonProperty("threads") int threads,
        @JsonProperty("created") String created) {

    public Manifest {
        sets = sets == null ? List.of() : List.copyOf(sets);
    }

    /** Used when neither the caller nor the jar's manifest (Implementation-Version) names a version; keep = pom. */
    public static final String FALLBACK_VERSION = "0.1.0";

    /** The manifest of the run described by {@code what}, written at {@code created}. */
    public static Manifest of(RunOutputs what, Instant created) {
        Scenario s = what.scenario();
        return new Manifest(FolderKind.RUN.id(), version(what.version()), s.seed(), s.scale(), s.days(),
                String.valueOf(s.start()), String.valueOf(s.end()),
                what.scenarioFile() == null ? null : what.scenarioFile().toString(), what.sets(),
                sha256(what.resolvedYaml()), what.result().wallSeconds(), System.getProperty("java.version"),
                what.threads(), created.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** {@code given} if set, else the jar's Implementation-Version, else {@link #FALLBACK_VERSION}. */
    public static String version(String given) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        String fromJar = Manifest.class.getPackage().getImplementationVersion();
        return fromJar != null ? fromJar : FALLBACK_VERSION;
    }

    /** SHA-256 of the UTF-8 text, lower-case hex. */
    public static String sha256(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Writes this manifest as indented JSON. */
    public void write(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(file, json.writeValueAsString(this) + "\n", StandardCharsets.UTF_8);
    }
}
