package org.exitvoice.model;

import org.exitvoice.scenario.ScenarioException;
import org.exitvoice.scenario.ScenarioInput;
import org.exitvoice.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model's claims on the shipped autumn-2022 scenario at a coarse scale (fixed seeds). */
class Sep2022ClaimsTest {
    /** Coarse enough to keep the suite fast, fine enough that every region has thousands of agents but Chukotka. */
    private static final String SCALE = "400";

    static RunResult run(int threads, String... sets) {
        return run("params/sep2022.yaml", threads, sets);
    }

    /**
     * Protest claims need a finer scale: at 400 one modelled protester is 800 persons, and two or three of them
     * outnumber a small region's police (Tuva's is about 2,000), so Epstein's P drops to 0 and protest there runs away
     * on the granularity alone (docs/ODD.md §8).
     */
    private static final String PROTEST_SCALE = "100";

    static RunResult run(String scenario, int threads, String... sets) {
        return run(scenario, SCALE, threads, sets);
    }

    static RunResult run(String scenario, String scale, int threads, String... sets) {
        List<String> all = new ArrayList<>(List.of(sets));
        try {
            ScenarioInput in = ScenarioLoader.load(Path.of(scenario), all,
                    new ScenarioLoader.Overrides(null, Integer.valueOf(scale), null));
            return Simulation.run(in.scenario(), in.regions(), in.routes(), threads, d -> { });
        } catch (ScenarioException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static long sum(RunResult r, ToLongFunction<Tally> f) {
        return r.days().stream().mapToLong(d -> f.applyAsLong(d.national())).sum();
    }

    static long peak(RunResult r, ToLongFunction<Tally> f) {
        return r.days().stream().mapToLong(d -> f.applyAsLong(d.national())).max().orElse(0);
    }

    @Test
    void theStateInvariantHoldsInEveryRegionOnEveryDay() {
        RunResult r = run(2);
        assertEquals(60, r.days().size());
        for (DayReport d : r.days()) {
            assertEquals(85, d.regions().size());
            long national = 0;
            for (RegionDay rd : d.regions()) {
                assertEquals(rd.population(), rd.tally().population(), rd.region() + " on " + d.date());
                assertTrue(rd.tally().atHome() >= 0 && rd.tally().hiding() >= 0 && rd.tally().enRoute() >= 0);
                national += rd.population();
            }
            assertEquals(national, d.national().population());
            assertEquals(d.crossed(), d.routes().stream().mapToLong(RouteDay::crossed).sum());
        }
    }

    @Test
    void theDraftEndsWhenTheTargetIsMet() {
        RunResult r = run(2);
        int met = -1;
        for (DayReport d : r.days()) {
            if (met < 0 && d.national().mobilized() >= 300_000) {
                met = d.day();
            } else if (met >= 0 && d.day() > met) {
                assertEquals(0, d.national().summons(), "no summons after the target was met, " + d.date());
            }
        }
        assertTrue(met > 0 && met < 60, "target met within the run: day " + met);
    }

    @Test
    void raisingMisclassificationRaisesProtestAndIncidents() {
        long protestLow = 0, protestHigh = 0, incidentsLow = 0, incidentsHigh = 0;
        for (String seed : List.of("1", "2", "3")) {
            RunResult low = run("params/sep2022.yaml", PROTEST_SCALE, 2, "seed=" + seed, "draft.misclassification=0.02");
            RunResult high = run("params/sep2022.yaml", PROTEST_SCALE, 2, "seed=" + seed, "draft.misclassification=0.4");
            protestLow += sum(low, Tally::protesters);
            protestHigh += sum(high, Tally::protesters);
            incidentsLow += sum(low, Tally::incidents);
            incidentsHigh += sum(high, Tally::incidents);
        }
        assertTrue(protestHigh > protestLow, "protester-days " + protestLow + " -> " + protestHigh);
        assertTrue(incidentsHigh > incidentsLow, "incidents " + incidentsLow + " -> " + incidentsHigh);
    }

    @Test
    void theExodusFallsAsTheDraftFillsUnlessMenIgnoreTheAnnouncedCount() {
        // days 3-9 are 24-30 Sep, days 12-18 are 3-9 Oct
        RunResult believed = run(2);
        RunResult ignored = run(2, "perception.progressWeight=0");
        long lateSep = crossed(believed, 3, 10), earlyOct = crossed(believed, 12, 19);
        assertTrue(earlyOct < lateSep / 2, "crossings 24-30 Sep " + lateSep + ", 3-9 Oct " + earlyOct);
        long earlyOctIgnored = crossed(ignored, 12, 19);
        assertTrue(earlyOctIgnored > 2 * earlyOct, "3-9 Oct: " + earlyOct + " with the count believed, "
                + earlyOctIgnored + " ignored");
    }

    private static long crossed(RunResult r, int fromDay, int toDay) {
        return r.days().subList(fromDay, toDay).stream().mapToLong(DayReport::crossed).sum();
    }

    @Test
    void closingTheExitsLowersEmigrationAndRaisesHiding() {
        RunResult open = run(2);
        RunResult closed = run("params/border-closed.yaml", 2);
        long emigratedOpen = open.last().national().emigrated();
        long emigratedClosed = closed.last().national().emigrated();
        assertTrue(emigratedOpen > 100_000, "men leave when they can: " + emigratedOpen);
        assertEquals(0, emigratedClosed, "nobody leaves under a total exit ban");
        assertTrue(peak(closed, Tally::hiding) > peak(open, Tally::hiding),
                "peak hiding " + peak(open, Tally::hiding) + " -> " + peak(closed, Tally::hiding));
    }

    @Test
    void higherEnforcementRaisesMobilizationAndDetentions() {
        RunResult soft = run(2, "enforcement.intensity=0.3");
        RunResult hard = run(2, "enforcement.intensity=1.0");
        long mobilizedSoft = soft.days().get(14).national().mobilized();
        long mobilizedHard = hard.days().get(14).national().mobilized();
        assertTrue(mobilizedHard > mobilizedSoft, "mobilized by day 14: " + mobilizedSoft + " -> " + mobilizedHard);
        // detentions of hiding men in raids, over the first ten days (later the harder draft is already over)
        long caughtSoft = soft.days().subList(0, 10).stream().mapToLong(d -> d.national().caught()).sum();
        long caughtHard = hard.days().subList(0, 10).stream().mapToLong(d -> d.national().caught()).sum();
        assertTrue(caughtHard > caughtSoft, "caught in 10 days " + caughtSoft + " -> " + caughtHard);
    }

    @Test
    void theSameSeedGivesTheSameRunOnOneOrTwoThreads() {
        RunResult one = run(1);
        RunResult two = run(2);
        for (int d = 0; d < one.days().size(); d++) {
            // day by day and region by region, so that a failure names where the runs part
            DayReport a = one.days().get(d), b = two.days().get(d);
            for (int r = 0; r < a.regions().size(); r++) {
                assertEquals(a.regions().get(r), b.regions().get(r), "day " + d);
            }
            assertEquals(a.routes(), b.routes(), "routes on day " + d);
        }
    }

    @Test
    void differentSeedsGiveDifferentRuns() {
        assertNotEquals(run(2, "seed=1").days(), run(2, "seed=2").days());
    }
}
