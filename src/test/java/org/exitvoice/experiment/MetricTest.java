package org.exitvoice.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.exitvoice.model.DayReport;
import org.exitvoice.model.RegionDay;
import org.exitvoice.model.RouteDay;
import org.exitvoice.model.RunResult;
import org.exitvoice.model.Tally;
import org.exitvoice.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Metrics read a run as docs/experiments.md says: national, regional, route and country series, over the run or a
 * window of days, alone or combined by arithmetic; and every mistake is one line saying what to write instead.
 */
class MetricTest {
    private static final LocalDate DAY0 = LocalDate.of(2022, 9, 21);
    private static final MetricScope SCOPE = new MetricScope(Set.of("RU-DA", "RU-MOW"),
            Set.of("upper-lars", "mow-tbs", "ozinki"), Set.of("Georgia", "Kazakhstan", "United Arab Emirates"), DAY0, 3);

    /**
     * Three days from 21 Sep 2022. Nation: mobilized 100, 250, 400 (target 300); protesters 5, 9, 2; arrests 1, 2, 3;
     * emigrated 0, 10, 20. Routes: upper-lars (Georgia) crosses 0, 10, 20 with queues 500, 1000, 0 at capacity 100
     * (waits 120, 240, 0 hours); mow-tbs (Georgia) 5 a day; ozinki (Kazakhstan) 7 a day; so the nation crosses 12, 22, 32.
     * Regions: RU-DA emigrated 1, 3, 6 and protesters 0, 4, 1; RU-MOW emigrated 2, 4, 8.
     */
    private static RunResult threeDays() {
        long[] mobilized = {100, 250, 400};
        long[] protesters = {5, 9, 2};
        long[] queue = {500, 1000, 0};
        long[] daEmigrated = {1, 3, 6};
        long[] daProtesters = {0, 4, 1};
        long[] mowEmigrated = {2, 4, 8};
        List<DayReport> days = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            Tally t = tally(10L * d, mobilized[d], protesters[d], d + 1);
            List<RegionDay> regions = List.of(new RegionDay("RU-DA", 3000, tally(daEmigrated[d], 0, daProtesters[d], 0)),
                    new RegionDay("RU-MOW", 9000, tally(mowEmigrated[d], 0, 0, 0)));
            List<RouteDay> routes = List.of(
                    new RouteDay("upper-lars", "Georgia", "land", 100, queue[d], queue[d] / 100.0 * 24, 10L * d, 0, 1),
                    new RouteDay("mow-tbs", "Georgia", "air", 50, 0, 0, 5, 0, 1.5),
                    new RouteDay("ozinki", "Kazakhstan", "land", 100, 0, 0, 7, 0, 1));
            days.add(new DayReport(d, DAY0.plusDays(d), t, 10L * d + 12, regions, routes));
        }
        return new RunResult(days, 300, 0.1);
    }

    private static Tally tally(long emigrated, long mobilized, long protesters, long arrests) {
        return new Tally(1000, 0, 0, emigrated, mobilized, 0, 0, 0, 0, 0, protesters, arrests, 0, 0, 0, 0);
    }

    private static double of(String metric) throws ScenarioException {
        return Metric.parse(metric, SCOPE).of(threeDays());
    }

    private static String name(String metric) throws ScenarioException {
        return Metric.parse(metric, SCOPE).name();
    }

    @Test
    void theNationalFormsReadTheSeriesAsBefore() throws Exception {
        assertEquals(400, of("final.mobilized"));
        assertEquals(9, of("peak.protesters"));
        assertEquals(6, of("sum.arrests"));
        assertEquals(12 + 22 + 32, of("sum.crossed"));
        assertEquals(16 / 3.0, of("mean.protesters"), 1e-12);
        assertEquals(2, of("firstDay.mobilized>=target"), "day 2 is the first at or above 300");
        assertEquals(1, of("firstDay.mobilized>=250"));
        assertTrue(Double.isNaN(of("firstDay.mobilized>=1000")), "never reached: no value");
    }

    @Test
    void aRegionARouteAndACountryEachHaveTheirOwnSeries() throws Exception {
        assertEquals(6, of("final.emigrated[RU-DA]"));
        assertEquals(4, of("peak.protesters[RU-DA]"));
        assertEquals(8, of("final.emigrated[RU-MOW]"));
        assertEquals(240, of("peak.wait_hours[upper-lars]"), "1,000 queued at 100 a day: 240 hours");
        assertEquals(500, of("mean.queue[upper-lars]"));
        assertEquals(20, of("final.crossed[upper-lars]"), "a route's last day");
        assertEquals(30, of("sum.crossed[upper-lars]"));
        assertEquals(1, of("firstDay.wait_hours[upper-lars]>=200"));
        assertEquals(30 + 15, of("sum.crossed[Georgia]"), "both routes to Georgia");
        assertEquals(30 + 15, of("final.crossed[Georgia]"), "to a country, final. is the run's total, as it always was");
        assertEquals(1000, of("peak.queue[Georgia]"));
        assertEquals(21, of("sum.crossed[Kazakhstan]"));
    }

    @Test
    void aWindowByDateOrByDaysFromDay0ReadsOnlyThoseDays() throws Exception {
        assertEquals(22 + 32, of("sum.crossed@2022-09-22..2022-09-23"));
        assertEquals(2 + 3, of("sum.arrests@day1..day2"));
        assertEquals(2 + 3, of("sum.arrests@day1.."), "to the last day");
        assertEquals(1 + 2, of("sum.arrests@..day1"), "from day 0");
        assertEquals(10, of("final.emigrated@day1"), "one day");
        assertEquals(9, of("peak.protesters@2022-09-22"));
        assertEquals(2, of("peak.protesters@day2.."), "after the first days' peak");
        assertTrue(Double.isNaN(of("firstDay.mobilized>=target@day0..day1")), "not within the window");
        assertEquals(2, of("firstDay.protesters>=2@day2"), "days still counted from day 0");
        assertEquals(1000, of("peak.queue[upper-lars]@day1..day2"));
        assertEquals(22 + 32, of("sum.crossed@day1..2022-09-23"), "a day and a date may bound the same window");
    }

    @Test
    void expressionsCombineMeasuresWithArithmetic() throws Exception {
        assertEquals(6 / 16.0, of("sum.arrests / sum.protesters"));
        assertEquals(6 - 1, of("final.emigrated[RU-DA] - final.emigrated[RU-DA]@day0"), "the change since day 0");
        assertEquals(1 + 2 * 6, of("1 + 2 * sum.arrests"), "* before +");
        assertEquals((6 + 2) * 10, of("(sum.arrests + 2) * 10"));
        assertEquals(100 - 20, of("-final.emigrated + 100"));
        assertEquals(1000 * 6 / 3000.0, of("1000 * final.emigrated[RU-DA] / final.population[RU-DA]"));
        assertEquals(6 - 2 - 1, of("sum.arrests - 2 - 1"), "left to right");
        assertTrue(Double.isNaN(of("sum.arrests / sum.turned_back")), "a division by zero gives no value");
        assertTrue(Double.isNaN(of("firstDay.mobilized>=1000 + 1")), "nor does a measure that did not occur");
    }

    @Test
    void namesArePlainForHeadersAndFiles() throws Exception {
        assertEquals("final_crossed_Georgia", name("final.crossed[Georgia]"));
        assertEquals("final_crossed_United_Arab_Emirates", name("final.crossed[United Arab Emirates]"));
        assertEquals("firstDay_mobilized_ge_target", name("firstDay.mobilized>=target"));
        assertEquals("firstDay_emigrated_ge_0p5", name("firstDay.emigrated >= 0.5"));
        assertEquals("peak_turned_back", name("peak.turned_back"));
        assertEquals("final_emigrated_RU_DA", name("final.emigrated[RU-DA]"));
        assertEquals("peak_wait_hours_upper_lars", name("peak.wait_hours[upper-lars]"));
        assertEquals("sum_crossed_2022_09_21_to_2022_09_28", name("sum.crossed@2022-09-21..2022-09-28"));
        assertEquals("peak_protesters_from_day2", name("peak.protesters@day2.."));
        assertEquals("sum_arrests_to_day1", name("sum.arrests@..day1"));
        assertEquals("final_emigrated_day0", name("final.emigrated@day0"));
        assertEquals("sum_arrests_per_sum_protesters", name("sum.arrests / sum.protesters"));
        assertEquals("1000_times_sum_arrests_minus_minus_1", name("1000 * sum.arrests - -1"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            max.emigrated                        | 'max' is not one of final, peak, sum, mean, firstDay (did you mean 'peak'?); write final.COL, peak.COL
            fnal.emigrated                       | 'fnal' is not one of final, peak, sum, mean, firstDay (did you mean 'final'?)
            emigrated                            | 'emigrated' is not a metric; write final.COL
            final.emigrants                      | no national column 'emigrants' (did you mean 'emigrated'?); national columns: at_home
            final.emigrated[RU-DAG]              | no region, route or destination 'RU-DAG' (did you mean 'RU-DA'?)
            final.crossed[RU-DA]                 | no region column 'crossed' (crossings are counted by route and destination, e.g. sum.crossed[Georgia])
            peak.hiding[upper-lars]              | no route column 'hiding' (hiding is counted by region and nation, not by route); route columns: capacity
            final.crossed[Georgia                | a '[' without its ']' at character 14
            sum.crossed@2022-09-31..2022-10-02   | the day 2022-09-31 does not exist
            sum.crossed@day5..day2               | the window 'day5..day2' ends before it begins
            sum.crossed@2023-01-01..             | the window '2023-01-01..' has no day of the run (2022-09-21 to 2022-09-23, day0 to day2)
            sum.crossed@day7                     | the window 'day7' has no day of the run
            sum.crossed@last                     | not a window 'last'; write @DATE..DATE, @dayN..dayM
            sum.crossed@day1..-sum.arrests       | put spaces around - after a window
            sum.crossed@                         | not a window ''
            sum.crossed@..                       | the window '..' names no day
            peak.protesters>=5                   | only firstDay takes '>= VALUE', e.g. firstDay.mobilized>=target
            firstDay.mobilized                   | firstDay needs the value it waits for: firstDay.mobilized>=VALUE
            firstDay.mobilized>=soon             | expected a number or 'target' after >=, got 'soon'
            (sum.arrests + 1                     | a '(' without its ')' at the end of '(sum.arrests + 1'
            sum.arrests)                         | a ')' without its '(' at character 12
            sum.arrests /                        | the metric ends where a measure or a number should follow at the end
            sum.arrests sum.protesters           | unexpected 's' at character 13
            sum.arrests % 2                      | unexpected '%' at character 13
            final.emigrated [RU-DA]              | unexpected '[' (a place goes right after the column: final.emigrated[RU-DA]@day3..) at character 17
            2 * 21                               | '2 * 21' reads nothing from the run
            """)
    void everyMistakeIsOneLineSayingWhatToWrite(String metric, String message) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Metric.parse(metric, SCOPE));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }

    @Test
    void anEmptyCellIsWrittenWhereAMetricDidNotOccur() {
        assertEquals("", RunsJournal.cell(Double.NaN));
        assertEquals("412300", RunsJournal.cell(412300));
        assertEquals("0.25", RunsJournal.cell(0.25));
    }
}
