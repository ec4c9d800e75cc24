package org.exitvoice.model;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.exitvoice.scenario.RegionData;
import org.exitvoice.scenario.RouteData;
import org.exitvoice.scenario.Scenario;
import org.exitvoice.scenario.ScenarioException;
import org.exitvoice.scenario.ScenarioValidator;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invariants under random but valid parameters, extremes included (probabilities 0 or 1, no capacity anywhere,
 * a quota larger than the eligible men, tiny regions, one day or a year): no exception, the six states sum to the
 * population in every region on every day, no count is negative, stocks that only grow never shrink, and the same
 * seed gives the same run.
 */
class ModelProperties {

    /** A random valid world: the scenario keys to set, the regions and the routes. */
    record World(List<String> sets, List<RegionData> regions, List<RouteData> routes) {
        Scenario scenario() {
            return Worlds.scenario(sets.toArray(String[]::new));
        }

        @Override
        public String toString() {
            return sets + " regions=" + regions.size() + " routes=" + routes.stream().map(r -> r.id() + ":" + r.capacityPerDay()).toList();
        }
    }

    private static Arbitrary<Double> probability() {
        return Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.just(1.0), Arbitraries.doubles().between(0, 1));
    }

    @Provide
    Arbitrary<World> worlds() {
        Arbitrary<List<String>> keys = Combinators.combine(
                Arbitraries.of(1, 2, 5, 30, 365),                       // days
                Arbitraries.of(1, 3, 10),                                // scale
                Arbitraries.longs().between(1, 1_000_000),               // seed
                Arbitraries.of(0, 1000, 10_000_000)                      // target: none, small, more than all eligible men
        ).as((days, scale, seed, target) -> List.of("days=" + days, "scale=" + scale, "seed=" + seed,
                "draft.target=" + target, "exitList.from=2022-09-21"));
        Arbitrary<List<String>> probabilities = Combinators.combine(
                probability(), probability(), probability(),             // misclassification, exit-list coverage, intensity
                probability(), probability()                              // raids, arrests
        ).as((mis, coverage, intensity, raid, arrest) -> List.of("draft.misclassification=" + mis,
                "exitList.coverage=" + coverage, "enforcement.intensity=" + intensity,
                "enforcement.raidProb=" + raid, "protest.arrestProb=" + arrest));
        Arbitrary<List<String>> more = Combinators.combine(
                probability(), probability(), probability(),             // family, actProb, summons/day
                Arbitraries.of(0.0, 0.5, 0.85, 0.899, 1.0),              // legitimacy: 0 makes everyone aggrieved
                Arbitraries.of(0, 1, 3),                                 // report delay
                Arbitraries.of(1, 7))                                    // jail days
                .as((family, act, perDay, legitimacy, delay, jail) -> List.of(
                        "emigration.familyPerEmigrant=" + family, "emigration.actProb=" + act,
                        "draft.summonsPerDay=" + perDay, "protest.legitimacy=" + legitimacy,
                        "draft.reportDelayDays=" + delay, "protest.jailDays=" + jail));
        Arbitrary<List<RegionData>> regions = Arbitraries.integers().between(1, 3).flatMap(n ->
                Arbitraries.longs().between(1, 60_000).list().ofSize(n).map(pops -> {
                    List<RegionData> list = new ArrayList<>();
                    for (int k = 0; k < pops.size(); k++) {
                        list.add(Worlds.region("RU-R" + k, pops.get(k), 50 + k, 40 + k));
                    }
                    return list;
                }));
        // capacity, price (cheap, or dear enough that the poor cannot afford it) and documents (the international
        // passport only 3 in 10 hold): men who would leave but cannot are the ones the engine must keep asking
        Arbitrary<RouteData> route = Combinators.combine(Arbitraries.of(0L, 1L, 50L, 100_000L),
                Arbitraries.of(1000.0, 300_000.0), Arbitraries.of(RouteData.Documents.values()),
                Arbitraries.integers().between(0, 2))
                .as((capacity, price, documents, k) -> new RouteData("route-" + k, "route-" + k, RouteData.Mode.LAND,
                        "RU-R0", 50.5 + k, 40.5, "Elsewhere", capacity, documents, price));
        Arbitrary<List<RouteData>> routes = route.list().ofMinSize(1).ofMaxSize(3).uniqueElements(RouteData::id);
        Arbitrary<Boolean> closeAll = Arbitraries.of(false, true);
        return Combinators.combine(keys, probabilities, more, regions, routes, closeAll).as((k, p, m, reg, rt, ban) -> {
            List<String> sets = new ArrayList<>(k);
            sets.addAll(p);
            sets.addAll(m);
            if (ban) {
                sets.add("events=[{date: 2022-09-22, type: exitBan}]");
            }
            return new World(sets, reg, rt);
        });
    }

    private static ExitVoiceModel run(World w) {
        return run(w, false);
    }

    private static ExitVoiceModel run(World w, boolean askEveryone) {
        Scenario s = w.scenario();
        ExitVoiceModel m = new ExitVoiceModel(s, w.regions(), w.routes(), 2);
        m.start();
        for (Region r : m.regions()) {
            r.askEveryone = askEveryone;
        }
        try {
            while (m.day() < s.days()) {
                m.schedule.step(m);
                for (Region r : m.regions()) {
                    assertNull(r.boundsViolation(), r.code() + " after day " + (m.day() - 1));
                    assertEquals(0, summonedAndUndecided(r), r.code() + ": a summoned man at home neither reported nor hid by day's end, day " + (m.day() - 1));
                }
            }
        } finally {
            m.finish();
        }
        return m;
    }

    @Property(tries = 200, seed = "20220921")
    void theInvariantHoldsAndNothingGoesNegativeOrBackwards(@ForAll("worlds") World w) throws ScenarioException {
        ScenarioValidator.validate(w.scenario(), w.routes()); // only valid worlds are asked about
        ExitVoiceModel m = run(w);
        List<DayReport> days = m.reports();
        assertEquals(w.scenario().days(), days.size());
        Tally before = null;
        for (DayReport d : days) {
            for (RegionDay rd : d.regions()) {
                assertEquals(rd.population(), rd.tally().population(), rd.region() + " on day " + d.day());
                assertNoNegative(rd.tally(), rd.region() + " on day " + d.day());
            }
            for (RouteDay r : d.routes()) {
                assertTrue(r.queue() >= 0 && r.crossed() >= 0 && r.turnedBack() >= 0 && r.priceIndex() >= 1, r.toString());
            }
            Tally t = d.national();
            if (before != null) {
                assertTrue(t.emigrated() >= before.emigrated(), "emigrated never shrinks");
                assertTrue(t.mobilized() >= before.mobilized(), "mobilized never shrinks");
            }
            before = t;
        }
        for (int r = 0; r < m.regionCount(); r++) {
            int[] recount = Worlds.recountStates(m, r);
            for (byte st = 0; st < PersonState.COUNT; st++) {
                assertEquals(recount[st], m.stock(r, st), "stock of state " + st + " matches the people");
            }
        }
    }

    @Property(tries = 30, seed = "20220921")
    void theSameSeedGivesTheSameRun(@ForAll("worlds") World w) {
        assertEquals(run(w).reports(), run(w).reports());
    }

    /** The engine skips men no rule can reach today; asking everyone every day instead must give the very same run. */
    @Property(tries = 100, seed = "20220921")
    void askingOnlyTheMenARuleCanReachChangesNothing(@ForAll("worlds") World w) {
        List<DayReport> everyone = run(w, true).reports(), reachable = run(w, false).reports();
        assertEquals(everyone.size(), reachable.size());
        for (int d = 0; d < everyone.size(); d++) {
            assertEquals(everyone.get(d), reachable.get(d), "day " + d);
        }
    }

    /**
     * Men at home, summoned, not reporting, and not due to decide tomorrow: every summoned man leaves, hides or reports
     * the day he is summoned or freed (the next day if summoned after he had had his day).
     */
    private static long summonedAndUndecided(Region r) {
        return Worlds.men(r).filter(v -> v.state() == PersonState.AT_HOME && v.summoned() && !v.reporting()
                && !v.decidesTomorrow()).count();
    }

    private static void assertNoNegative(Tally t, String where) {
        long[] all = {t.atHome(), t.hiding(), t.enRoute(), t.emigrated(), t.mobilized(), t.detained(), t.summons(),
                t.reported(), t.misdrafted(), t.caught(), t.protesters(), t.arrests(), t.incidents(), t.departures(), t.turnedBack()};
        for (long v : all) {
            assertTrue(v >= 0, where + ": " + t);
        }
    }
}
