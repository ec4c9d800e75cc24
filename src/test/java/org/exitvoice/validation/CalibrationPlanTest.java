package org.exitvoice.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.exitvoice.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Calibration files: every mistake one line naming the file and the line to fix, as in scenario files. */
class CalibrationPlanTest {
    @TempDir
    Path dir;

    /** Line 1 is a comment, line 2 names the scenario, the body starts on line 3. */
    private Path plan(String body) throws Exception {
        Path f = dir.resolve("cal2.yaml");
        Files.writeString(f, "# a calibration file\nscenario: " + Path.of("params/sep2022.yaml").toAbsolutePath() + "\n"
                + body.replace("\\n", "\n") + "\n");
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a missing key (at the start of the mapping that lacks it) | 2 | observations: in-sample\\nbudget: 4\\nparameters:\\n  emigration.attachment: {min: 1, max: 6} | replications: missing
            a misspelt key        | 5 | observations: in-sample\\nbudget: 4\\nreplicatons: 2                                       | unknown key 'replicatons' (did you mean 'replications'?)
            a budget not a number | 4 | observations: in-sample\\nbudget: many\\nreplications: 2                                   | budget: expected a whole number >= 2, got 'many'
            an unknown objective  | 4 | observations: in-sample\\nobjective: lsq\\nbudget: 4\\nreplications: 2                    | objective: expected ard or log, got 'lsq'
            a sourced parameter   | 7 | observations: in-sample\\nbudget: 4\\nreplications: 2\\nparameters:\\n  protest.legitimacy: {min: 0.5, max: 1} | parameters: protest.legitimacy: not free
            a bound missing       | 7 | observations: in-sample\\nbudget: 4\\nreplications: 2\\nparameters:\\n  emigration.attachment: {min: 1} | parameters: emigration.attachment: max must be a number
            min above max         | 9 | observations: in-sample\\nbudget: 4\\nreplications: 2\\nparameters:\\n  emigration.attachment:\\n    min: 4\\n    max: 2 | parameters: emigration.attachment: min must be below max
            an unknown observation | 5 | observations:\\n  - obs-052\\n  - obs-99999\\nbudget: 4\\nreplications: 2\\nparameters:\\n  emigration.attachment: {min: 1, max: 6} | observations: no observation obs-99999 in
            """)
    void aBrokenCalibrationFileNamesTheLineToFix(String what, int line, String body, String message) throws Exception {
        Path f = plan(body);
        String error = assertThrows(ScenarioException.class, () -> CalibrationPlan.read(f), what).getMessage();
        assertTrue(error.startsWith(f + ":" + line + ": " + message), what + ": " + error);
    }

    @Test
    void theShippedFilesRead() throws Exception {
        assertEquals(6, CalibrationPlan.read(Path.of("params/calibration/sep2022.yaml")).parameters().size());
        assertEquals(1, CalibrationPlan.read(Path.of("params/calibration/sep2022-incidents.yaml")).parameters().size());
    }
}
