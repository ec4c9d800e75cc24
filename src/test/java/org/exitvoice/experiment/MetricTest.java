package org.exitvoice.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.exitvoice.model.DayReport;
import org.exitvoice.model.RouteDay;
import org.exitvoice.model.RunResult;
import org.exitvoice.model.Tally;
import org.exitvoice.scenario.ScenarioException;
import org.junit.jupiter.api.Test;

/** Metrics read the national series as written: last value, peak, sum, persons crossed to one country, first day. */
class MetricTest {
    private static final List<String> COUNTRIES = List.of("Georgia", "Kazakhstan", "United Arab Emirates");

    /** Three days: mobilized 100, 250, 400 (target 300); protesters 5, 9, 2; arrests 1, 2, 3; Georgia 10 + 20 crossed. */
    private static RunResult threeDays() {
        long[] mobilized = {100, 250, 400};
        long[] protesters = {5, 9, 2};
        List<DayReport> days = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            Tally t = new Tally(1000, 0, 0, 10L * d, mobilized[d], 0, 0, 0, 0, 0, protesters[d], d + 1, 0, 0, 0);
            List<RouteDay> routes = List.of(new RouteDay("upper-lars", "Georgia", "land", 100, 0, 0, 10L * d, 0, 1),
                    new RouteDay("ozinki", "Kazakhstan", "land", 100, 0, 0, 7, 0, 1));
            days.add(new DayReport(d, LocalDate.of(2022, 9, 21).plusDays(d), t, 10L * d + 7, List.of(), routes));
        }
        return new RunResult(days, 300, 0.1);
    }

    private static double of(String metric) throws ScenarioException {
        return Metric.parse(metric, COUNTRIES).of(threeDays());
    }

    @Test
    void eachKindReadsTheSeriesAsDocumented() throws Exception {
        assertEquals(400, of("final.mobilized"));
        assertEquals(9, of("peak.protesters"));
        assertEquals(6, of("sum.arrests"));
        assertEquals(0 + 10 + 20, of("final.crossed[Georgia]"), "persons crossed to Georgia over the run");
        assertEquals(7 + 17 + 27, of("sum.crossed"));
        assertEquals(2, of("firstDay.mobilized>=target"), "day 2 is the first at or above 300");
        assertEquals(1, of("firstDay.mobilized>=250"));
        assertTrue(Double.isNaN(of("firstDay.mobilized>=1000")), "never reached: no value");
    }

    @Test
    void namesArePlainForHeadersAndFiles() throws Exception {
        assertEquals("final_crossed_Georgia", Metric.parse("final.crossed[Georgia]", COUNTRIES).name());
        assertEquals("final_crossed_United_Arab_Emirates", Metric.parse("final.crossed[United Arab Emirates]", COUNTRIES).name());
        assertEquals("firstDay_mobilized_ge_target", Metric.parse("firstDay.mobilized>=target", COUNTRIES).name());
        assertEquals("firstDay_emigrated_ge_0p5", Metric.parse("firstDay.emigrated >= 0.5", COUNTRIES).name());
        assertEquals("peak_turned_back", Metric.parse("peak.turned_back", COUNTRIES).name());
        ScenarioException bad = assertThrows(ScenarioException.class, () -> Metric.parse("max.emigrated", COUNTRIES));
        assertTrue(bad.getMessage().contains("final.COL"), bad.getMessage());
    }

    @Test
    void anEmptyCellIsWrittenWhereAMetricDidNotOccur() {
        assertEquals("", RunsJournal.cell(Double.NaN));
        assertEquals("412300", RunsJournal.cell(412300));
        assertEquals("0.25", RunsJournal.cell(0.25));
    }
}
