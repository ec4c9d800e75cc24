package org.exitvoice.model;

import org.exitvoice.scenario.RegionData;
import org.exitvoice.scenario.RouteData;
import org.exitvoice.scenario.Scenario;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-computable claims on a two-region world with one crossing (fixed seeds). */
class ToyWorldTest {

    private static ExitVoiceModel run(Scenario s, List<RegionData> regions, List<RouteData> routes) {
        ExitVoiceModel m = new ExitVoiceModel(s, regions, routes, 1);
        m.start();
        while (m.day() < s.days()) {
            m.schedule.step(m);
        }
        m.finish();
        return m;
    }

    /** A crossing 1 day's drive from both regions. */
    private static List<RouteData> oneCrossing(long capacity) {
        return List.of(Worlds.land("r1", 50.5, 40.5, capacity));
    }

    @Test
    void menWhoOpposeTheWarLeaveMoreOftenThanTheOthersAndNoneOpposeItWhenTheSurveySharesAreZero() {
        Scenario s = Worlds.scenario("scale=10", "days=20", "draft.target=20000", "emigration.opposedAttachment=0.3");
        ExitVoiceModel m = run(s, Worlds.twoRegions(), oneCrossing(5000));
        long[] opposed = new long[2], gone = new long[2]; // [others, opposed]
        for (Region r : m.regions()) {
            Worlds.men(r).forEach(v -> {
                int k = v.opposesWar() ? 1 : 0;
                opposed[k]++;
                if (v.state() == PersonState.EN_ROUTE || v.state() == PersonState.EMIGRATED) {
                    gone[k]++;
                }
            });
        }
        double share = (double) opposed[1] / (opposed[0] + opposed[1]);
        // urban share 0.75 ~ national: the mean of 0.25 and 0.13 over ages 18-59, 0.19
        assertEquals(0.19, share, 0.01);
        double goneOpposed = (double) gone[1] / opposed[1], goneOthers = (double) gone[0] / opposed[0];
        assertTrue(goneOpposed > 1.5 * goneOthers, "opposed " + goneOpposed + " vs others " + goneOthers);
        // emigrated_opposed counts them abroad: the men themselves, recounted, x scale 10
        long abroad = m.regions().stream().mapToLong(r -> Worlds.men(r)
                .filter(v -> v.opposesWar() && v.state() == PersonState.EMIGRATED).count()).sum();
        Tally last = m.reports().get(m.reports().size() - 1).national();
        assertTrue(abroad > 0);
        assertEquals(abroad * 10, last.emigratedOpposed());
        assertTrue(last.emigratedOpposed() < last.emigrated());

        Scenario none = Worlds.scenario("scale=10", "days=1", "population.opposedYoung=0", "population.opposedOld=0");
        ExitVoiceModel quiet = run(none, Worlds.twoRegions(), oneCrossing(5000));
        quiet.regions().forEach(r -> assertTrue(Worlds.men(r).noneMatch(ManView::opposesWar)));
    }

    @Test
    void aLocalCallToProtestIsHeardInItsRegionOnlyAndOnItsDayOnly() {
        // L = 0.8 - 0.02 x 0.1 minority: G = H (1 - L) < 0.21 < T = 0.25, so nobody is active on a day without a call;
        // on RU-A's called day (23 Sep, day 2) T = 0.25 - 0.3 x 0.75 urban = 0.025 there
        Scenario s = Worlds.scenario("scale=10", "days=5", "protest.legitimacy=0.8", "protest.threshold=0.25",
                "protest.callEffect=0.3", "protest.summonsLoss=0", "protest.misdraftLoss=0", "protest.crackdownLoss=0",
                "events=[{date: 2022-09-23, type: protestCall, region: RU-A}]");
        ExitVoiceModel m = run(s, Worlds.twoRegions(), oneCrossing(2000));
        for (DayReport d : m.reports()) {
            long a = d.regions().get(0).tally().protesters(), b = d.regions().get(1).tally().protesters();
            assertEquals(0, b, "RU-B, which was not called, on " + d.date());
            if (d.day() == 2) {
                assertTrue(a > 0, "RU-A on its called day");
            } else {
                assertEquals(0, a, "RU-A on " + d.date());
            }
        }
    }

    @Test
    void theNewsOfTheMobilizationMultipliesIncidentsBeforeAnyGrievanceOrMisdraftAndFadesWithIt() {
        // 3,000,000 people x 0.29 men 18-59 = 0.87 million men; grievance and misdrafts weigh nothing here, so the
        // rate is 100 x 0.87 x (1 + w x 2^(-day / 7)) a day: 87 without the news (w = 0), 261 in days 0-2;
        // with w = 5, 87 x (3 + 5 x (1 + 0.906 + 0.820)) = 87 x 16.63 = 1,447 in days 0-2, 522 on day 0
        String[] common = {"scale=10", "days=3", "incidents.baseRate=100", "incidents.grievanceWeight=0",
                "incidents.misdraftWeight=0", "incidents.legitimacyLoss=0", "enforcement.incidentResponse=0",
                "perception.shockHalfLifeDays=7"};
        long[] without = incidentsByDay(run(Worlds.scenario(with(common, "incidents.announcementWeight=0")),
                Worlds.twoRegions(), oneCrossing(5000)));
        long[] news = incidentsByDay(run(Worlds.scenario(with(common, "incidents.announcementWeight=5")),
                Worlds.twoRegions(), oneCrossing(5000)));
        // Poisson counts: within 4 standard deviations of the hand-worked means
        assertEquals(261, without[0] + without[1] + without[2], 4 * Math.sqrt(261));
        assertEquals(1447, news[0] + news[1] + news[2], 4 * Math.sqrt(1447));
        assertEquals(522, news[0], 4 * Math.sqrt(522));
        assertTrue(news[2] < news[0], "the news fades: day 0 " + news[0] + ", day 2 " + news[2]);
    }

    private static long[] incidentsByDay(ExitVoiceModel m) {
        return m.reports().stream().mapToLong(d -> d.national().incidents()).toArray();
    }

    private static String[] with(String[] sets, String more) {
        String[] all = java.util.Arrays.copyOf(sets, sets.length + 1);
        all[sets.length] = more;
        return all;
    }

    @Test
    void withZeroMisclassificationNobodyOutsideTheCriteriaIsDrafted() {
        Scenario s = Worlds.scenario("scale=10", "days=40", "draft.misclassification=0", "draft.target=20000",
                "enforcement.raidProb=0.2");
        ExitVoiceModel m = run(s, Worlds.twoRegions(), oneCrossing(2000));
        long mobilized = 0;
        for (Region r : m.regions()) {
            for (int i = 0; i < r.men(); i++) {
                ManView man = r.man(i);
                boolean drafted = man.summoned() || man.state() == PersonState.MOBILIZED;
                if (drafted) {
                    assertTrue(man.eligible(), "man " + i + " of " + r.code() + " drafted outside the criteria");
                }
                if (man.state() == PersonState.MOBILIZED) {
                    mobilized++;
                }
            }
        }
        assertTrue(mobilized > 100, "the draft ran: " + mobilized);
        m.reports().forEach(d -> assertEquals(0, d.national().misdrafted()));
    }

    @Test
    void misclassificationDraftsMenOutsideTheCriteria() {
        // no raids and no summons in custody: every misdraft is an office's summons
        Scenario s = Worlds.scenario("scale=10", "days=20", "draft.misclassification=0.5", "draft.target=20000",
                "enforcement.raidProb=0", "protest.summonFromJail=0");
        ExitVoiceModel m = run(s, Worlds.twoRegions(), oneCrossing(2000));
        long misdrafted = m.reports().stream().mapToLong(d -> d.national().misdrafted()).sum();
        long summons = m.reports().stream().mapToLong(d -> d.national().summons()).sum();
        // about half of all summons go to men outside the criteria
        assertEquals(0.5, misdrafted / (double) summons, 0.05);
    }

    @Test
    void fullExitListCoverageWithNoDelayLetsNoSummonedManCross() {
        Scenario s = Worlds.scenario("scale=10", "days=30", "exitList.from=2022-09-21", "exitList.coverage=1",
                "exitList.delayDays=0", "draft.target=40000", "perception.eligibleBase=1");
        ExitVoiceModel m = run(s, Worlds.twoRegions(), oneCrossing(100000));
        int summonedAbroad = 0, crossed = 0;
        for (Region r : m.regions()) {
            for (ManView man : Worlds.men(r).toList()) {
                if (man.state() == PersonState.EMIGRATED) {
                    crossed++;
                    if (man.summoned()) {
                        summonedAbroad++;
                    }
                }
            }
        }
        long turnedBack = m.reports().stream().mapToLong(d -> d.national().turnedBack()).sum();
        assertEquals(0, summonedAbroad);
        assertTrue(crossed > 0, "unsummoned men still cross");
        assertTrue(turnedBack > 0, "summoned men tried and were stopped");
    }

    @Test
    void aClosedRouteCarriesNoOneFromItsDate() {
        Scenario s = Worlds.scenario("scale=10", "days=20", "perception.eligibleBase=1",
                "events=[{date: 2022-09-28, type: closeRoute, route: r1}]");
        ExitVoiceModel m = run(s, Worlds.twoRegions(), oneCrossing(500));
        long before = 0;
        for (DayReport d : m.reports()) {
            long crossed = d.routes().get(0).crossed();
            if (d.day() < 7) {
                before += crossed;
            } else {
                assertEquals(0, crossed, "crossed on " + d.date());
                assertEquals(0, d.routes().get(0).queue(), "queue on " + d.date());
            }
        }
        assertTrue(before > 0, "the route was used before it closed");
        assertTrue(m.reports().get(7).routes().get(0).turnedBack() > 0, "its queue was turned back");
    }

    @Test
    void aRouteCapacityEventDoublesTheCrossingsPlacesFromItsDateAndOneRestoresThem() {
        // 40 places a day (no usual traffic); x2 from 26 Sep (day 5), x1 again from 30 Sep (day 9)
        Scenario s = Worlds.scenario("scale=1", "days=12", "emigration.familyPerEmigrant=0", "perception.eligibleBase=1",
                "events=[{date: 2022-09-26, type: routeCapacity, route: r1, value: 2},"
                        + " {date: 2022-09-30, type: routeCapacity, route: r1, value: 1}]");
        List<RegionData> small = List.of(Worlds.region("RU-A", 100_000, 50.0, 40.0));
        ExitVoiceModel m = run(s, small, oneCrossing(40));
        boolean doubledUsed = false;
        for (DayReport d : m.reports()) {
            RouteDay r = d.routes().get(0);
            long places = d.day() >= 5 && d.day() < 9 ? 80 : 40;
            assertEquals(places, r.capacity(), "places on " + d.date());
            assertTrue(r.crossed() <= places, "crossed " + r.crossed() + " on " + d.date());
            assertEquals(r.queue() / (double) places * 24, r.waitHours(), 1e-9, "wait = queue / places on " + d.date());
            doubledUsed |= r.crossed() > 40;
        }
        assertTrue(doubledUsed, "more than the table's 40 crossed on some day of the doubled places");
    }

    @Test
    void afterResidentsOnlyMenOfOtherRegionsNoLongerSetOffForTheCrossingButItsQueueIsStillServed() {
        // r1 lies in RU-A, a day's drive from both regions; 500 places a day make a queue; residents only from 26 Sep (day 5)
        Scenario s = Worlds.scenario("scale=10", "days=12", "perception.eligibleBase=1",
                "events=[{date: 2022-09-26, type: residentsOnly, route: r1}]");
        ExitVoiceModel m = run(s, Worlds.twoRegions(), oneCrossing(500));
        List<DayReport> days = m.reports();
        assertTrue(days.get(4).routes().get(0).queue() > 0, "a queue stood the evening before");
        long residentsLeaving = 0;
        for (DayReport d : days.subList(5, days.size())) {
            assertEquals(0, d.regions().get(1).tally().departures(), "RU-B men set off on " + d.date());
            residentsLeaving += d.regions().get(0).tally().departures();
        }
        assertTrue(residentsLeaving > 0, "RU-A's own men still set off for it");
        assertTrue(days.get(5).routes().get(0).crossed() > 0, "the queue is served on the day, not turned back");
        assertTrue(days.get(days.size() - 1).regions().get(1).tally().emigrated()
                > days.get(4).regions().get(1).tally().emigrated(), "RU-B men already on the road or queueing crossed");
    }

    @Test
    void openRouteOpensAResidentsOnlyCrossingToEveryoneAgain() {
        Scenario s = Worlds.scenario("scale=10", "days=12", "perception.eligibleBase=1",
                "events=[{date: 2022-09-26, type: residentsOnly, route: r1}, {date: 2022-09-29, type: openRoute, route: r1}]");
        ExitVoiceModel m = run(s, Worlds.twoRegions(), oneCrossing(500));
        long outsidersLeaving = 0;
        for (DayReport d : m.reports()) {
            long departures = d.regions().get(1).tally().departures();
            if (d.day() >= 5 && d.day() < 8) {
                assertEquals(0, departures, "RU-B men set off on " + d.date());
            } else if (d.day() >= 8) {
                outsidersLeaving += departures;
            }
        }
        assertTrue(outsidersLeaving > 0, "RU-B men set off again once it is open to all");
    }

    @Test
    void capacityCapsDailyCrossingsTheWaitIsQueueOverCapacityAndNobodyJoinsAQueueLongerThanHeWouldWait() {
        Scenario s = Worlds.scenario("scale=1", "days=15", "emigration.familyPerEmigrant=0", "perception.eligibleBase=1");
        List<RegionData> small = List.of(Worlds.region("RU-A", 100_000, 50.0, 40.0));
        ExitVoiceModel m = run(s, small, oneCrossing(40));
        boolean binding = false;
        for (DayReport d : m.reports()) {
            RouteDay r = d.routes().get(0);
            assertTrue(r.crossed() <= 40, "crossed " + r.crossed() + " on " + d.date());
            assertEquals(r.queue() / 40.0 * 24, r.waitHours(), 1e-9);
            // a man finding more than maxWaitDays (6) days of queue goes home: served 40 a day, at dusk it never holds more than six days of places
            assertTrue(r.queue() <= 6 * 40, "queue " + r.queue() + " on " + d.date());
            binding |= r.queue() > 0 && r.crossed() == 40;
        }
        assertTrue(binding, "the queue formed and capacity was the limit on some day");
    }

    @Test
    void aRouteWithNoCapacityReportsNoWait() {
        Scenario s = Worlds.scenario("scale=10", "days=3");
        ExitVoiceModel m = run(s, Worlds.twoRegions(), oneCrossing(0));
        RouteDay r = m.reports().get(2).routes().get(0);
        assertTrue(Double.isNaN(r.waitHours()));
        assertEquals(0, r.crossed());
    }

    @Test
    void theSixStatesAlwaysSumToThePopulation() {
        Scenario s = Worlds.scenario("scale=10", "days=30", "exitList.from=2022-09-23");
        ExitVoiceModel m = run(s, Worlds.twoRegions(), oneCrossing(300));
        for (int r = 0; r < m.regionCount(); r++) {
            int[] recount = Worlds.recountStates(m, r);
            for (byte st = 0; st < PersonState.COUNT; st++) {
                assertEquals(recount[st], m.stock(r, st), "state " + st);
            }
        }
        for (DayReport d : m.reports()) {
            for (RegionDay rd : d.regions()) {
                assertEquals(rd.population(), rd.tally().population(), rd.region() + " " + d.date());
            }
        }
        assertFalse(m.reports().isEmpty());
    }
}
