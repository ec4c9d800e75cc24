package org.exitvoice.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.exitvoice.scenario.DataFiles;
import org.exitvoice.scenario.Scenario;
import org.exitvoice.scenario.ScenarioLoader;

/**
 * What a sweep's results depend on, as one SHA-256: the effective experiment (command-line overrides included), the
 * resolved base scenario and the bytes of its data tables. A folder is only resumed by the same fingerprint.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    /** The hex SHA-256 of the experiment, its resolved scenario and its data files. */
    public static String of(Experiment x) throws IOException {
        MessageDigest sha = sha256();
        Scenario s = x.base().scenario();
        update(sha, "experiment\n" + x.yaml());
        // the tables by content, not by where the project happens to be cloned
        Path regions = Path.of(s.data().regions());
        Path routes = Path.of(s.data().routes());
        Scenario named = s.withData(new DataFiles(regions.getFileName().toString(), routes.getFileName().toString()));
        update(sha, "scenario\n" + ScenarioLoader.toYaml(named));
        update(sha, "regions\n");
        sha.update(Files.readAllBytes(regions));
        update(sha, "routes\n");
        sha.update(Files.readAllBytes(routes));
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * Each data table's SHA-256 ({@code regions}, {@code routes}), kept in sweep.json so that a refused resume can say
     * which table changed, not only that the fingerprint did.
     */
    public static Map<String, String> tables(Experiment x) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("regions", hex(Files.readAllBytes(Path.of(x.base().scenario().data().regions()))));
        out.put("routes", hex(Files.readAllBytes(Path.of(x.base().scenario().data().routes()))));
        return out;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
