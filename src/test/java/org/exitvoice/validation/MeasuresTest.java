package org.exitvoice.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.exitvoice.model.DayReport;
import org.exitvoice.model.RegionDay;
import org.exitvoice.model.RouteDay;
import org.exitvoice.model.RunResult;
import org.exitvoice.model.Tally;
import org.exitvoice.scenario.RegionData;
import org.exitvoice.scenario.RouteData;
import org.exitvoice.scenario.ScenarioException;
import org.junit.jupiter.api.Test;

/** Each observation-to-model mapping on a three-day hand-made run, against answers worked out by hand. */
class MeasuresTest {

    static final LocalDate D0 = LocalDate.of(2022, 9, 21);

    static final List<RegionData> REGIONS = List.of(
            new RegionData("RU-MOW", "Moscow", "Central", "Moscow", 55.75, 37.62, 13_000_000, 1.0, 0.3, 1.8, 0.1, List.of()),
            new RegionData("RU-DA", "Republic of Dagestan", "North Caucasian", "Makhachkala", 42.98, 47.5, 3_100_000,
                    0.45, 0.3, 0.7, 0.95, List.of()));

    static final List<RouteData> ROUTES = List.of(
            new RouteData("upper-lars", "Upper Lars - Kazbegi", RouteData.Mode.LAND, "RU-DA", 42.74, 44.63, "Georgia",
                    10_500, RouteData.Documents.INTERNATIONAL, 3_000),
            new RouteData("ozinki", "Ozinki - Taskala", RouteData.Mode.LAND, "RU-MOW", 51.18, 49.75, "Kazakhstan", 5_200,
                    RouteData.Documents.INTERNAL, 2_000),
            new RouteData("mow-ist", "Moscow - Istanbul", RouteData.Mode.AIR, "RU-MOW", 55.97, 37.41, "Turkey", 7_750,
                    RouteData.Documents.INTERNATIONAL, 22_000));

    /** A tally with only the fields the measures read. */
    static Tally tally(long mobilized, long protesters, long arrests, long incidents) {
        return new Tally(0, 0, 0, 0, mobilized, 0, 0, 0, 0, 0, protesters, arrests, incidents, 0, 0, 0);
    }

    /**
     * Day 0..2 (21-23 Sep). Crossed: upper-lars 100, 200, 400; ozinki 1000, 1000, 1000. Waits at upper-lars 5, NaN
     * (closed), 30 h. Price index of mow-ist 1, 3, 2. Moscow: arrests 10, 20, 0; protesters 50, 80, 20; Dagestan:
     * arrests 1, 2, 3; protesters 5, 9, 7. National incidents 0, 2, 1; mobilized 100, 300, 600.
     */
    static RunResult run() {
        long[][] crossed = {{100, 1000, 0}, {200, 1000, 0}, {400, 1000, 0}};
        double[] wait = {5, Double.NaN, 30};
        double[] price = {1, 3, 2};
        long[][] moscow = {{10, 50}, {20, 80}, {0, 20}};
        long[][] dagestan = {{1, 5}, {2, 9}, {3, 7}};
        long[] incidents = {0, 2, 1};
        long[] mobilized = {100, 300, 600};
        List<DayReport> days = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            Tally mow = tally(mobilized[d] / 2, moscow[d][1], moscow[d][0], 0);
            Tally da = tally(mobilized[d] / 2, dagestan[d][1], dagestan[d][0], incidents[d]);
            List<RouteDay> routes = List.of(
                    new RouteDay("upper-lars", "Georgia", "land", 10_500, 0, wait[d], crossed[d][0], 0, 1),
                    new RouteDay("ozinki", "Kazakhstan", "land", 5_200, 0, 0, crossed[d][1], 0, 1),
                    new RouteDay("mow-ist", "Turkey", "air", 7_750, 0, 0, crossed[d][2], 0, price[d]));
            days.add(new DayReport(d, D0.plusDays(d), mow.plus(da), crossed[d][0] + crossed[d][1],
                    List.of(new RegionDay("RU-MOW", 1000, mow), new RegionDay("RU-DA", 1000, da)), routes));
        }
        return new RunResult(days, 600, 0);
    }

    static Observation row(String id, String metric, String place, String from, String to, String value, String unit,
                           String kind, Observation.Use use) {
        double[] v = Observation.parse(value);
        return new Observation(id, metric, place, LocalDate.parse(from), LocalDate.parse(to), value,
                v == null ? Double.NaN : (v[0] + v[1]) / 2, v == null ? Double.NaN : v[0], v == null ? Double.NaN : v[1],
                unit, kind, use, "test", 1);
    }

    /** The usual traffic the tests' crossings into Georgia add: obs-004 is Georgia's baseline row. */
    static final Observation GEORGIA_USUAL = row("obs-004", "daily_arrivals_russians_pre_mobilization", "Georgia",
            "2022-09-16", "2022-09-20", "40-60", "persons/day", "rate", Observation.Use.BASELINE);
    /** Kazakhstan's baseline row: 910 trips over the 91 days of Apr-Jun, 10 a day. */
    static final Observation KAZAKHSTAN_USUAL = row("obs-094", "border_exits_trips_Q2", "Kazakhstan", "2022-04-01",
            "2022-06-30", "910", "trips", "count", Observation.Use.BASELINE);

    static double simulate(Observation target) throws ScenarioException {
        List<Target> c = Targets.map("test.csv", List.of(GEORGIA_USUAL, KAZAKHSTAN_USUAL, target),
                Targets.Selection.ALL_TARGETS, ROUTES, REGIONS, D0, D0.plusDays(2));
        assertEquals(1, c.size());
        return c.get(0).simulate(run());
    }

    static Observation target(String metric, String place, String from, String to, String value, String unit, String kind) {
        return row("obs-900", metric, place, from, to, value, unit, kind, Observation.Use.TARGET);
    }

    @Test
    void grossEntriesAreCrossingsOverTheDatesPlusTheUsualTrafficOnEveryDate() throws ScenarioException {
        // 19-22 Sep: model crossings on 21 and 22 Sep (100 + 200), usual 50 a day on all four days
        assertEquals(300 + 50 * 4, simulate(target("entries_from_russia", "Georgia", "2022-09-19", "2022-09-22", "9",
                "persons", "count")), 1e-9);
        // a baseline given as a count over a quarter: 910 / 91 = 10 a day, three days
        assertEquals(3000 + 10 * 3, simulate(target("entries_from_russia", "Kazakhstan", "2022-09-21", "2022-09-23",
                "9", "persons", "count")), 1e-9);
    }

    @Test
    void aDailyRateIsTheMeanDailyCrossingPlusTheUsualRate() throws ScenarioException {
        assertEquals(400 + 50, simulate(target("daily_arrivals_russians", "Georgia", "2022-09-23", "2022-09-23", "9",
                "persons/day", "rate")), 1e-9);
        // over two days: (200 + 400) / 2 + 50
        assertEquals(350, simulate(target("daily_arrivals_russians", "Georgia", "2022-09-22", "2022-09-23", "9",
                "persons/day", "rate")), 1e-9);
    }

    @Test
    void severalCountriesAddTheirCrossingsAndTheirBaselines() throws ScenarioException {
        // 21-22 Sep: Georgia 300 + Kazakhstan 2000 + usual (50 + 10) x 2
        assertEquals(2300 + 120, simulate(target("exits_to_GE_KZ_FI_first_week", "Georgia+Kazakhstan", "2022-09-21",
                "2022-09-22", "9", "persons", "count")), 1e-9);
    }

    @Test
    void detentionsAreArrestsSummedNationallyOrInTheRegion() throws ScenarioException {
        assertEquals(10 + 20 + 1 + 2, simulate(target("protest_detentions", "Russia (38 cities)", "2022-09-21",
                "2022-09-22", "9", "persons", "count")), 1e-9);
        assertEquals(30, simulate(target("protest_detentions", "Moscow", "2022-09-21", "2022-09-23", "9", "persons",
                "count")), 1e-9);
        assertEquals(3, simulate(target("protest_detentions", "Dagestan (Makhachkala)", "2022-09-23", "2022-09-23",
                "9", "persons", "count")), 1e-9);
    }

    @Test
    void protestParticipantsAreTheBusiestDaysProtesters() throws ScenarioException {
        assertEquals(9, simulate(target("protest_event", "Dagestan (Makhachkala)", "2022-09-21", "2022-09-23", "9",
                "participants", "event")), 1e-9);
    }

    @Test
    void arsonIsIncidentsSummed() throws ScenarioException {
        assertEquals(3, simulate(target("arson_enlistment_offices", "Russia", "2022-09-21", "2022-09-23", "9",
                "offices", "count")), 1e-9);
    }

    @Test
    void aWaitIsThePeakWaitAtTheCrossingSkippingClosedDays() throws ScenarioException {
        assertEquals(30, simulate(target("wait_time", "Upper Lars (RU-GE)", "2022-09-21", "2022-09-23", "40", "hours",
                "duration")), 1e-9);
        assertEquals(5, simulate(target("wait_time", "Upper Lars (RU-GE)", "2022-09-21", "2022-09-22", "40", "hours",
                "duration")), 1e-9);
    }

    @Test
    void aFareIsTheBasePriceTimesThePeakPriceIndex() throws ScenarioException {
        assertEquals(22_000 * 3, simulate(target("airfare", "Moscow-Istanbul", "2022-09-21", "2022-09-23",
                "80000-173000", "RUB one-way", "price")), 1e-9);
    }

    @Test
    void mobilizedToDateIsTheStockOnTheLastDate() throws ScenarioException {
        assertEquals(300, simulate(target("mobilized_to_date", "Russia", "2022-09-21", "2022-09-22", "9", "persons",
                "count")), 1e-9);
    }

    @Test
    void aTargetTheModelCannotMeasureIsAnErrorNamingIt() {
        ScenarioException unknownMetric = assertThrows(ScenarioException.class, () -> simulate(target("rent_price",
                "Moscow", "2022-09-21", "2022-09-21", "3", "x", "price")));
        assertTrue(unknownMetric.getMessage().contains("obs-900") && unknownMetric.getMessage().contains("rent_price"),
                unknownMetric.getMessage());
        ScenarioException unknownPlace = assertThrows(ScenarioException.class, () -> simulate(target("protest_detentions",
                "Atlantis", "2022-09-21", "2022-09-21", "3", "persons", "count")));
        assertTrue(unknownPlace.getMessage().contains("obs-900: target at 'Atlantis'"), unknownPlace.getMessage());
        // a gross count into Turkey has no baseline row: comparing it would mix gross and net
        ScenarioException noBaseline = assertThrows(ScenarioException.class, () -> simulate(target("entries_from_russia",
                "Turkey", "2022-09-21", "2022-09-21", "3", "persons", "count")));
        assertTrue(noBaseline.getMessage().contains("no baseline"), noBaseline.getMessage());
        ScenarioException tooLate = assertThrows(ScenarioException.class, () -> simulate(target("mobilized_to_date",
                "Russia", "2022-09-21", "2022-10-14", "222000", "persons", "count")));
        assertTrue(tooLate.getMessage().contains("run at least 24 days"), tooLate.getMessage());
    }

    @Test
    void aRowSummarisesReplicationsAndARangeIsInsideWhenTheBandOverlapsIt() throws ScenarioException {
        Target c = Targets.map("t", List.of(GEORGIA_USUAL, target("entries_from_russia", "Georgia", "2022-09-21",
                "2022-09-21", "100-200", "persons", "count")), Targets.Selection.ALL_TARGETS, ROUTES, REGIONS, D0,
                D0.plusDays(2)).get(0);
        ValidationRow r = ValidationRow.of(c, new double[] {210, 230, 250, 270, 290});
        assertEquals(250, r.mean(), 1e-9);
        assertEquals(210 + 0.2 * 20, r.q05(), 1e-9); // type 7: h = 4 x 0.05 = 0.2
        assertEquals((250 - 150) / 150.0, r.relError(), 1e-9);
        assertFalse(r.inside()); // band [214, 286] misses [100, 200]
        assertTrue(ValidationRow.of(c, new double[] {150, 190, 230}).inside());
        ValidationTable t = ValidationTable.of(List.of(c, c), new double[][] {{300}, {75}});
        assertEquals((1.0 + 0.5) / 2, t.all().value(), 1e-9);
        assertEquals(2, t.destinations().n());
        assertEquals(2, t.inSample().n());
    }

    @Test
    void logAccuracyCostsAFactorTooLowAsMuchAsTooHighAndAZeroAsOnePerson() throws ScenarioException {
        Target c = Targets.map("t", List.of(GEORGIA_USUAL, target("entries_from_russia", "Georgia", "2022-09-21",
                "2022-09-21", "100-200", "persons", "count")), Targets.Selection.ALL_TARGETS, ROUTES, REGIONS, D0,
                D0.plusDays(2)).get(0);
        // observed 150: twice too many and half as many are both off by ln 2, while ARD charges 1 and 0.5
        ValidationTable t = ValidationTable.of(List.of(c, c), new double[][] {{300}, {75}});
        assertEquals(Math.log(2), t.rows().get(0).logRatio(), 1e-9);
        assertEquals(-Math.log(2), t.rows().get(1).logRatio(), 1e-9);
        assertEquals(Math.log(2), t.logAccuracy(TargetGroup.ALL).value(), 1e-9);
        // predicting nothing: ARD 1, log accuracy ln(150 / 1) = 5.01, worse than 20 times too many (ln 20 = 3.0)
        ValidationTable nothing = ValidationTable.of(List.of(c), new double[][] {{0}});
        assertEquals(1.0, nothing.all().value(), 1e-9);
        assertEquals(Math.log(150), nothing.logAccuracy(TargetGroup.ALL).value(), 1e-9);
        ValidationTable twentyFold = ValidationTable.of(List.of(c), new double[][] {{3000}});
        assertEquals(19.0, twentyFold.all().value(), 1e-9);
        assertEquals(Math.log(20), twentyFold.logAccuracy(TargetGroup.ALL).value(), 1e-9);
    }
}
