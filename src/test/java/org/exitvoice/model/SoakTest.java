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
 * Soak (mvn -Psoak test, not in mvn verify): a year of the whole country at one agent per person (41.7 M agents) with
 * the invariant checked every day, and heap that stays flat once the population is built; a 5,000-run sweep whose heap
 * stays flat as runs finish.
 */
class SoakTest {
    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void aYearOfTheWholeCountryKeepsTheInvariantAndFlatMemory() throws Exception {
        ScenarioInput in = ScenarioLoader.load(Path.of("params/sep2022.yaml"), List.of(),
                new ScenarioLoader.Overrides(null, 1, 365));
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

    @Test
    void aFiveThousandRunSweepKeepsFlatMemory(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path experiment = dir.resolve("soak.yaml");
        java.nio.file.Files.writeString(experiment, String.join("\n",
                "scenario: " + Path.of("params/sep2022.yaml").toAbsolutePath(),
                "design: {type: factorial}", "replications: 1000", "seed: 3", "scale: 4000", "days: 30",
                "factors:", "  draft.misclassification: [0, 0.1, 0.2, 0.3, 0.4]",
                "metrics:", "  - final.emigrated", "  - peak.protesters", "  - sum.incidents",
                "timeseries: [emigrated, protesters]", ""));
        List<long[]> samples = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        long t0 = System.nanoTime();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                samples.add(new long[]{System.nanoTime() - t0, usedAfterGc()});
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        int exit = org.exitvoice.cli.ExitVoice.commandLine().execute("sweep", experiment.toString(), "--out",
                dir.resolve("out").toString(), "--quiet");
        long total = System.nanoTime() - t0;
        sampler.interrupt();
        sampler.join();
        assertEquals(0, exit);
        assertEquals(5001, java.nio.file.Files.readAllLines(dir.resolve("out/runs.csv")).size());
        long early = samples.stream().filter(x -> x[0] < total / 3).mapToLong(x -> x[1]).max().orElseThrow();
        long late = samples.stream().filter(x -> x[0] > 2 * total / 3).mapToLong(x -> x[1]).max().orElseThrow();
        assertTrue(late < early * 1.2 + (64L << 20),
                "heap in the first third of the sweep " + (early >> 20) + " MB, in the last third " + (late >> 20) + " MB");
    }
}
