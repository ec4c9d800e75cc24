package org.exitvoice.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.exitvoice.scenario.ScenarioLoader.Overrides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Merging (defaults, extends, --set, flags), path resolution, tables and the YAML round trip. */
class ScenarioLoaderTest {
    @TempDir
    Path dir;

    private Path scenario(String name, String text) {
        ScenarioFiles.writeBase(dir);
        return ScenarioFiles.write(dir.resolve(name), text);
    }

    @Test
    void extendsMergesGroupsKeyByKeyAndReplacesListsWhole() throws Exception {
        Path file = scenario("child.yaml", """
                extends: base.yaml
                draft:
                  maxAge: 40
                events:
                  - {date: 2022-09-30, type: closeRoute, route: svo-ist}
                  - {date: 2022-10-01, type: exitBan}
                """);
        Scenario s = ScenarioLoader.load(file, List.of(), Overrides.NONE).scenario();
        assertEquals(40, s.draft().maxAge(), "child value");
        assertEquals(1000, s.draft().target(), "sibling key kept from base");
        assertEquals(50, s.draft().maxAgeOfficers(), "sibling key kept from defaults");
        assertEquals(List.of(
                new Event(LocalDate.of(2022, 9, 30), EventType.CLOSE_ROUTE, "svo-ist"),
                new Event(LocalDate.of(2022, 10, 1), EventType.EXIT_BAN, null)), s.events(), "list replaced, not appended");
    }

    @Test
    void grandchildWinsOverChildOverBase() throws Exception {
        scenario("child.yaml", "extends: base.yaml\ndraft:\n  target: 2000\n  maxAge: 40\n");
        Path file = ScenarioFiles.write(dir.resolve("grandchild.yaml"), "extends: child.yaml\ndraft:\n  target: 3000\n");
        Scenario s = ScenarioLoader.read(file, List.of(), Overrides.NONE);
        assertEquals(3000, s.draft().target());
        assertEquals(40, s.draft().maxAge());
    }

    @Test
    void dataPathsResolveAgainstTheFileThatNamesThem() throws Exception {
        ScenarioFiles.writeBase(dir);
        Path file = ScenarioFiles.write(dir.resolve("deeper/x/child.yaml"), "extends: ../../base.yaml\nseed: 3\n");
        ScenarioInput in = ScenarioLoader.load(file, List.of(), Overrides.NONE);
        assertEquals(dir.resolve("data/regions.csv").toAbsolutePath().normalize().toString(), in.scenario().data().regions());
        assertEquals(2, in.regions().size());
        assertEquals(2, in.routes().size());
        assertEquals(file, in.file(), "the file as given");
    }

    @Test
    void setBeatsTheFileAndFlagsBeatSet() throws Exception {
        Path file = scenario("child.yaml", "extends: base.yaml\nseed: 7\ndays: 30\n");
        Scenario s = ScenarioLoader.read(file,
                List.of("draft.target=1234", "seed=8", "exitList.from=2022-09-25", "enforcement.intensity=0.25"),
                new Overrides(9L, null, 20));
        assertEquals(1234, s.draft().target());
        assertEquals(LocalDate.of(2022, 9, 25), s.exitList().from());
        assertEquals(0.25, s.enforcement().intensity());
        assertEquals(9L, s.seed(), "--seed beats --set seed");
        assertEquals(20, s.days(), "--days beats the file");
        assertEquals(100, s.scale(), "default");
        assertEquals(8L, ScenarioLoader.read(file, List.of("seed=8"), Overrides.NONE).seed(), "--set seed beats the file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"exitList.from=null", "exitList.from=", "exitList.from=~"})
    void setClearsANullableKey(String set) throws Exception {
        Path file = scenario("child.yaml", "extends: base.yaml\nexitList:\n  from: 2022-09-24\n");
        assertEquals(LocalDate.of(2022, 9, 24), ScenarioLoader.read(file, List.of(), Overrides.NONE).exitList().from());
        assertNull(ScenarioLoader.read(file, List.of(set), Overrides.NONE).exitList().from());
    }

    @Test
    void setAddressesAnEventByIndexAndCanClearTheList() throws Exception {
        Path file = scenario("child.yaml", "extends: base.yaml\n");
        Scenario moved = ScenarioLoader.load(file, List.of("events[0].route=svo-ist"), Overrides.NONE).scenario();
        assertEquals("svo-ist", moved.events().get(0).route());
        assertEquals(List.of(), ScenarioLoader.read(file, List.of("events="), Overrides.NONE).events());
    }

    @Test
    void setErrorsNameTheKey() {
        Path file = scenario("child.yaml", "extends: base.yaml\n");
        assertEquals("--set draft.trget: unknown key 'trget' (did you mean 'target'?)",
                assertThrows(ScenarioException.class, () -> ScenarioLoader.read(file, List.of("draft.trget=5"), Overrides.NONE)).getMessage());
        assertEquals("--set draft.misclassification: must be in [0, 1], got 1.5",
                assertThrows(ScenarioException.class, () -> ScenarioLoader.read(file, List.of("draft.misclassification=1.5"), Overrides.NONE)).getMessage());
        assertEquals("--set draft.target: needs a value",
                assertThrows(ScenarioException.class, () -> ScenarioLoader.read(file, List.of("draft.target="), Overrides.NONE)).getMessage());
        assertEquals("--set draft: expected key.path=value",
                assertThrows(ScenarioException.class, () -> ScenarioLoader.read(file, List.of("draft"), Overrides.NONE)).getMessage());
        assertTrue(assertThrows(ScenarioException.class, () -> ScenarioLoader.read(file, List.of("draft=5"), Overrides.NONE))
                .getMessage().startsWith("--set draft: 'draft' is a group of keys"));
    }

    @Test
    void anEventOutsideTheRunItsOwnFileDescribesIsAnErrorSayingWhatTheRunCovers() {
        Path typo = scenario("typo.yaml", "extends: base.yaml\nevents:\n  - {date: 2022-09-27, type: exitBan}\n"
                + "  - {date: 2023-09-28, type: liftExitBan}\n");
        assertEquals(typo + ":4: events[1].date: 2023-09-28 is after the run's last day: the run covers 2022-09-21..2022-11-19",
                assertThrows(ScenarioException.class, () -> ScenarioLoader.load(typo, List.of(), Overrides.NONE)).getMessage());
        Path shortRun = scenario("short.yaml", "extends: base.yaml\ndays: 5\nevents:\n  - {date: 2022-09-27, type: exitBan}\n");
        assertEquals(shortRun + ":4: events[0].date: 2022-09-27 is after the run's last day: the run covers 2022-09-21..2022-09-25",
                assertThrows(ScenarioException.class, () -> ScenarioLoader.load(shortRun, List.of(), Overrides.NONE)).getMessage(),
                "the file's own days exclude its own event");
        Path file = scenario("child.yaml", "extends: base.yaml\n");
        assertEquals("--set events[0].date: 2023-09-28 is after the run's last day: the run covers 2022-09-21..2022-11-19",
                assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, List.of("events[0].date=2023-09-28"),
                        Overrides.NONE)).getMessage());
        assertEquals(dir.resolve("base.yaml") + ":8: events[0].date: 2022-09-27 is before the run's first day: the run covers"
                        + " 2022-09-28..2022-11-26",
                assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, List.of("start=2022-09-28"),
                        Overrides.NONE)).getMessage(), "an event before the start is never cut off: it would not be in force");
    }

    @Test
    void anEventOnlyAShortenedRunMissesIsAWarningNamingWhatShortenedIt() throws Exception {
        Path file = scenario("child.yaml", "extends: base.yaml\n");
        String event = dir.resolve("base.yaml") + ":8: warning: events[0].date: 2022-09-27 is outside this run, which covers ";
        assertEquals(List.of(), ScenarioLoader.load(file, List.of(), Overrides.NONE).warnings(), "the whole run reaches it");
        assertEquals(List.of(event + "2022-09-21..2022-09-25 (days from --days); the event does not happen"),
                ScenarioLoader.load(file, List.of(), new Overrides(null, null, 5)).warnings());
        assertEquals(List.of(event + "2022-09-21..2022-09-25 (days from --set days); the event does not happen"),
                ScenarioLoader.load(file, List.of("days=5"), Overrides.NONE).warnings());
        Path quick = ScenarioFiles.write(dir.resolve("quick.yaml"), "extends: base.yaml\ndays: 5\n");
        assertEquals(List.of(event + "2022-09-21..2022-09-25 (days from " + quick + ":2); the event does not happen"),
                ScenarioLoader.load(quick, List.of(), Overrides.NONE).warnings(), "a file extending it shortened the run");
    }

    @Test
    void aDateWithNoSuchDaySaysSo() {
        Path file = scenario("leap.yaml", "extends: base.yaml\nevents:\n  - {date: 2022-02-30, type: exitBan}\n");
        assertEquals(file + ":3: events[0].date: 2022-02-30: there is no 30 February 2022",
                assertThrows(ScenarioException.class, () -> ScenarioLoader.read(file, List.of(), Overrides.NONE)).getMessage());
        assertEquals("--set exitList.from: 2022-09-31: there is no 31 September 2022",
                assertThrows(ScenarioException.class, () -> ScenarioLoader.read(scenario("ok.yaml", "extends: base.yaml\n"),
                        List.of("exitList.from=2022-09-31"), Overrides.NONE)).getMessage());
        assertEquals("--set start: expected a date like 2022-09-21, got 'soon'",
                assertThrows(ScenarioException.class, () -> ScenarioLoader.read(scenario("ok.yaml", "extends: base.yaml\n"),
                        List.of("start=soon"), Overrides.NONE)).getMessage(), "not a date at all: the usual message");
    }

    @Test
    void flagOutOfRangeNamesTheFlag() {
        Path file = scenario("child.yaml", "extends: base.yaml\n");
        assertEquals("--days: must be in [1, 3650], got 5000",
                assertThrows(ScenarioException.class, () -> ScenarioLoader.read(file, List.of(), new Overrides(null, null, 5000))).getMessage());
    }

    @Test
    void anErrorInAnExtendedFilePointsAtThatFile() {
        ScenarioFiles.writeBase(dir);
        ScenarioFiles.write(dir.resolve("mid.yaml"), "extends: base.yaml\n\nprotest:\n  menShare: 0\n");
        Path file = ScenarioFiles.write(dir.resolve("top.yaml"), "extends: mid.yaml\nseed: 2\n");
        String message = assertThrows(ScenarioException.class, () -> ScenarioLoader.read(file, List.of(), Overrides.NONE)).getMessage();
        assertEquals(dir.resolve("mid.yaml") + ":4: protest.menShare: must be in [0.01, 1], got 0", message);
    }

    @Test
    void aChildOverridingABadValueFixesIt() throws Exception {
        ScenarioFiles.writeBase(dir);
        ScenarioFiles.write(dir.resolve("mid.yaml"), "extends: base.yaml\nprotest:\n  menShare: 0\n");
        Path file = ScenarioFiles.write(dir.resolve("top.yaml"), "extends: mid.yaml\nprotest:\n  menShare: 0.4\n");
        assertEquals(0.4, ScenarioLoader.read(file, List.of(), Overrides.NONE).protest().menShare());
    }

    @Test
    void relativePathsAreShownAsTyped() {
        Path file = scenario("typo.yaml", "extends: base.yaml\ndraft:\n  target: many\n");
        Path typed = Path.of("").toAbsolutePath().relativize(file.toAbsolutePath());
        String message = assertThrows(ScenarioException.class, () -> ScenarioLoader.read(typed, List.of(), Overrides.NONE)).getMessage();
        assertEquals(typed + ":3: draft.target: expected an integer, got 'many'", message);
    }

    @Test
    void toYamlRoundTrips() throws Exception {
        Path file = scenario("child.yaml", """
                extends: base.yaml
                days: 45
                exitList:
                  from: null
                incidents:
                  baseRate: 0.000125
                events:
                  - {date: 2022-09-30, type: closeRoute, route: upper-lars}
                  - {date: 2022-10-02, type: endDraft}
                """);
        Scenario s = ScenarioLoader.load(file, List.of(), Overrides.NONE).scenario();
        String yaml = ScenarioLoader.toYaml(s);
        assertTrue(yaml.contains("start: 2022-09-21") || yaml.contains("start: \"2022-09-21\""), yaml);
        assertTrue(yaml.contains("from: null"), yaml);
        Path again = ScenarioFiles.write(dir.resolve("out/scenario.yaml"), yaml);
        assertEquals(s, ScenarioLoader.load(again, List.of(), Overrides.NONE).scenario());

        Scenario listed = ScenarioLoader.read(file, List.of("exitList.from=2022-09-24"), Overrides.NONE);
        Path listedAgain = ScenarioFiles.write(dir.resolve("out/listed.yaml"), ScenarioLoader.toYaml(listed));
        assertEquals(listed, ScenarioLoader.read(listedAgain, List.of(), Overrides.NONE));
    }

    @Test
    void defaultsNameEveryKey() {
        for (ParameterTable.Row row : ParameterTable.rows()) {
            assertTrue(!ScenarioLoader.defaultsTree().at("/" + row.key().replace('.', '/')).isMissingNode(),
                    "defaults.yaml lacks " + row.key());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"params/sep2022.yaml", "params/no-exit-lists.yaml", "params/border-closed.yaml"})
    void shippedScenariosLoad(String file) throws Exception {
        ScenarioInput in = ScenarioLoader.load(Path.of(file), List.of(), Overrides.NONE);
        assertTrue(in.regions().size() > 80, "regions of " + file);
        assertTrue(!in.routes().isEmpty(), "routes of " + file);
    }

    @Test
    void shippedCounterfactualsDifferAsDocumented() throws Exception {
        Scenario sep = ScenarioLoader.read(Path.of("params/sep2022.yaml"), List.of(), Overrides.NONE);
        Scenario noLists = ScenarioLoader.read(Path.of("params/no-exit-lists.yaml"), List.of(), Overrides.NONE);
        Scenario closed = ScenarioLoader.read(Path.of("params/border-closed.yaml"), List.of(), Overrides.NONE);
        assertTrue(sep.exitList().from() != null);
        assertNull(noLists.exitList().from());
        assertTrue(closed.events().contains(new Event(sep.start(), EventType.EXIT_BAN, null)), "exitBan from the start");
    }
}
