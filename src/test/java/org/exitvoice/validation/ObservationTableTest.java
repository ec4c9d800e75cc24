package org.exitvoice.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.exitvoice.scenario.ScenarioException;
import org.exitvoice.scenario.ScenarioInput;
import org.exitvoice.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The observed-data file: what a row may hold, and that the shipped file maps completely onto the shipped model. */
class ObservationTableTest {
    @TempDir
    Path dir;

    static final String HEADER = "id,metric,region_or_country,date_start,date_end,value,unit,kind,source_title,"
            + "source_url,quote_or_note,use,use_note\n";

    private Path file(String... rows) throws Exception {
        Path f = dir.resolve("observed.csv");
        Files.writeString(f, HEADER + String.join("\n", rows) + "\n");
        return f;
    }

    @Test
    void valuesAreNumbersOrRangesAndAnythingElseIsNotANumber() {
        assertEquals(78742, Observation.parse("78742")[0]);
        assertEquals(5000, Observation.parse("5000-6000")[0]);
        assertEquals(6000, Observation.parse("5000-6000")[1]);
        assertNull(Observation.parse(">250000"));
        assertNull(Observation.parse("22000->70000"));
        assertNull(Observation.parse("sold out"));
    }

    @Test
    void readsARangeAsItsMidpoint() throws Exception {
        List<Observation> rows = ObservationTable.read(file(
                "obs-001,daily_arrivals_russians,Georgia,2022-09-25,2022-09-25,11200-11400,persons/day,rate,t,u,q,target,"));
        Observation o = rows.get(0);
        assertEquals(11300, o.value());
        assertTrue(o.range() && o.perDay());
        assertEquals(2, o.line());
    }

    @Test
    void refusesWhatValidationCouldNotUse() throws Exception {
        String good = "obs-001,m,Georgia,2022-09-25,2022-09-25,1,persons,count,t,u,q,target,";
        assertMessage(file(good, good), "observed.csv:3: obs-001: duplicate id (first on line 2)");
        assertMessage(file("obs-002,m,Georgia,2022-09-25,2022-09-25,sold out,persons,count,t,u,q,target,"),
                "obs-002: a target needs a number or a range");
        assertMessage(file("obs-003,m,Georgia,2022-09-25,2022-09-25,sold out,persons,count,t,u,q,context,"),
                "obs-003: a context row needs use_note");
        assertMessage(file("obs-004,m,Georgia,2022-09-25,2022-09-25,1,persons,count,t,u,q,goal,"),
                "use must be target, baseline or context");
        assertMessage(file("obs-005,m,Georgia,2022-09-26,2022-09-25,1,persons,count,t,u,q,target,"),
                "date_end 2022-09-25 is before date_start");
        assertMessage(file("5,m,Georgia,2022-09-26,2022-09-25,1,persons,count,t,u,q,target,"), "id must look like obs-001");
        assertMessage(file("obs-006,m,Georgia,2022-02-30,2022-09-25,1,persons,count,t,u,q,target,"),
                "observed.csv:2: obs-006: date_start: 2022-02-30: there is no 30 February 2022");
    }

    private static void assertMessage(Path f, String part) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ObservationTable.read(f));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    private static String describe(List<Observation> rows, String id) {
        Observation o = rows.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        return o.metric() + " " + o.place() + " " + o.value();
    }

    @Test
    void everyShippedTargetMapsOntoTheShippedModelAndIdsAreStable() throws Exception {
        List<Observation> rows = ObservationTable.read(ObservationTable.DEFAULT_FILE);
        ScenarioInput in = ScenarioLoader.load(Path.of("params/sep2022.yaml"), List.of(), ScenarioLoader.Overrides.NONE);
        List<Target> all = Targets.map("observed", rows, Targets.Selection.ALL_TARGETS, in.routes(),
                in.regions(), in.scenario().start(), in.scenario().end());
        assertEquals(rows.stream().filter(o -> o.use() == Observation.Use.TARGET).count(), all.size());
        // ids are given once and never change (docs, calibration files and fits cite them)
        assertEquals("entries_from_russia Georgia 78742.0", describe(rows, "obs-006"));
        assertEquals("entries_from_russia Kazakhstan 98000.0", describe(rows, "obs-040"));
        assertEquals("protest_detentions Russia (39 cities) 1369.0", describe(rows, "obs-150"));
        // the split of emigrants by destination is part of what is scored
        Set<String> destinations = all.stream().filter(Target::destination)
                .map(c -> c.observation().place()).collect(Collectors.toSet());
        assertTrue(destinations.containsAll(Set.of("Georgia", "Kazakhstan", "Finland")), destinations.toString());
        assertTrue(all.stream().anyMatch(Target::inSample) && all.stream().anyMatch(c -> !c.inSample()));
    }
}
