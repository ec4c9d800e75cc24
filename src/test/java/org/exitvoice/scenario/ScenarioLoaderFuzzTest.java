package org.exitvoice.scenario;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Any bytes a user could put in a scenario file give either a scenario or one clean error (ScenarioException with a
 * location), never another exception. In mvn verify this replays the inputs under
 * src/test/resources/org/exitvoice/scenario/ScenarioLoaderFuzzTestInputs/; mvn -Pfuzz test fuzzes for real.
 */
class ScenarioLoaderFuzzTest {
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("exitvoice-fuzz");
            // a base to extend, so that fuzzed files reach deep into the loader (events, data tables, ranges)
            Files.writeString(DIR.resolve("base.yaml"), "extends: " + Path.of("params/sep2022.yaml").toAbsolutePath() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void theLoaderGivesAScenarioOrOneCleanError(FuzzedDataProvider data) throws IOException {
        boolean extend = data.consumeBoolean();
        byte[] bytes = data.consumeRemainingAsBytes();
        Path file = DIR.resolve("fuzzed.yaml");
        if (extend) {
            byte[] head = "extends: base.yaml\n".getBytes();
            byte[] all = new byte[head.length + bytes.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(bytes, 0, all, head.length, bytes.length);
            bytes = all;
        }
        Files.write(file, bytes);
        try {
            ScenarioLoader.load(file, List.of(), ScenarioLoader.Overrides.NONE);
        } catch (ScenarioException e) {
            String message = e.getMessage();
            if (message == null || message.isBlank() || message.contains("\n") || e.location() == null) {
                throw new AssertionError("not a one-line error with a location: " + message, e);
            }
        }
    }
}
