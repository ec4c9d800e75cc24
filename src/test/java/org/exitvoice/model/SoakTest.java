package org.exitvoice.model;

import org.exitvoice.scenario.ScenarioInput;
import org.exitvoice.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Soak (mvn -Psoak test, not in mvn verify): a year at scale 10 (4.2 M agents) with the invariant checked every day,
 * and heap that stays flat once the population is built.
 */
class SoakTest {
    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void aYearAtScaleTenKeepsTheInvariantAndFlatMemory() throws Exception {
        ScenarioInput in = ScenarioLoader.load(Path.of("params/sep2022.yaml"), List.of(),
                new ScenarioLoader.Overrides(null, 10, 365));
        ExitVoiceModel m = new ExitVoiceModel(in.scenario(), in.regions(), in.routes(), 2);
        m.start();
        long afterDay30 = 0;
        while (m.day() < 365) {
            m.schedule.step(m);
            DayReport d = m.reports().get(m.day() - 1);
            for (RegionDay rd : d.regions()) {
                assertEquals(rd.population(), rd.tally().population(), rd.region() + " on " + d.date());
            }
            if (m.day() == 30) {
                afterDay30 = usedAfterGc();
            }
        }
        long atTheEnd = usedAfterGc();
        m.finish();
        // the day reports grow by a few kB a day; the people and lists must not
        assertTrue(atTheEnd < afterDay30 * 1.10 + (32L << 20),
                "heap after day 30: " + (afterDay30 >> 20) + " MB, after day 365: " + (atTheEnd >> 20) + " MB");
    }
}
