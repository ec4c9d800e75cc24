package org.exitvoice.model;

import org.exitvoice.scenario.ScenarioInput;
import org.exitvoice.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine reads only the men a rule can reach on a day; on the September 2022 scenario, where prices and queues move
 * every day and many men would leave but cannot afford to, asking every man every day must give the very same run.
 */
class AskingEveryoneTest {

    /** What a GUI user might do to the levers at the start of a day. */
    interface LeverMoves {
        void before(int day, Levers levers);
    }

    private static List<DayReport> run(Path scenario, boolean askEveryone) throws Exception {
        return run(scenario, askEveryone, (day, levers) -> { });
    }

    private static List<DayReport> run(Path scenario, boolean askEveryone, LeverMoves moves) throws Exception {
        ScenarioInput in = ScenarioLoader.load(scenario, List.of(), new ScenarioLoader.Overrides(3L, 200, 45));
        ExitVoiceModel m = new ExitVoiceModel(in.scenario(), in.regions(), in.routes(), 2);
        m.start();
        for (Region r : m.regions()) {
            r.askEveryone = askEveryone;
        }
        while (m.day() < in.scenario().days()) {
            moves.before(m.day(), m.levers());
            m.schedule.step(m);
            for (Region r : m.regions()) {
                assertNull(r.boundsViolation(), r.code() + " after day " + (m.day() - 1));
            }
        }
        m.finish();
        return m.reports();
    }

    private static List<DayReport> sameRun(Path scenario) throws Exception {
        List<DayReport> everyone = run(scenario, true), reachable = run(scenario, false);
        long setOff = everyone.stream().mapToLong(d -> d.national().departures()).sum();
        assertTrue(setOff > 0, "men set off: the test means something");
        for (int d = 0; d < everyone.size(); d++) {
            assertEquals(everyone.get(d), reachable.get(d), scenario + ", day " + d);
        }
        return everyone;
    }

    @Test
    void onTheSeptember2022ScenarioSkippingChangesNothing() throws Exception {
        sameRun(Path.of("params/sep2022.yaml"));
    }

    @Test
    void leversMovedMidRunChangeNothingEither() throws Exception {
        // sloppier drafting on day 5, every route closed on days 8-11, more police and harder enforcement on day 12
        Path scenario = Path.of("params/sep2022.yaml");
        int routes = ScenarioLoader.load(scenario, List.of(), new ScenarioLoader.Overrides(3L, 200, 45)).routes().size();
        LeverMoves moves = (day, levers) -> {
            if (day == 5) {
                levers.setMisclassification(0.4);
            }
            if (day == 8 || day == 12) {
                for (int k = 0; k < routes; k++) {
                    levers.setRouteOpen(k, day == 12);
                }
            }
            if (day == 12) {
                levers.setPolicePer1000(12);
                levers.setIntensity(1.0);
            }
        };
        List<DayReport> everyone = run(scenario, true, moves), reachable = run(scenario, false, moves);
        for (int d = 0; d < everyone.size(); d++) {
            assertEquals(everyone.get(d), reachable.get(d), "day " + d);
        }
        assertTrue(everyone.get(9).national().departures() < everyone.get(7).national().departures() / 10,
                "with every route closed almost nobody sets off: " + everyone.get(9).national() + " vs " + everyone.get(7).national());
    }

    @Test
    void whenTheBordersCloseMidRunSkippingChangesNothing(@TempDir Path dir) throws Exception {
        // men on the road are turned back and come home (or hide, if summoned): the bounds must take them back in
        Path scenario = dir.resolve("closed-on-day-5.yaml");
        Files.writeString(scenario, "extends: " + Path.of("params/sep2022.yaml").toAbsolutePath()
                + "\nevents: [{date: 2022-09-26, type: exitBan}]\n");
        List<DayReport> days = sameRun(scenario);
        assertTrue(days.stream().mapToLong(d -> d.national().turnedBack()).sum() > 0, "men were turned back");
    }
}
