package org.exitvoice.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.exitvoice.scenario.ScenarioLoader.Overrides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Range and consistency checks, and the one-key check GUI levers reuse. */
class ScenarioValidatorTest {
    @TempDir
    Path dir;

    private Scenario valid() throws ScenarioException {
        ScenarioFiles.writeBase(dir);
        return ScenarioLoader.read(dir.resolve("base.yaml"), List.of(), Overrides.NONE);
    }

    private static final List<RouteData> ROUTES = List.of(new RouteData("upper-lars", "Upper Lars", RouteData.Mode.LAND,
            "RU-SE", 42.7, 44.6, "Georgia", 10_500, RouteData.Documents.INTERNAL, 5000));

    @Test
    void leverInRangePasses() {
        assertDoesNotThrow(() -> ScenarioValidator.checkLever("draft.misclassification", 0.3));
        assertDoesNotThrow(() -> ScenarioValidator.checkLever("draft.maxAge", 59));
    }

    @Test
    void leverOutOfRangeNamesKeyAndRange() {
        assertEquals("draft.misclassification: must be in [0, 1], got 1.5",
                assertThrows(ScenarioException.class, () -> ScenarioValidator.checkLever("draft.misclassification", 1.5)).getMessage());
        assertEquals("draft.maxAge: must be in [18, 59], got 60",
                assertThrows(ScenarioException.class, () -> ScenarioValidator.checkLever("draft.maxAge", 60)).getMessage());
        assertEquals("draft.target: must be a whole number, got 2.5",
                assertThrows(ScenarioException.class, () -> ScenarioValidator.checkLever("draft.target", 2.5)).getMessage());
        assertEquals("enforcement.intensity: must be a finite number, got NaN",
                assertThrows(ScenarioException.class, () -> ScenarioValidator.checkLever("enforcement.intensity", Double.NaN)).getMessage());
    }

    @Test
    void leverMustBeANumericKey() {
        assertEquals("draft.misclasification: unknown key (did you mean 'draft.misclassification'?)",
                assertThrows(ScenarioException.class, () -> ScenarioValidator.checkLever("draft.misclasification", 0.1)).getMessage());
        assertEquals("exitList.from: not a number (date)",
                assertThrows(ScenarioException.class, () -> ScenarioValidator.checkLever("exitList.from", 1)).getMessage());
    }

    @Test
    void eventsNeedKnownRoutesOnlyWhenTheirTypeTakesOne() throws Exception {
        Scenario s = valid();
        assertDoesNotThrow(() -> ScenarioValidator.validate(s, ROUTES, key -> "x.yaml"));
        Scenario typo = withEvents(s, new Event(s.start(), EventType.CLOSE_ROUTE, "uper-lars"));
        assertEquals("x.yaml: events[0].route: unknown route 'uper-lars' (did you mean 'upper-lars'?)",
                assertThrows(ScenarioException.class, () -> ScenarioValidator.validate(typo, ROUTES, key -> "x.yaml")).getMessage());
        Scenario none = withEvents(s, new Event(s.start(), EventType.MOBILIZATION_POINT, null));
        assertEquals("x.yaml: events[0]: mobilizationPoint needs a route",
                assertThrows(ScenarioException.class, () -> ScenarioValidator.validate(none, ROUTES, key -> "x.yaml")).getMessage());
        Scenario extra = withEvents(s, new Event(s.start(), EventType.END_DRAFT, "upper-lars"));
        assertEquals("x.yaml: events[0].route: endDraft takes no route",
                assertThrows(ScenarioException.class, () -> ScenarioValidator.validate(extra, ROUTES, key -> "x.yaml")).getMessage());
        Scenario early = withEvents(s, new Event(s.start().minusDays(1), EventType.EXIT_BAN, null));
        assertEquals("x.yaml: events[0].date: 2022-09-20 is before the run's first day: the run covers 2022-09-21..2022-11-19",
                assertThrows(ScenarioException.class, () -> ScenarioValidator.validate(early, ROUTES, key -> "x.yaml")).getMessage());
    }

    @Test
    void clarificationsAndRumoursNeedAValueBelowOneAndOtherEventsTakeNone() throws Exception {
        Scenario s = valid();
        Scenario good = withEvents(s, new Event(s.start(), EventType.EXIT_RUMOUR, null, 0.3));
        assertDoesNotThrow(() -> ScenarioValidator.validate(good, ROUTES, key -> "x.yaml"));
        Scenario none = withEvents(s, new Event(s.start(), EventType.CLARIFICATION, null, null));
        assertEquals("x.yaml: events[0]: clarification needs a value in [0, 1)",
                assertThrows(ScenarioException.class, () -> ScenarioValidator.validate(none, ROUTES, key -> "x.yaml")).getMessage());
        Scenario certain = withEvents(s, new Event(s.start(), EventType.EXIT_RUMOUR, null, 1.0));
        assertEquals("x.yaml: events[0].value: must be in [0, 1), got 1.0",
                assertThrows(ScenarioException.class, () -> ScenarioValidator.validate(certain, ROUTES, key -> "x.yaml")).getMessage());
        Scenario extra = withEvents(s, new Event(s.start(), EventType.PROTEST_CALL, null, 0.5));
        assertEquals("x.yaml: events[0].value: protestCall takes no value",
                assertThrows(ScenarioException.class, () -> ScenarioValidator.validate(extra, ROUTES, key -> "x.yaml")).getMessage());
    }

    @Test
    void aRouteCapacityNeedsARouteAndAMultiplierAboveZeroWhichMayExceedOne() throws Exception {
        Scenario s = valid();
        Scenario doubled = withEvents(s, new Event(s.start(), EventType.ROUTE_CAPACITY, "upper-lars", 2.0));
        assertDoesNotThrow(() -> ScenarioValidator.validate(doubled, ROUTES, key -> "x.yaml"));
        Scenario none = withEvents(s, new Event(s.start(), EventType.ROUTE_CAPACITY, "upper-lars", null));
        assertEquals("x.yaml: events[0]: routeCapacity needs a value in (0, 100]",
                assertThrows(ScenarioException.class, () -> ScenarioValidator.validate(none, ROUTES, key -> "x.yaml")).getMessage());
        Scenario zero = withEvents(s, new Event(s.start(), EventType.ROUTE_CAPACITY, "upper-lars", 0.0));
        assertEquals("x.yaml: events[0].value: must be in (0, 100], got 0.0",
                assertThrows(ScenarioException.class, () -> ScenarioValidator.validate(zero, ROUTES, key -> "x.yaml")).getMessage(),
                "closeRoute, not a capacity of 0, closes a route");
        Scenario noRoute = withEvents(s, new Event(s.start(), EventType.ROUTE_CAPACITY, null, 1.3));
        assertEquals("x.yaml: events[0]: routeCapacity needs a route",
                assertThrows(ScenarioException.class, () -> ScenarioValidator.validate(noRoute, ROUTES, key -> "x.yaml")).getMessage());
    }

    @Test
    void residentsOnlyNeedsAKnownRouteAndTakesNoValue() throws Exception {
        Scenario s = valid();
        Scenario good = withEvents(s, new Event(s.start(), EventType.RESIDENTS_ONLY, "upper-lars"));
        assertDoesNotThrow(() -> ScenarioValidator.validate(good, ROUTES, key -> "x.yaml"));
        Scenario typo = withEvents(s, new Event(s.start(), EventType.RESIDENTS_ONLY, "upper-lar"));
        assertEquals("x.yaml: events[0].route: unknown route 'upper-lar' (did you mean 'upper-lars'?)",
                assertThrows(ScenarioException.class, () -> ScenarioValidator.validate(typo, ROUTES, key -> "x.yaml")).getMessage());
        Scenario valued = withEvents(s, new Event(s.start(), EventType.RESIDENTS_ONLY, "upper-lars", 0.5));
        assertEquals("x.yaml: events[0].value: residentsOnly takes no value",
                assertThrows(ScenarioException.class, () -> ScenarioValidator.validate(valued, ROUTES, key -> "x.yaml")).getMessage());
    }

    @Test
    void anEventAfterTheLastDayOfAScenarioCheckedWithoutItsFilesIsLetBe() throws Exception {
        // only the loader knows which file dated an event and how long that file's run was (ScenarioLoaderTest)
        Scenario s = valid();
        Scenario late = withEvents(s, new Event(s.end().plusDays(1), EventType.EXIT_BAN, null));
        assertDoesNotThrow(() -> ScenarioValidator.validate(late, ROUTES, key -> "x.yaml"));
    }

    @Test
    void sharesOfMenMustNotExceedOne() throws Exception {
        ScenarioFiles.writeBase(dir);
        Path file = ScenarioFiles.write(dir.resolve("shares.yaml"), "extends: base.yaml\npopulation:\n  exemptShare: 0.6\n");
        assertEquals(file + ":3: population.exemptShare: formerConscriptShare + formerContractShare + exemptShare must be <= 1, got 1.16",
                assertThrows(ScenarioException.class, () -> ScenarioLoader.read(file, List.of(), Overrides.NONE)).getMessage());
    }

    @Test
    void exitListsCannotStartBeforeTheScenario() throws Exception {
        Scenario s = valid();
        Scenario early = new Scenario(s.start(), s.days(), s.seed(), s.scale(), s.data(), s.population(), s.draft(),
                s.perception(), s.enforcement(), new ExitList(LocalDate.of(2022, 9, 1), 3, 0.5), s.hiding(), s.protest(),
                s.emigration(), s.incidents(), s.prices(), s.events());
        assertEquals("--set exitList.from: 2022-09-01 is before start 2022-09-21",
                assertThrows(ScenarioException.class, () -> ScenarioValidator.validate(early, null, key -> "--set " + key)).getMessage());
    }

    @Test
    void missingValuesOfARecordBuiltInCodeAreReported() throws Exception {
        Scenario s = valid();
        Scenario noData = new Scenario(s.start(), s.days(), s.seed(), s.scale(), new DataFiles(null, "r.csv"), s.population(),
                s.draft(), s.perception(), s.enforcement(), s.exitList(), s.hiding(), s.protest(), s.emigration(),
                s.incidents(), s.prices(), s.events());
        assertEquals("scenario: missing key 'data.regions'",
                assertThrows(ScenarioException.class, () -> ScenarioValidator.validate(noData, null)).getMessage());
    }

    private static Scenario withEvents(Scenario s, Event... events) {
        return new Scenario(s.start(), s.days(), s.seed(), s.scale(), s.data(), s.population(), s.draft(), s.perception(),
                s.enforcement(), s.exitList(), s.hiding(), s.protest(), s.emigration(), s.incidents(), s.prices(),
                List.of(events));
    }
}
