package org.exitvoice.scenario;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/ODD.md carries the parameter table generated from the scenario records; this fails when it is stale. */
class OddParameterTableTest {
    static final String BEGIN = "<!-- BEGIN PARAMETERS (generated: ./exitvoice params --markdown) -->";
    static final String END = "<!-- END PARAMETERS -->";

    @Test
    void theOddParameterTableMatchesTheScenarioRecords() throws IOException {
        String odd = Files.readString(Path.of("docs/ODD.md"));
        int from = odd.indexOf(BEGIN), to = odd.indexOf(END);
        assertTrue(from >= 0 && to > from, "docs/ODD.md lacks the parameter table markers");
        String committed = odd.substring(from + BEGIN.length(), to).strip();
        assertEquals(ParameterTable.markdown().strip(), committed,
                "docs/ODD.md's parameter table is out of date: paste the output of ./exitvoice params --markdown between its markers");
    }

    @Test
    void everyParameterHasAMeaning() {
        ParameterTable.rows().forEach(r -> assertTrue(r.param() != null && !r.param().doc().isBlank(), r.key()));
    }
}
