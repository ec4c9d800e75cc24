package org.exitvoice.model;

import org.exitvoice.scenario.RegionData;
import org.exitvoice.scenario.RouteData;
import org.exitvoice.scenario.Scenario;

import java.util.List;
import java.util.function.Consumer;

/** Runs a model headless for the scenario's days, the way MASON's doLoop would, and returns its reports. */
public final class Simulation {
    private Simulation() {
    }

    /** Runs all days; {@code afterEachDay} sees each day's report as it is made (progress, journals). */
    public static RunResult run(Scenario scenario, List<RegionData> regions, List<RouteData> routes, int threads,
                                Consumer<DayReport> afterEachDay) {
        long t0 = System.nanoTime();
        ExitVoiceModel model = new ExitVoiceModel(scenario, regions, routes, threads);
        model.start();
        try {
            while (model.day() < scenario.days()) {
                model.schedule.step(model);
                afterEachDay.accept(model.reports().get(model.day() - 1));
            }
        } finally {
            model.finish();
        }
        return new RunResult(model.reports(), scenario.draft().target(), (System.nanoTime() - t0) / 1e9);
    }
}
